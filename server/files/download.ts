// What a download sends: one file's bytes, or a folder (or the whole project) as an archive.
import { db } from "../db/client";
import { AppError } from "../errors";
import { projectToRead, type ProjectArgs } from "./access";
import { type ArchiveEntry, type ArchiveFormat, archiveStream } from "./archive";
import { occupantOf } from "./occupancy";
import { baseName, insideFolder, normalisePath } from "./paths";

export type FolderArchive = { fileName: string; contentType: string; chunks: AsyncGenerator<Buffer> };

/** A folder (or, with no path, the whole project) as a zip or tar whose top folder is its name. */
export async function folderArchive(args: ProjectArgs & { path: string | null; format: ArchiveFormat }): Promise<FolderArchive> {
  const project = await projectToRead(args);
  const folder = args.path === null ? null : normalisePath(args.path);
  if (folder !== null && (await occupantOf(db, project.id, folder)) !== "folder") {
    throw new AppError("NOT_FOUND", `There is no folder "${folder}" in this project.`);
  }
  const top = folder === null ? project.slug : baseName(folder);
  const files = await db.file.findMany({
    where: { projectId: project.id, ...(folder === null ? {} : { path: insideFolder(folder) }) },
    orderBy: { path: "asc" },
    select: { id: true, path: true, updatedAt: true },
  });
  const entries: ArchiveEntry[] = files.map((f) => ({
    name: `${top}/${folder === null ? f.path : f.path.slice(folder.length + 1)}`,
    mtime: f.updatedAt,
    // The tenant check happened above; the id came from this project's own rows.
    load: async () => new Uint8Array((await db.file.findUniqueOrThrow({ where: { id: f.id }, select: { content: true } })).content),
  }));
  return {
    fileName: `${top}.${args.format === "zip" ? "zip" : "tar"}`,
    contentType: args.format === "zip" ? "application/zip" : "application/x-tar",
    chunks: archiveStream(args.format, entries),
  };
}
