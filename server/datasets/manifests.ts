// Dataset listings as streams: the live listing page by page, and a snapshot's manifest (gzipped
// JSON lines of key, size, etag, in key order) read back line by line. Neither ever holds all
// keys in memory, so a dataset of millions of objects snapshots and diffs in constant memory.
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID, createHash } from "node:crypto";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { getBlob, putBlob } from "../storage/blobs";
import type { ObjectStore } from "../storage/object-store";

export type ManifestEntry = { key: string; size: number; etag: string };

/** Every object of a store scope, in the store's key order, one listing page (1000) at a time. */
export async function* iterateObjects(objects: ObjectStore, prefix = ""): AsyncGenerator<ManifestEntry> {
  let token: string | null = null;
  do {
    const page = await objects.list(prefix, { token, limit: 1000 });
    for (const o of page.objects) yield { key: o.key, size: o.size, etag: o.etag };
    token = page.nextToken;
  } while (token);
}

/** Writes entries as a gzipped JSONL blob; returns its SHA-256 and what it counted. */
export async function writeManifest(entries: AsyncIterable<ManifestEntry>): Promise<{ sha256: string; objectCount: number; totalBytes: bigint }> {
  const tmp = path.join(os.tmpdir(), `benchtop-manifest-${randomUUID()}.jsonl.gz`);
  let objectCount = 0;
  let totalBytes = 0n;
  const hash = createHash("sha256");
  try {
    async function* lines() {
      for await (const e of entries) {
        objectCount++;
        totalBytes += BigInt(e.size);
        yield JSON.stringify({ key: e.key, size: e.size, etag: e.etag }) + "\n";
      }
    }
    const gzip = createGzip();
    gzip.on("data", (c: Buffer) => hash.update(c));
    await pipeline(Readable.from(lines()), gzip, createWriteStream(tmp));
    const sha256 = hash.digest("hex");
    await putBlob(sha256, createReadStream(tmp));
    return { sha256, objectCount, totalBytes };
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

export async function* readManifest(sha256: string): AsyncGenerator<ManifestEntry> {
  const lines = createInterface({ input: (await getBlob(sha256)).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line) yield JSON.parse(line) as ManifestEntry;
  }
}
