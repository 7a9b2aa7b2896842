// Uploads straight from the browser (or the CLI) to the store: presigned multipart parts, so the
// app server signs URLs and never touches the bytes. Resume = listParts, then send what is missing.
// Starting, signing parts, completing and deleting are writes (refused in an archived project);
// listing parts and aborting stay open, so an upload cut off by the archiving can be cleaned up.
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";
import { PRESIGN_SECONDS, UploadNotFoundError } from "../storage/object-store";
import { storeCall } from "./browse";
import { loadDataset, type DatasetArgs } from "./open-store";

type Ref = DatasetArgs & { key: string };

const MiB = 1024 * 1024;
/** S3: at most 10,000 parts, each at least 5 MiB but the last. 16 MiB parts go up to 156 GiB. */
export function partSizeFor(size: number): number {
  const min = 16 * MiB;
  const needed = Math.ceil(size / 10_000 / MiB) * MiB;
  return Math.max(min, needed);
}

async function uploadCall<T>(uploadId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await storeCall(run);
  } catch (e) {
    if (e instanceof UploadNotFoundError) throw new AppError("NOT_FOUND", new UploadNotFoundError(uploadId).message);
    throw e;
  }
}

export async function startUpload(args: Ref & { size: number; contentType?: string }): Promise<{ uploadId: string; partSize: number; partCount: number }> {
  const { objects } = await loadDataset({ ...args, atLeast: "editor", intent: "write" });
  const partSize = partSizeFor(args.size);
  const partCount = Math.max(1, Math.ceil(args.size / partSize));
  const uploadId = await storeCall(() => objects.createMultipart(args.key, { contentType: args.contentType }));
  return { uploadId, partSize, partCount };
}

export async function uploadPartUrls(args: Ref & { uploadId: string; partNumbers: number[] }): Promise<{ partNumber: number; url: string }[]> {
  const { objects } = await loadDataset({ ...args, atLeast: "editor", intent: "write" });
  return uploadCall(args.uploadId, () =>
    Promise.all(args.partNumbers.map(async (n) => ({ partNumber: n, url: await objects.presignPart(args.key, args.uploadId, n, { expiresIn: PRESIGN_SECONDS }) }))),
  );
}

export async function listUploadParts(args: Ref & { uploadId: string }): Promise<{ partNumber: number; etag: string; size: number }[]> {
  const { objects } = await loadDataset({ ...args, atLeast: "editor" });
  return uploadCall(args.uploadId, () => objects.listParts(args.key, args.uploadId));
}

export async function completeUpload(args: Ref & { uploadId: string; parts: { partNumber: number; etag: string }[] }): Promise<{ key: string; size: number; etag: string }> {
  const { objects } = await loadDataset({ ...args, atLeast: "editor", intent: "write" });
  const parts = [...args.parts].sort((a, b) => a.partNumber - b.partNumber);
  const info = await uploadCall(args.uploadId, () => objects.completeMultipart(args.key, args.uploadId, parts));
  return { key: info.key, size: info.size, etag: info.etag };
}

export async function abortUpload(args: Ref & { uploadId: string }): Promise<void> {
  const { objects } = await loadDataset({ ...args, atLeast: "editor" });
  await uploadCall(args.uploadId, () => objects.abortMultipart(args.key, args.uploadId)).catch((e) => {
    if (!(e instanceof AppError && e.code === "NOT_FOUND")) throw e; // aborting twice is fine
  });
}

/** Deletes the named keys, or everything under a folder (page by page, 1000 per store call). */
export async function deleteDatasetObjects(args: Omit<Ref, "key"> & { keys?: string[]; prefix?: string }): Promise<{ deleted: number }> {
  const { objects, dataset, project } = await loadDataset({ ...args, atLeast: "editor", intent: "write" });
  let deleted = 0;
  if (args.keys?.length) deleted += (await storeCall(() => objects.deleteMany(args.keys!))).deleted;
  if (args.prefix) {
    if (!args.prefix.endsWith("/")) throw new AppError("BAD_REQUEST", "A folder to delete ends with /.", { prefix: ["must end with /"] });
    for (;;) {
      // Always the first page: what was deleted is gone, so no token is needed (or valid).
      const page = await storeCall(() => objects.list(args.prefix!, { limit: 1000 }));
      if (page.objects.length === 0) break;
      deleted += (await storeCall(() => objects.deleteMany(page.objects.map((o) => o.key)))).deleted;
    }
  }
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: args.actorId,
      projectId: project.id,
      action: "dataset.objects_deleted",
      target: dataset.name,
      data: { deleted, ...(args.prefix ? { prefix: args.prefix } : {}), ...(args.keys?.length ? { keys: args.keys.slice(0, 20) } : {}) },
    }),
  );
  return { deleted };
}
