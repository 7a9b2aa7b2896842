// Content-addressed blobs (snapshots, checkpoints, artifacts) in the object store: one object per
// distinct content, keyed by its SHA-256, so a thousand jobs share storage. Which project may name
// which blob in a snapshot is project-blobs.ts's business; these functions serve trusted callers.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors";
import { objectStore } from "./store";
import type { TManifest } from "../../contract/agent-protocol";

export const SHA256 = /^[a-f0-9]{64}$/;

export function blobKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new AppError("BAD_REQUEST", `"${sha256}" is not a SHA-256 (64 lowercase hex digits).`);
  return `blobs/sha256/${sha256.slice(0, 2)}/${sha256.slice(2)}`;
}

export function sha256Of(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Which of these blobs the store lacks. */
export async function missingBlobs(sha256s: string[]): Promise<string[]> {
  const unique = [...new Set(sha256s)];
  const missing: string[] = [];
  const store = objectStore();
  for (let i = 0; i < unique.length; i += 64) {
    const batch = unique.slice(i, i + 64);
    const heads = await Promise.all(batch.map((sha) => store.head(blobKey(sha))));
    batch.forEach((sha, j) => heads[j] === null && missing.push(sha));
  }
  return missing;
}

/**
 * Stores a blob whose bytes must hash to `sha256`. The bytes are hashed on the way to a temp
 * file and only then put in the store, so a wrong or cut-off upload never lands under the key.
 */
export async function putBlob(sha256: string, body: Readable | Uint8Array, opts: { maxBytes?: number; evenIfStored?: boolean } = {}): Promise<void> {
  const key = blobKey(sha256);
  const store = objectStore();
  const maxBytes = opts.maxBytes ?? 50 * 1024 ** 3;
  // evenIfStored: the caller must prove it has the bytes (project-blobs.ts), and an answer that
  // came back sooner when the blob exists would tell it so.
  if (!opts.evenIfStored && (await store.head(key))) {
    if (body instanceof Readable) body.resume();
    return;
  }
  const tmp = path.join(os.tmpdir(), `benchtop-blob-${randomUUID()}`);
  const hash = createHash("sha256");
  let size = 0;
  try {
    await pipeline(
      body instanceof Readable ? body : Readable.from([Buffer.from(body)]),
      new Transform({
        transform(chunk: Buffer, _e, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new AppError("BAD_REQUEST", `The upload is larger than ${maxBytes} bytes.`));
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream(tmp),
    );
    const actual = hash.digest("hex");
    if (actual !== sha256) {
      throw new AppError("BAD_REQUEST", `The uploaded bytes hash to ${actual}, not ${sha256}; nothing was stored.`);
    }
    await store.put(key, createReadStream(tmp));
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

export async function getBlob(sha256: string): Promise<Readable> {
  return objectStore().get(blobKey(sha256));
}

/** Stores a manifest under `key` and returns its id: the SHA-256 of its canonical JSON. */
export async function putManifest(prefix: string, manifest: TManifest): Promise<{ id: string; key: string }> {
  const files = [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const json = JSON.stringify({ files: files.map((f) => ({ path: f.path, sha256: f.sha256, size: f.size, mode: f.mode })) });
  const id = sha256Of(json);
  const key = `${prefix}/${id}.json`;
  const store = objectStore();
  if (!(await store.head(key))) await store.put(key, Buffer.from(json));
  return { id, key };
}

export async function readManifest(key: string): Promise<TManifest> {
  const stream = await objectStore().get(key);
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as TManifest;
}

/** Refuses manifest paths that could escape a work dir on the agent. */
export function assertSafeRelativePath(p: string): void {
  if (p.startsWith("/") || p.split("/").some((s) => s === ".." || s === "." || s === "") || p.includes("\\") || p.includes("\0")) {
    throw new AppError("BAD_REQUEST", `The file path "${p}" is not a plain relative path.`, { files: [`"${p}" is not a plain relative path`] });
  }
}
