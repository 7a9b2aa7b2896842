// Saving a file: every save names the version it edited, and a save over a newer version is
// refused with who saved what and when, never a silent overwrite. Each save keeps a version.
import { recordAuditEvent } from "../audit/record-audit-event";
import { db, isUniqueViolation, Prisma, type Tx } from "../db/client";
import { AppError } from "../errors";
import { putBlob, sha256Of } from "../storage/blobs";
import { projectToWrite, type ProjectArgs } from "./access";
import { MAX_FILE_BYTES } from "./content-kind";
import { assertPathFree } from "./occupancy";
import { normalisePath } from "./paths";
import type { TSaved } from "./schemas";
import { ensureCurrentVersionRow } from "./versions";

export type WriteFileArgs = ProjectArgs & {
  path: string;
  /** The version the bytes were edited from; null creates the file and is refused if it exists. */
  baseVersion: number | null;
  bytes: Uint8Array;
};

/** "2026-11-24 14:02 UTC": a time every reader of a conflict message reads the same way. */
function utc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export async function writeFile(args: WriteFileArgs): Promise<TSaved> {
  const project = await projectToWrite(args);
  const path = normalisePath(args.path);
  const bytes = new Uint8Array(args.bytes);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new AppError("BAD_REQUEST", `"${path}" is ${bytes.length} bytes; one file may be at most ${MAX_FILE_BYTES / 1024 ** 2} MB.`);
  }
  const sha256 = sha256Of(bytes);
  await putBlob(sha256, bytes);
  try {
    return await db.$transaction((tx) =>
      args.baseVersion === null
        ? createInTx(tx, { projectId: project.id, actorId: args.actorId, path, bytes, sha256 })
        : updateInTx(tx, { projectId: project.id, actorId: args.actorId, path, bytes, sha256, baseVersion: args.baseVersion }),
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `"${path}" was created by someone else a moment ago; nothing was overwritten.`);
    throw e;
  }
}

type InTx = { projectId: string; actorId: string; path: string; bytes: Uint8Array<ArrayBuffer>; sha256: string };

async function createInTx(tx: Tx, a: InTx): Promise<TSaved> {
  await assertPathFree(tx, a.projectId, a.path);
  const file = await tx.file.create({
    data: { projectId: a.projectId, path: a.path, content: a.bytes, sizeBytes: a.bytes.length, version: 1, updatedById: a.actorId },
    select: { id: true, updatedAt: true },
  });
  await tx.fileVersion.create({
    data: { fileId: file.id, version: 1, sha256: a.sha256, sizeBytes: a.bytes.length, path: a.path, createdById: a.actorId, createdAt: file.updatedAt },
  });
  await recordAuditEvent(tx, { actorId: a.actorId, projectId: a.projectId, action: "file.created", target: a.path });
  return { path: a.path, version: 1, updatedAt: file.updatedAt };
}

async function updateInTx(tx: Tx, a: InTx & { baseVersion: number }): Promise<TSaved> {
  // The row lock serialises saves of one file: the second of two saves from version 3 sees 4.
  const [locked] = await tx.$queryRaw<{ id: string; version: number }[]>(
    Prisma.sql`SELECT id, version FROM "File" WHERE "projectId" = ${a.projectId} AND path = ${a.path} FOR UPDATE`,
  );
  if (!locked) throw new AppError("NOT_FOUND", `There is no file "${a.path}" in this project (it may have been renamed or deleted).`);
  if (locked.version !== a.baseVersion) throw await conflict(tx, locked.id, a.path, a.baseVersion);
  await ensureCurrentVersionRow(tx, locked.id);
  const version = locked.version + 1;
  const file = await tx.file.update({
    where: { id: locked.id },
    data: { content: a.bytes, sizeBytes: a.bytes.length, version, updatedById: a.actorId },
    select: { updatedAt: true },
  });
  await tx.fileVersion.create({
    data: { fileId: locked.id, version, sha256: a.sha256, sizeBytes: a.bytes.length, path: a.path, createdById: a.actorId, createdAt: file.updatedAt },
  });
  return { path: a.path, version, updatedAt: file.updatedAt };
}

/**
 * The refusal of a save over a newer version. Its fields carry the current version, when and by
 * whom (`data.fields.version[0]` in tRPC, `error.fields.version[0]` in REST), so a client can
 * fetch that version and show the two side by side.
 */
async function conflict(tx: Tx, fileId: string, path: string, baseVersion: number): Promise<AppError> {
  const current = await tx.file.findUniqueOrThrow({
    where: { id: fileId },
    select: { version: true, updatedAt: true, updatedBy: { select: { name: true, email: true } } },
  });
  const who = current.updatedBy ? (current.updatedBy.name ?? current.updatedBy.email) : "Someone";
  return new AppError(
    "CONFLICT",
    `${who} saved version ${current.version} of "${path}" at ${utc(current.updatedAt)}, after version ${baseVersion} that you edited. ` +
      "Nothing was overwritten: compare the two versions and save again.",
    {
      version: [String(current.version)],
      updatedAt: [current.updatedAt.toISOString()],
      updatedBy: [current.updatedBy?.email ?? ""],
    },
  );
}

/** Saves UTF-8 text (the editor's and the notebook's save). */
export async function saveTextFile(args: Omit<WriteFileArgs, "bytes"> & { content: string }): Promise<TSaved> {
  const { content, ...rest } = args;
  return writeFile({ ...rest, bytes: Buffer.from(content, "utf8") });
}
