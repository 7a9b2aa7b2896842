// Every saved version of a file, its bytes a content-addressed blob. A file saved before
// versions were kept (seeded, or written by older code) has no rows: its current content counts
// as its current version, and that row is written the first time anyone saves or asks.
import { buffer } from "node:stream/consumers";
import type { Tx } from "../db/client";
import { getBlob, putBlob, sha256Of } from "../storage/blobs";

export const personSelect = { select: { name: true, email: true } } as const;

export const versionSelect = {
  version: true,
  path: true,
  sizeBytes: true,
  sha256: true,
  createdAt: true,
  createdBy: personSelect,
} as const;

/** Writes the row of the file's current version if it is missing (idempotent under races). */
export async function ensureCurrentVersionRow(tx: Tx, fileId: string): Promise<void> {
  const file = await tx.file.findUniqueOrThrow({
    where: { id: fileId },
    select: { version: true, path: true, updatedById: true, updatedAt: true },
  });
  const exists = await tx.fileVersion.findUnique({ where: { fileId_version: { fileId, version: file.version } }, select: { id: true } });
  if (exists) return;
  const { content } = await tx.file.findUniqueOrThrow({ where: { id: fileId }, select: { content: true } });
  const bytes = Buffer.from(content);
  const sha256 = sha256Of(bytes);
  await putBlob(sha256, bytes);
  await tx.fileVersion.createMany({
    data: [{ fileId, version: file.version, sha256, sizeBytes: bytes.length, path: file.path, createdById: file.updatedById, createdAt: file.updatedAt }],
    skipDuplicates: true,
  });
}

export async function versionBytes(sha256: string): Promise<Buffer> {
  return buffer(await getBlob(sha256));
}
