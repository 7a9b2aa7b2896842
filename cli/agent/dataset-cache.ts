// The agent's dataset cache: <work-dir>/cache/datasets/objects/ab/cdef..., shared by every job on
// this machine. An object is keyed by what names its content exactly: SHA-256 of the dataset's
// cache scope (a hash of store + bucket + prefix, sent by the server), the object's key and its
// ETag. The store changes an object's ETag whenever its bytes change, so a key + ETag seen before
// is the same bytes, and nothing is downloaded twice.
//
// A download goes to tmp/ and is renamed into place only once its size (and the store's ETag
// header, where it sends one) matched the snapshot: a partial or changed file is never visible
// under a cache name. Two jobs wanting one object at once share one download (in this process);
// two agents sharing a work dir at worst both download it and one rename wins, harmlessly.
//
// Jobs get hard links to the cached files (read-only, mode 0444): no copy, no extra disk, and
// evicting a cache entry while a job still holds its link frees nothing but is safe (the inode
// lives on until the job's folder is removed). Eviction is least recently used (a hit touches the
// file's mtime), down to --dataset-cache-gb, after each dataset is in place.
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { TDatasetObject } from "../../contract/agent-protocol";

/** The object is not what the snapshot recorded: its bytes changed (412, another ETag or size) or it is gone (404). */
export class ObjectChangedError extends Error {
  override name = "ObjectChangedError";
  constructor(
    readonly key: string,
    readonly how: "changed" | "deleted",
  ) {
    super(`${key} ${how === "deleted" ? "was deleted" : "changed"}`);
  }
}

/** The presigned URL was refused (expired, most likely): ask the server for a fresh one. */
export class UrlRefusedError extends Error {
  override name = "UrlRefusedError";
}

/** The store could not be reached or failed: worth trying again. */
export class TransientFetchError extends Error {
  override name = "TransientFetchError";
}

/** S3 quotes ETags in headers ("abc"), may mark them weak (W/"abc"); the snapshot may hold either. */
export const normalizeEtag = (etag: string) => etag.replace(/^W\//, "").replace(/^"|"$/g, "");

export type CacheResult = { file: string; fromCache: boolean };

export class DatasetCache {
  readonly objectsDir: string;
  private readonly tmpDir: string;
  private readonly inFlight = new Map<string, Promise<CacheResult>>();
  /** Counters for progress lines and tests. */
  downloads = 0;
  hits = 0;
  downloadedBytes = 0;

  constructor(
    cacheDir: string,
    /** Evict least recently used files above this; null = no limit. */
    private readonly maxBytes: number | null,
    /** Resolves a relative URL (the local store's presigned route) against the server. */
    private readonly serverUrl: string,
  ) {
    this.objectsDir = path.join(cacheDir, "datasets", "objects");
    this.tmpDir = path.join(cacheDir, "datasets", "tmp");
  }

  static keyOf(scope: string, key: string, etag: string): string {
    return createHash("sha256").update(`${scope}\0${key}\0${normalizeEtag(etag)}`).digest("hex");
  }

  pathOf(cacheKey: string): string {
    return path.join(this.objectsDir, cacheKey.slice(0, 2), cacheKey.slice(2));
  }

  /** The cached file of this object, downloading it when it is not cached. */
  async ensure(scope: string, object: TDatasetObject, signal?: AbortSignal): Promise<CacheResult> {
    const cacheKey = DatasetCache.keyOf(scope, object.key, object.etag);
    const file = this.pathOf(cacheKey);
    const stat = await fs.stat(file).catch(() => null);
    // A job shares the cached inode through its hard link. One that made its file writable (to
    // write to it, against the contract) may have changed the bytes: that entry is fetched again.
    if (stat?.isFile() && (stat.mode & 0o777) !== 0o444) await fs.rm(file, { force: true });
    else if (stat?.isFile() && stat.size === object.size) {
      this.hits++;
      // The LRU clock: a file used now is the last to go.
      const now = new Date();
      await fs.utimes(file, now, now).catch(() => undefined);
      return { file, fromCache: true };
    }
    let pending = this.inFlight.get(cacheKey);
    if (!pending) {
      pending = this.download(object, file, signal).finally(() => this.inFlight.delete(cacheKey));
      this.inFlight.set(cacheKey, pending);
    }
    return pending;
  }

  private async download(object: TDatasetObject, file: string, signal?: AbortSignal): Promise<CacheResult> {
    await fs.mkdir(this.tmpDir, { recursive: true });
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = path.join(this.tmpDir, `${path.basename(file).slice(0, 12)}-${randomUUID()}`);
    try {
      let response: Response;
      try {
        response = await fetch(new URL(object.url, this.serverUrl), { headers: object.headers, signal });
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
        throw new TransientFetchError(`cannot reach the store for ${object.key} (${cause})`);
      }
      if (response.status === 412) throw new ObjectChangedError(object.key, "changed");
      if (response.status === 404) throw new ObjectChangedError(object.key, "deleted");
      if (response.status === 401 || response.status === 403) throw new UrlRefusedError(`the store refused the URL for ${object.key} (${response.status})`);
      if (!response.ok || !response.body) throw new TransientFetchError(`the store answered ${response.status} for ${object.key}`);
      const etag = response.headers.get("etag");
      if (etag && normalizeEtag(etag) !== normalizeEtag(object.etag)) {
        await response.body.cancel();
        throw new ObjectChangedError(object.key, "changed");
      }
      let size = 0;
      const counting = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), counting, createWriteStream(tmp), { signal });
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        throw new TransientFetchError(`the download of ${object.key} broke off (${(e as Error).message})`);
      }
      if (size !== object.size) throw new ObjectChangedError(object.key, "changed");
      await fs.chmod(tmp, 0o444);
      await fs.rename(tmp, file);
      this.downloads++;
      this.downloadedBytes += size;
      return { file, fromCache: false };
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }

  private evicting: Promise<{ removed: number; freedBytes: number; keptBytes: number }> | null = null;

  /** evict(), one walk at a time: a caller arriving while one runs shares it. */
  evictInBackground() {
    this.evicting ??= this.evict().finally(() => (this.evicting = null));
    return this.evicting;
  }

  /**
   * Least recently used first, until the cache holds at most maxBytes. Files a job still links to
   * may go: the job keeps its link (same inode); the next job downloads them again.
   */
  async evict(): Promise<{ removed: number; freedBytes: number; keptBytes: number }> {
    if (this.maxBytes === null) return { removed: 0, freedBytes: 0, keptBytes: 0 };
    const files: { file: string; size: number; used: number }[] = [];
    for (const shard of await fs.readdir(this.objectsDir).catch(() => [] as string[])) {
      const dir = path.join(this.objectsDir, shard);
      for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
        const file = path.join(dir, name);
        const stat = await fs.stat(file).catch(() => null);
        if (stat?.isFile()) files.push({ file, size: stat.size, used: stat.mtimeMs });
      }
    }
    let total = files.reduce((n, f) => n + f.size, 0);
    files.sort((a, b) => a.used - b.used);
    let removed = 0;
    let freedBytes = 0;
    for (const f of files) {
      if (total <= this.maxBytes) break;
      await fs.rm(f.file, { force: true });
      total -= f.size;
      freedBytes += f.size;
      removed++;
    }
    return { removed, freedBytes, keptBytes: total };
  }
}
