// Folders, and moving or deleting a file or a whole folder. A move never overwrites: the
// destination must be free. History keeps the path each version was saved under.
import { recordAuditEvent } from "../audit/record-audit-event";
import { db, Prisma } from "../db/client";
import { AppError } from "../errors";
import { projectToWrite, type ProjectArgs } from "./access";
import { assertPathFree, occupantOf } from "./occupancy";
import { insideFolder, isWithin, normalisePath } from "./paths";

type Args = ProjectArgs;

export async function createFolder(args: Args & { path: string }): Promise<{ path: string }> {
  const project = await projectToWrite(args);
  const path = normalisePath(args.path);
  await db.$transaction(async (tx) => {
    await assertPathFree(tx, project.id, path);
    await tx.folder.create({ data: { projectId: project.id, path } });
    await recordAuditEvent(tx, { actorId: args.actorId, projectId: project.id, action: "folder.created", target: path });
  });
  return { path };
}

/** Renames or moves a file or a folder (with everything in it). */
export async function movePath(args: Args & { from: string; to: string }) {
  const project = await projectToWrite(args);
  const from = normalisePath(args.from);
  const to = normalisePath(args.to);
  if (from === to) throw new AppError("BAD_REQUEST", `"${from}" is already there; choose another name or folder.`, { to: ["is the same path"] });
  return db.$transaction(async (tx) => {
    const kind = await occupantOf(tx, project.id, from);
    if (!kind) throw new AppError("NOT_FOUND", `There is no file or folder "${from}" in this project.`);
    if (kind === "folder" && isWithin(to, from)) {
      throw new AppError("BAD_REQUEST", `A folder cannot move into itself ("${from}" into "${to}").`, { to: ["is inside the folder"] });
    }
    await assertPathFree(tx, project.id, to);
    let files = 1;
    if (kind === "file") {
      await tx.file.update({ where: { projectId_path: { projectId: project.id, path: from } }, data: { path: to } });
    } else {
      // One statement per table: a folder of thousands of files moves at once. starts_with is a
      // literal prefix test (no LIKE wildcards in folder names).
      const cut = from.length + 1;
      files = await tx.$executeRaw(Prisma.sql`
        UPDATE "File" SET path = ${to} || substr(path, ${cut})
        WHERE "projectId" = ${project.id} AND starts_with(path, ${`${from}/`})`);
      await tx.$executeRaw(Prisma.sql`
        UPDATE "Folder" SET path = ${to} || substr(path, ${cut})
        WHERE "projectId" = ${project.id} AND (path = ${from} OR starts_with(path, ${`${from}/`}))`);
    }
    await recordAuditEvent(tx, {
      actorId: args.actorId,
      projectId: project.id,
      action: kind === "file" ? "file.renamed" : "folder.renamed",
      target: to,
      data: { from, to },
    });
    return { from, to, kind, files };
  });
}

/** Deletes a file, or a folder and every file in it. Versions of deleted files go with them. */
export async function deletePath(args: Args & { path: string }) {
  const project = await projectToWrite(args);
  const path = normalisePath(args.path);
  return db.$transaction(async (tx) => {
    const kind = await occupantOf(tx, project.id, path);
    if (!kind) throw new AppError("NOT_FOUND", `There is no file or folder "${path}" in this project.`);
    let files = 1;
    if (kind === "file") {
      await tx.file.delete({ where: { projectId_path: { projectId: project.id, path } } });
    } else {
      files = (await tx.file.deleteMany({ where: { projectId: project.id, path: insideFolder(path) } })).count;
      await tx.folder.deleteMany({ where: { projectId: project.id, OR: [{ path }, { path: insideFolder(path) }] } });
    }
    await recordAuditEvent(tx, {
      actorId: args.actorId,
      projectId: project.id,
      action: kind === "file" ? "file.deleted" : "folder.deleted",
      target: path,
      data: kind === "folder" ? { files } : {},
    });
    return { path, kind, files };
  });
}
