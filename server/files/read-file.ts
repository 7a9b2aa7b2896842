// One file's content: text for the editor, bytes for downloads, and its saved versions.
import { db } from "../db/client";
import { AppError } from "../errors";
import { projectToRead, type ProjectArgs } from "./access";
import { isTextContent } from "./content-kind";
import { normalisePath } from "./paths";
import type { TFileContent, TFileVersionEntry } from "./schemas";
import { ensureCurrentVersionRow, personSelect, versionBytes, versionSelect } from "./versions";
import { saveTextFile, writeFile } from "./write-file";

type Args = ProjectArgs & { path: string };

const noFile = (path: string) => new AppError("NOT_FOUND", `There is no file "${path}" in this project.`);

/** The file and its bytes, for a caller who may read the project. */
export async function readFileBytes(args: Args) {
  const project = await projectToRead(args);
  const path = normalisePath(args.path);
  const file = await db.file.findUnique({
    where: { projectId_path: { projectId: project.id, path } },
    select: { id: true, path: true, version: true, sizeBytes: true, updatedAt: true, updatedBy: personSelect, content: true },
  });
  if (!file) throw noFile(path);
  return { ...file, projectId: project.id, content: Buffer.from(file.content) };
}

export async function readFile(args: Args): Promise<TFileContent> {
  const { content, id: _id, projectId: _p, ...file } = await readFileBytes(args);
  const isText = isTextContent(file.path, content);
  return { ...file, isText, content: isText ? content.toString("utf8") : null };
}

async function fileIdOf(args: Args) {
  const project = await projectToRead(args);
  const path = normalisePath(args.path);
  const file = await db.file.findUnique({ where: { projectId_path: { projectId: project.id, path } }, select: { id: true } });
  if (!file) throw noFile(path);
  return { fileId: file.id, path };
}

/** Every saved version, newest first. */
export async function listFileHistory(args: Args): Promise<TFileVersionEntry[]> {
  const { fileId } = await fileIdOf(args);
  await db.$transaction((tx) => ensureCurrentVersionRow(tx, fileId));
  return db.fileVersion.findMany({ where: { fileId }, orderBy: { version: "desc" }, select: versionSelect });
}

export async function readFileVersion(args: Args & { version: number }) {
  const { fileId, path } = await fileIdOf(args);
  await db.$transaction((tx) => ensureCurrentVersionRow(tx, fileId));
  const row = await db.fileVersion.findUnique({ where: { fileId_version: { fileId, version: args.version } }, select: versionSelect });
  if (!row) throw new AppError("NOT_FOUND", `"${path}" has no version ${args.version}.`);
  const bytes = await versionBytes(row.sha256);
  const isText = isTextContent(path, bytes);
  return { ...row, isText, content: isText ? bytes.toString("utf8") : null };
}

/** Restoring is saving the old bytes as a new version (history is never rewritten). */
export async function restoreFileVersion(args: Args & { version: number; baseVersion: number }) {
  const old = await readFileVersion(args);
  if (old.content !== null) return saveTextFile({ ...args, content: old.content });
  return writeFile({ ...args, bytes: await versionBytes(old.sha256) });
}
