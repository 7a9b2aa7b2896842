// A path holds one thing: a file, or a folder (explicit, or implied by the files inside it).
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { insideFolder, parentFolders } from "./paths";

export type Occupant = "file" | "folder" | null;

export async function occupantOf(tx: Tx, projectId: string, path: string): Promise<Occupant> {
  const [file, folder, fileInside, folderInside] = await Promise.all([
    tx.file.findUnique({ where: { projectId_path: { projectId, path } }, select: { id: true } }),
    tx.folder.findUnique({ where: { projectId_path: { projectId, path } }, select: { id: true } }),
    tx.file.findFirst({ where: { projectId, path: insideFolder(path) }, select: { id: true } }),
    tx.folder.findFirst({ where: { projectId, path: insideFolder(path) }, select: { id: true } }),
  ]);
  if (file) return "file";
  return folder || fileInside || folderInside ? "folder" : null;
}

/** Refuses a new file or folder at `path` when something is there, or a parent is a file. */
export async function assertPathFree(tx: Tx, projectId: string, path: string): Promise<void> {
  const here = await occupantOf(tx, projectId, path);
  if (here) throw new AppError("CONFLICT", `A ${here} named "${path}" already exists; nothing was overwritten.`, { path: [`a ${here} is there already`] });
  const parents = parentFolders(path);
  if (parents.length === 0) return;
  const blocking = await tx.file.findFirst({ where: { projectId, path: { in: parents } }, select: { path: true } });
  if (blocking) {
    throw new AppError("CONFLICT", `"${blocking.path}" is a file, so "${path}" cannot be created inside it.`, { path: [`"${blocking.path}" is a file`] });
  }
}
