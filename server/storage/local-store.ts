// The local-folder driver: each key is a file under the root. Writes go to a temp file and are
// renamed into place, so a reader never sees half an object. ETags are MD5 of the bytes, as S3's
// are for single-part uploads.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidKey, type ListPage, type ObjectInfo, type ObjectStore } from "./object-store";

export class LocalObjectStore implements ObjectStore {
  readonly kind = "local" as const;
  constructor(private readonly root: string) {}

  private fileOf(key: string): string {
    assertValidKey(key);
    const file = path.resolve(this.root, key);
    // Belt and braces: whatever assertValidKey let through must still land under the root.
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`The object key "${key}" escapes the storage folder.`);
    return file;
  }

  async put(key: string, body: Buffer | Readable): Promise<ObjectInfo> {
    const file = this.fileOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = path.join(path.dirname(file), `.tmp-${randomUUID()}`);
    const md5 = createHash("md5");
    let size = 0;
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    try {
      await pipeline(
        source,
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            md5.update(chunk);
            size += chunk.length;
            done(null, chunk);
          },
        }),
        createWriteStream(tmp),
      );
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
    const etag = md5.digest("hex");
    await fs.writeFile(`${file}.etag`, etag).catch(() => undefined);
    const stat = await fs.stat(file);
    return { key, size, etag, modifiedAt: stat.mtime };
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<Readable> {
    const file = this.fileOf(key);
    await fs.access(file).catch(() => {
      throw new ObjectNotFoundError(key);
    });
    return createReadStream(file, range ? { start: range.start, end: range.end } : undefined);
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const file = this.fileOf(key);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return null;
    const etag = await fs.readFile(`${file}.etag`, "utf8").catch(() => "");
    return { key, size: stat.size, etag, modifiedAt: stat.mtime };
  }

  async list(prefix: string, opts: { delimiter?: string; token?: string | null; limit?: number } = {}): Promise<ListPage> {
    const limit = opts.limit ?? 1000;
    const all = await this.walk(path.resolve(this.root), "");
    const matching = all.filter((k) => k.startsWith(prefix)).sort();
    const objects: ObjectInfo[] = [];
    const prefixes = new Set<string>();
    const entries: string[] = [];
    for (const key of matching) {
      if (opts.delimiter) {
        const rest = key.slice(prefix.length);
        const cut = rest.indexOf(opts.delimiter);
        if (cut >= 0) {
          const p = prefix + rest.slice(0, cut + opts.delimiter.length);
          if (!prefixes.has(p)) {
            prefixes.add(p);
            entries.push(p);
          }
          continue;
        }
      }
      entries.push(key);
    }
    const start = opts.token ? entries.findIndex((e) => e > opts.token!) : 0;
    const page = start < 0 ? [] : entries.slice(start, start + limit);
    const pagePrefixes: string[] = [];
    for (const e of page) {
      if (prefixes.has(e)) pagePrefixes.push(e);
      else objects.push((await this.head(e))!);
    }
    const more = start >= 0 && start + limit < entries.length;
    return { objects, prefixes: pagePrefixes, nextToken: more ? page[page.length - 1]! : null };
  }

  async delete(key: string): Promise<void> {
    const file = this.fileOf(key);
    await fs.rm(file, { force: true });
    await fs.rm(`${file}.etag`, { force: true });
  }

  private async walk(dir: string, rel: string): Promise<string[]> {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    const keys: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith(".tmp-") || e.name.endsWith(".etag")) continue;
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) keys.push(...(await this.walk(path.join(dir, e.name), childRel)));
      else keys.push(childRel);
    }
    return keys;
  }
}

export class ObjectNotFoundError extends Error {
  override name = "ObjectNotFoundError";
  constructor(readonly key: string) {
    super(`There is no object "${key}".`);
  }
}
