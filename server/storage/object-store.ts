// One storage interface for everything Benchtop keeps as objects: job snapshots (content-
// addressed blobs), checkpoints, artifacts, and (the datasets issue) datasets. Two drivers: a
// local folder (the embedded default, here) and S3 (added with datasets). Keys are untrusted.
import type { Readable } from "node:stream";

export type ObjectInfo = { key: string; size: number; etag: string; modifiedAt: Date };

export type ListPage = {
  objects: ObjectInfo[];
  /** "Folders" one level down when a delimiter was given, each ending with the delimiter. */
  prefixes: string[];
  nextToken: string | null;
};

export interface ObjectStore {
  readonly kind: "local" | "s3";
  put(key: string, body: Buffer | Readable, opts?: { contentType?: string }): Promise<ObjectInfo>;
  /** The object's bytes, or a byte range of them (inclusive `end`, as HTTP ranges). */
  get(key: string, range?: { start: number; end?: number }): Promise<Readable>;
  head(key: string): Promise<ObjectInfo | null>;
  list(prefix: string, opts?: { delimiter?: string; token?: string | null; limit?: number }): Promise<ListPage>;
  delete(key: string): Promise<void>;
}

export class StorageKeyError extends Error {
  override name = "StorageKeyError";
}

const MAX_KEY_BYTES = 1024; // S3's limit, so a key that works locally works on S3 too

/**
 * Refuses keys that could escape a driver's root or that S3 would refuse: empty, too long,
 * absolute, with `.`/`..` segments, backslashes or control characters. Unicode and spaces are fine.
 */
export function assertValidKey(key: string): void {
  if (key.length === 0) throw new StorageKeyError("An object key cannot be empty.");
  if (Buffer.byteLength(key, "utf8") > MAX_KEY_BYTES) {
    throw new StorageKeyError(`The object key is ${Buffer.byteLength(key, "utf8")} bytes long; the limit is ${MAX_KEY_BYTES}.`);
  }
  if (key.startsWith("/")) throw new StorageKeyError(`The object key "${key}" is absolute; keys are relative paths.`);
  if (/[\u0000-\u001f\u007f\\]/.test(key)) throw new StorageKeyError(`The object key "${key}" holds a control character or a backslash.`);
  for (const segment of key.split("/")) {
    if (segment === "." || segment === "..") throw new StorageKeyError(`The object key "${key}" holds a "${segment}" segment.`);
  }
}
