// Uploads straight from the browser (or the CLI) to the store: presigned multipart parts.
import { AppError } from "../errors";

const todo = () => new AppError("UNAVAILABLE", "Uploads are being built.");
type Ref = { actorId: string; projectSlug: string; dataset: string; key: string };

export async function startUpload(_args: Ref & { size: number; contentType: string }): Promise<{ uploadId: string; partSize: number; partCount: number }> {
  throw todo();
}
export async function uploadPartUrls(_args: Ref & { uploadId: string; partNumbers: number[] }): Promise<{ partNumber: number; url: string }[]> {
  throw todo();
}
export async function listUploadParts(_args: Ref & { uploadId: string }): Promise<{ partNumber: number; etag: string; size: number }[]> {
  throw todo();
}
export async function completeUpload(_args: Ref & { uploadId: string; parts: { partNumber: number; etag: string }[] }): Promise<{ key: string; size: number; etag: string }> {
  throw todo();
}
export async function abortUpload(_args: Ref & { uploadId: string }): Promise<void> {
  throw todo();
}
export async function deleteDatasetObjects(_args: Omit<Ref, "key"> & { keys?: string[]; prefix?: string }): Promise<{ deleted: number }> {
  throw todo();
}
