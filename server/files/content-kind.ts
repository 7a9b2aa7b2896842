// Whether a file's bytes are text the editor can open, and what type to serve them as (by the
// one MIME table, lib/media-type.ts).
import { extensionOf, mediaTypeByName } from "../../lib/media-type";

export { extensionOf };

/** Text above this is offered for download, not opened (the editor stays responsive far below). */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
/** One file's largest upload: it is stored in PostgreSQL (bytea) as well as the object store. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const BINARY_EXTENSIONS = new Set([
  "png", "jpg", "jpeg", "gif", "webp", "bmp", "ico", "tif", "tiff", "pdf", "zip", "gz", "tgz", "bz2", "xz", "zst", "tar",
  "7z", "parquet", "feather", "arrow", "npy", "npz", "pt", "pth", "ckpt", "safetensors", "bin", "onnx", "h5", "hdf5",
  "pkl", "pickle", "joblib", "so", "o", "a", "whl", "mp3", "mp4", "wav", "mov", "avi", "xlsx", "xls", "docx", "pptx",
  "sqlite", "db", "woff", "woff2", "ttf", "otf", "class", "jar", "rds", "rdata",
]);

/** The media type to describe a file with (never used to let a browser render a download inline). */
export function mediaTypeOf(path: string, isText: boolean): string {
  return mediaTypeByName(path) ?? (isText ? "text/plain" : "application/octet-stream");
}

/** Image types the browser may show inline (SVG is excluded: it can carry script). */
export function isInlineImage(path: string): boolean {
  return ["png", "jpg", "jpeg", "gif", "webp", "bmp", "ico"].includes(extensionOf(path));
}

/**
 * Text: valid UTF-8 with no NUL byte, not above MAX_TEXT_BYTES, and not a known binary type
 * (a tiny .npy can be valid UTF-8 by chance).
 */
export function isTextContent(path: string, bytes: Uint8Array): boolean {
  if (bytes.length > MAX_TEXT_BYTES) return false;
  if (BINARY_EXTENSIONS.has(extensionOf(path))) return false;
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The same decision from what the tree knows without reading bytes: a guess by name and size. */
export function looksLikeText(path: string, sizeBytes: number): boolean {
  return sizeBytes <= MAX_TEXT_BYTES && !BINARY_EXTENSIONS.has(extensionOf(path));
}
