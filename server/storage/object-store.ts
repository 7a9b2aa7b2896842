// One storage interface for everything Benchtop keeps as objects: job snapshots (content-
// addressed blobs), checkpoints, artifacts, and (the datasets issue) datasets. Two drivers: a
// local folder (the embedded default) and S3 (s3-store.ts). Keys are untrusted.
import type { Readable } from "node:stream";

export type ObjectInfo = { key: string; size: number; etag: string; modifiedAt: Date; contentType?: string };

export type ListPage = {
  objects: ObjectInfo[];
  /** "Folders" one level down when a delimiter was given, each ending with the delimiter. */
  prefixes: string[];
  /** Pass back as `token` for the next page; null on the last page. */
  nextToken: string | null;
};

export type ListOptions = {
  /** "/" to list one folder level (prefixes = sub-folders). */
  delimiter?: string;
  token?: string | null;
  /** At most 1000 (S3's page size). */
  limit?: number;
};

export type UploadedPart = { partNumber: number; etag: string; size: number };

/** Presigned URLs are valid for this long unless a caller asks otherwise. */
export const PRESIGN_SECONDS = 600;

export interface ObjectStore {
  readonly kind: "local" | "s3";
  put(key: string, body: Buffer | Readable, opts?: { contentType?: string }): Promise<ObjectInfo>;
  /** The object's bytes, or a byte range of them (inclusive `end`, as HTTP ranges). */
  get(key: string, range?: { start: number; end?: number }): Promise<Readable>;
  /** Size, modified time, ETag and content type; null when there is no such object. */
  head(key: string): Promise<ObjectInfo | null>;
  /** One page in key order (UTF-8 byte order, as S3); never a full listing. */
  list(prefix: string, opts?: ListOptions): Promise<ListPage>;
  delete(key: string): Promise<void>;
  /** Deletes up to 1000 keys in one call; missing keys count as deleted, as on S3. */
  deleteMany(keys: string[]): Promise<{ deleted: number }>;

  /**
   * A URL anyone holding it may GET (with Range) until it expires. S3: the store's own URL; local:
   * a path on the Benchtop server (/api/storage/local/...), to resolve against its URL. Both
   * honour an If-Match request header (412 when the object changed).
   */
  presignGet(key: string, opts?: { expiresIn?: number; filename?: string }): Promise<string>;
  /** A URL to PUT one object's bytes (up to 5 GiB on S3). */
  presignPut(key: string, opts?: { expiresIn?: number; contentType?: string }): Promise<string>;

  createMultipart(key: string, opts?: { contentType?: string }): Promise<string>;
  /** A URL to PUT part `partNumber` (1..10000); the response's ETag header names the part. */
  presignPart(key: string, uploadId: string, partNumber: number, opts?: { expiresIn?: number }): Promise<string>;
  /** The parts received so far, in order: what a resumed upload can skip. */
  listParts(key: string, uploadId: string): Promise<UploadedPart[]>;
  completeMultipart(key: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<ObjectInfo>;
  abortMultipart(key: string, uploadId: string): Promise<void>;

  /** Checks that the store answers and accepts its credentials; throws StoreAccessError in words. */
  check(): Promise<void>;
}

/** The store refused or could not be reached; the message says which, in words. */
export class StoreAccessError extends Error {
  override name = "StoreAccessError";
}

export class ObjectNotFoundError extends Error {
  override name = "ObjectNotFoundError";
  constructor(readonly key: string) {
    super(`There is no object "${key}".`);
  }
}

export class UploadNotFoundError extends Error {
  override name = "UploadNotFoundError";
  constructor(readonly uploadId: string) {
    super(`There is no upload in progress with id "${uploadId}": it was completed, aborted or never started.`);
  }
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
