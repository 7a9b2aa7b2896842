// The local-folder driver: each key is a file under the root. Writes go to a temp file and are
// renamed into place, so a reader never sees half an object. Listing reads one directory level at
// a time (never the whole tree), in S3's key order, so a token pages through millions of files.
// ETags come from the file's identity (inode, size, mtime in ns): a put renames a new inode in, so
// every write changes the ETag, and files copied in by hand get one too. Multipart uploads keep
// their parts beside the root (uploadsDir) until complete() joins them.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type BigIntStats } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { contentTypeOf } from "./content-type";
import { compareKeys } from "./key-order";
import { signLocalUrl } from "./local-signing";
import {
  assertValidKey,
  ObjectNotFoundError,
  PRESIGN_SECONDS,
  StorageKeyError,
  StoreAccessError,
  UploadNotFoundError,
  type ListOptions,
  type ListPage,
  type ObjectInfo,
  type ObjectStore,
  type UploadedPart,
} from "./object-store";

export { ObjectNotFoundError } from "./object-store";

const TMP = ".tmp-";
const UPLOAD_ID = /^[0-9a-f-]{36}$/;

export type LocalStoreOptions = {
  /** What presigned URLs name: the DataStore id (or "_system") and the bucket. */
  signing?: { store: string; bucket: string };
  /** Where multipart parts wait; default: <parent of root>/.benchtop-uploads/<root's name>. */
  uploadsDir?: string;
};

export class LocalObjectStore implements ObjectStore {
  readonly kind = "local" as const;
  private readonly root: string;
  private readonly uploadsDir: string;

  constructor(root: string, private readonly opts: LocalStoreOptions = {}) {
    this.root = path.resolve(root);
    this.uploadsDir = opts.uploadsDir ?? path.join(path.dirname(this.root), ".benchtop-uploads", path.basename(this.root));
  }

  private fileOf(key: string): string {
    assertValidKey(key);
    const segments = key.split("/");
    if (segments.some((s) => s === "")) {
      throw new StorageKeyError(`The object key "${key}" has an empty segment (// or a trailing /), which a local store cannot hold.`);
    }
    const long = segments.find((s) => Buffer.byteLength(s) > 255);
    if (long) throw new StorageKeyError(`The object key "${key}" has a segment of ${Buffer.byteLength(long)} bytes; a local store allows 255 per segment.`);
    if (segments.some((s) => s.startsWith(TMP))) throw new StorageKeyError(`The object key "${key}" uses the reserved name prefix "${TMP}".`);
    const file = path.resolve(this.root, key);
    // Belt and braces: whatever assertValidKey let through must still land under the root.
    if (!file.startsWith(this.root + path.sep)) throw new StorageKeyError(`The object key "${key}" escapes the storage folder.`);
    return file;
  }

  /** The folder a listing prefix starts in, and the name prefix within it. */
  private dirOf(prefix: string): { dir: string; rel: string; namePrefix: string } | null {
    const cut = prefix.lastIndexOf("/");
    const rel = prefix.slice(0, cut + 1);
    if (rel) {
      try {
        assertValidKey(rel.slice(0, -1));
      } catch {
        return null; // a prefix no valid key can have holds nothing
      }
    }
    const dir = path.resolve(this.root, rel || ".");
    if (dir !== this.root && !dir.startsWith(this.root + path.sep)) return null;
    return { dir, rel, namePrefix: prefix.slice(cut + 1) };
  }

  private info(key: string, stat: BigIntStats): ObjectInfo {
    return { key, size: Number(stat.size), etag: etagOf(stat), modifiedAt: new Date(Number(stat.mtimeMs)), contentType: contentTypeOf(key) };
  }

  async put(key: string, body: Buffer | Readable, _opts?: { contentType?: string }): Promise<ObjectInfo> {
    const file = this.fileOf(key);
    await this.mkdirFor(key, file);
    const tmp = path.join(path.dirname(file), `${TMP}${randomUUID()}`);
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(tmp));
      await this.renameInto(key, tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
    return this.info(key, await fs.stat(file, { bigint: true }));
  }

  private async mkdirFor(key: string, file: string) {
    await fs.mkdir(path.dirname(file), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOTDIR" || e.code === "EEXIST") throw new StorageKeyError(`The object key "${key}" needs a folder where an object of that name already is.`);
      throw e;
    });
  }

  private async renameInto(key: string, tmp: string, file: string) {
    await fs.rename(tmp, file).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "EISDIR" || e.code === "ENOTEMPTY" || e.code === "EEXIST") {
        throw new StorageKeyError(`The object key "${key}" is a folder in this store (it holds other objects).`);
      }
      throw e;
    });
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<Readable> {
    const file = this.fileOf(key);
    const handle = await fs.open(file, "r").catch(() => {
      throw new ObjectNotFoundError(key);
    });
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw new ObjectNotFoundError(key);
    }
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const file = this.fileOf(key);
    const stat = await fs.stat(file, { bigint: true }).catch(() => null);
    if (!stat?.isFile()) return null;
    return this.info(key, stat);
  }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListPage> {
    const limit = Math.min(Math.max(opts.limit ?? 1000, 1), 1000);
    if (opts.delimiter && opts.delimiter !== "/") throw new StorageKeyError(`A local store lists folders by "/" only, not "${opts.delimiter}".`);
    const where = this.dirOf(prefix);
    if (!where) return { objects: [], prefixes: [], nextToken: null };
    const after = opts.token ?? null;
    const entries: { key: string; folder: boolean }[] = [];
    if (opts.delimiter) {
      // One directory level: its names, sorted in key order, after the token.
      for (const e of await readLevel(where.dir, where.rel, where.namePrefix, after, limit + 1)) {
        if (after !== null && compareKeys(e.key, after) <= 0) continue;
        entries.push(e);
        if (entries.length > limit) break;
      }
    } else {
      for await (const key of walk(where.dir, where.rel, where.namePrefix, after)) {
        entries.push({ key, folder: false });
        if (entries.length > limit) break;
      }
    }
    const more = entries.length > limit;
    const page = entries.slice(0, limit);
    const objects = (
      await Promise.all(
        page.filter((e) => !e.folder).map(async (e) => {
          const stat = await fs.stat(path.join(this.root, e.key), { bigint: true }).catch(() => null);
          return stat?.isFile() ? this.info(e.key, stat) : null;
        }),
      )
    ).filter((o): o is ObjectInfo => o !== null);
    return { objects, prefixes: page.filter((e) => e.folder).map((e) => e.key), nextToken: more ? page[page.length - 1]!.key : null };
  }

  async delete(key: string): Promise<void> {
    const file = this.fileOf(key);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return;
    await fs.rm(file, { force: true });
    await this.pruneEmptyFolders(path.dirname(file));
  }

  async deleteMany(keys: string[]): Promise<{ deleted: number }> {
    for (const key of keys) this.fileOf(key); // refuse the whole batch before touching anything
    for (let i = 0; i < keys.length; i += 32) await Promise.all(keys.slice(i, i + 32).map((k) => this.delete(k)));
    return { deleted: keys.length };
  }

  /** Removes folders a delete left empty, up to the root (S3 has no empty folders either). */
  private async pruneEmptyFolders(dir: string) {
    while (dir.startsWith(this.root + path.sep)) {
      const removed = await fs.rmdir(dir).then(() => true, () => false);
      if (!removed) return;
      dir = path.dirname(dir);
    }
  }

  // ------------------------------------------------------------------ presigned URLs

  private signing() {
    if (!this.opts.signing) throw new StoreAccessError("This local store has no presigned URLs (it was opened without a store name).");
    return this.opts.signing;
  }

  private expires(expiresIn = PRESIGN_SECONDS) {
    return Math.floor(Date.now() / 1000) + expiresIn;
  }

  async presignGet(key: string, opts: { expiresIn?: number; filename?: string } = {}): Promise<string> {
    this.fileOf(key);
    return signLocalUrl({ method: "GET", ...this.signing(), key, expires: this.expires(opts.expiresIn), filename: opts.filename });
  }

  async presignPut(key: string, opts: { expiresIn?: number; contentType?: string } = {}): Promise<string> {
    this.fileOf(key);
    return signLocalUrl({ method: "PUT", ...this.signing(), key, expires: this.expires(opts.expiresIn) });
  }

  // ------------------------------------------------------------------ multipart

  private uploadDir(uploadId: string): string {
    if (!UPLOAD_ID.test(uploadId)) throw new UploadNotFoundError(uploadId);
    return path.join(this.uploadsDir, uploadId);
  }

  private async uploadMeta(key: string, uploadId: string): Promise<{ key: string; contentType?: string }> {
    const dir = this.uploadDir(uploadId);
    const meta = await fs.readFile(path.join(dir, "upload.json"), "utf8").then((s) => JSON.parse(s) as { key: string }, () => null);
    if (!meta || meta.key !== key) throw new UploadNotFoundError(uploadId);
    return meta;
  }

  async createMultipart(key: string, opts: { contentType?: string } = {}): Promise<string> {
    this.fileOf(key);
    const uploadId = randomUUID();
    const dir = this.uploadDir(uploadId);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "upload.json"), JSON.stringify({ key, contentType: opts.contentType, createdAt: new Date() }));
    return uploadId;
  }

  async presignPart(key: string, uploadId: string, partNumber: number, opts: { expiresIn?: number } = {}): Promise<string> {
    assertPartNumber(partNumber);
    await this.uploadMeta(key, uploadId);
    return signLocalUrl({ method: "PUT", ...this.signing(), key, expires: this.expires(opts.expiresIn), uploadId, partNumber });
  }

  /** Receives one part's bytes (the presigned-URL route calls this); returns its ETag (MD5). */
  async putPart(key: string, uploadId: string, partNumber: number, body: Readable): Promise<UploadedPart> {
    assertPartNumber(partNumber);
    await this.uploadMeta(key, uploadId);
    const dir = this.uploadDir(uploadId);
    const name = `part-${String(partNumber).padStart(5, "0")}`;
    const tmp = path.join(dir, `${TMP}${randomUUID()}`);
    const md5 = createHash("md5");
    let size = 0;
    try {
      await pipeline(
        body,
        new Transform({
          transform(chunk: Buffer, _e, done) {
            md5.update(chunk);
            size += chunk.length;
            done(null, chunk);
          },
        }),
        createWriteStream(tmp),
      );
      const etag = md5.digest("hex");
      await fs.writeFile(path.join(dir, `${name}.etag`), etag);
      await fs.rename(tmp, path.join(dir, name));
      return { partNumber, etag, size };
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }

  async listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    await this.uploadMeta(key, uploadId);
    const dir = this.uploadDir(uploadId);
    const names = (await fs.readdir(dir)).filter((n) => /^part-\d{5}$/.test(n)).sort();
    return Promise.all(
      names.map(async (n) => ({
        partNumber: Number(n.slice(5)),
        etag: (await fs.readFile(path.join(dir, `${n}.etag`), "utf8").catch(() => "")).trim(),
        size: (await fs.stat(path.join(dir, n))).size,
      })),
    );
  }

  async completeMultipart(key: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<ObjectInfo> {
    const file = this.fileOf(key);
    await this.uploadMeta(key, uploadId);
    const have = new Map((await this.listParts(key, uploadId)).map((p) => [p.partNumber, p]));
    let previous = 0;
    for (const p of parts) {
      if (p.partNumber <= previous) throw new StorageKeyError("The parts must be listed in ascending order of part number, each once.");
      previous = p.partNumber;
      const got = have.get(p.partNumber);
      if (!got) throw new StorageKeyError(`Part ${p.partNumber} was never uploaded; upload it, or list the parts to see which arrived.`);
      if (got.etag !== p.etag.replace(/"/g, "")) throw new StorageKeyError(`Part ${p.partNumber}'s ETag is ${got.etag}, not ${p.etag}: it was uploaded again since.`);
    }
    const dir = this.uploadDir(uploadId);
    await this.mkdirFor(key, file);
    const tmp = path.join(path.dirname(file), `${TMP}${randomUUID()}`);
    try {
      const out = createWriteStream(tmp);
      for (const p of parts) {
        await pipeline(createReadStream(path.join(dir, `part-${String(p.partNumber).padStart(5, "0")}`)), out, { end: false });
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      await this.renameInto(key, tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
    await fs.rm(dir, { recursive: true, force: true });
    return this.info(key, await fs.stat(file, { bigint: true }));
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await this.uploadMeta(key, uploadId);
    await fs.rm(this.uploadDir(uploadId), { recursive: true, force: true });
  }

  async check(): Promise<void> {
    try {
      await fs.mkdir(this.root, { recursive: true });
      await fs.access(this.root, fs.constants.R_OK | fs.constants.W_OK);
    } catch (e) {
      throw new StoreAccessError(`The folder ${this.root} cannot be used: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
    }
  }
}

function assertPartNumber(n: number) {
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new StorageKeyError(`Part numbers run from 1 to 10000, not ${n}.`);
}

function etagOf(stat: BigIntStats): string {
  return createHash("md5").update(`${stat.ino}-${stat.size}-${stat.mtimeNs}`).digest("hex");
}

type LevelEntry = { key: string; folder: boolean };

// A folder's sorted names, reused while the folder's mtime and ctime stand still (adding, removing
// or renaming an entry changes both): a 100,000-entry folder is read and sorted once, then each
// page is a binary search and 200 stats.
const levels = new Map<string, { stamp: string; entries: LevelEntry[] }>();

async function sortedLevel(dir: string, rel: string): Promise<LevelEntry[]> {
  const stat = await fs.stat(dir, { bigint: true }).catch(() => null);
  if (!stat?.isDirectory()) return [];
  const stamp = `${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
  const cacheKey = `${dir}\0${rel}`;
  const hit = levels.get(cacheKey);
  if (hit && hit.stamp === stamp) return hit.entries;
  const dirents = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const entries: LevelEntry[] = [];
  for (const d of dirents) {
    if (d.name.startsWith(TMP)) continue;
    if (d.isDirectory()) entries.push({ key: `${rel}${d.name}/`, folder: true });
    else if (d.isFile()) entries.push({ key: `${rel}${d.name}`, folder: false });
  }
  entries.sort((a, b) => compareKeys(a.key, b.key));
  if (entries.length >= 1000) {
    if (levels.size >= 16) levels.delete(levels.keys().next().value!);
    levels.set(cacheKey, { stamp, entries });
  }
  return entries;
}

/** One folder's entries as keys (folders end with "/"), in key order, from the first after `after`. */
async function readLevel(dir: string, rel: string, namePrefix: string, after: string | null = null, max = Infinity): Promise<LevelEntry[]> {
  const all = await sortedLevel(dir, rel);
  const from = rel + namePrefix;
  // Binary search for the first entry past both the name prefix's start and the token.
  const bound = after !== null && compareKeys(after, from) >= 0 ? after : null;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareKeys(all[mid]!.key, bound ?? from);
    if (bound !== null ? c <= 0 : c < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: LevelEntry[] = [];
  for (let i = lo; i < all.length && out.length < max && all[i]!.key.startsWith(from); i++) out.push(all[i]!);
  return out;
}

/** Every key under a folder, in key order, lazily: a folder is read only when the walk reaches it. */
async function* walk(dir: string, rel: string, namePrefix: string, after: string | null): AsyncGenerator<string> {
  for (const e of await readLevel(dir, rel, namePrefix)) {
    if (!e.folder) {
      if (after === null || compareKeys(e.key, after) > 0) yield e.key;
      continue;
    }
    if (after !== null && !after.startsWith(e.key) && compareKeys(e.key, after) < 0) continue; // the whole folder sorts before the token
    const inside = after !== null && after.startsWith(e.key) ? after : null;
    yield* walk(path.join(dir, e.key.slice(rel.length, -1)), e.key, "", inside);
  }
}
