// Sends a directory a job wrote to the server as content-addressed blobs: list, hash, ask which
// blobs the server lacks, PUT only those. Checkpoints and outputs both go this way; the manifest
// that comes back is what POST /checkpoint and POST /artifacts name. Every read goes through
// job-files.ts: the folder is the job's, so no link in it is ever followed.
import type { FileHandle } from "node:fs/promises";
import type { z } from "zod";
import type { ZManifestEntry } from "../../contract/agent-protocol";
import { sha256OfHandle, uploadMissingBlobs as uploadBlobs } from "../blob-upload";
import type { AgentClient } from "./client";
import { openJobFile, scanJobDir, type JobTreeOwner, type ScannedFile } from "./job-files";

export type ManifestEntry = z.infer<typeof ZManifestEntry>;
export type { ScannedFile } from "./job-files";

/**
 * File clocks are coarse (a kernel tick, up to 2 s on some filesystems): a file rewritten with the
 * same size within that window of a look keeps its mtime. As git does with its "racily clean"
 * entries, a file modified this close to the time we last looked is never trusted by its stat
 * alone; its content is hashed again.
 */
export const RACY_MS = 2_000;
export const isRacy = (f: ScannedFile, lookedAt: number) => f.mtimeMs >= lookedAt - RACY_MS;

/** A job's folder: where it is, and whose files count (with a separate job user, only its own). */
export type JobDir = { dir: string; owner: JobTreeOwner };

/** Regular files under the job's folder; links, FIFOs and devices are left out (job-files.ts). */
export const scanDirectory = (d: JobDir) => scanJobDir(d.dir, d.owner);

/** SHA-256 of one file of the job's folder, read through a descriptor checked to be inside it; null when it is gone or is no file. */
export async function sha256OfJobFile(d: JobDir, rel: string): Promise<string | null> {
  const fh = await openJobFile(d.dir, rel, d.owner);
  if (!fh) return null;
  try {
    return await sha256OfHandle(fh);
  } finally {
    await fh.close();
  }
}

/**
 * Size, mtime and inode of every file: when this string is unchanged, and no file is racy (see
 * RACY_MS), so are the files. The inode catches the write-aside-and-rename jobs are told to do.
 */
export function fingerprintOf(files: ScannedFile[]): string {
  return files.map((f) => `${f.path}\0${f.size}\0${f.mtimeMs}\0${f.ino}\0${f.mode}`).join("\n");
}

/** What the files hold: the same string means the same checkpoint, whatever the clocks say. */
export function contentsOf(manifest: ManifestEntry[]): string {
  return manifest.map((e) => `${e.path}\0${e.sha256}\0${e.mode}`).join("\n");
}

/** Remembers hashes by path, size, mtime and inode so an unchanged 10 GB file is not hashed again every 30 s. */
export class HashMemo {
  private readonly known = new Map<string, { size: number; mtimeMs: number; ino: number; hashedAt: number; sha256: string }>();

  /** Null when the file went away (or stopped being a file) since the scan. */
  async hash(d: JobDir, f: ScannedFile): Promise<string | null> {
    const memo = this.known.get(f.path);
    if (memo && memo.size === f.size && memo.mtimeMs === f.mtimeMs && memo.ino === f.ino && !isRacy(f, memo.hashedAt)) return memo.sha256;
    const hashedAt = Date.now();
    const sha256 = await sha256OfJobFile(d, f.path);
    if (sha256 === null) return null;
    this.known.set(f.path, { size: f.size, mtimeMs: f.mtimeMs, ino: f.ino, hashedAt, sha256 });
    return sha256;
  }
}

/** The manifest of the scanned files; a file that vanished between scan and hash is left out (the next look sees the change). */
export async function manifestOf(d: JobDir, files: ScannedFile[], memo = new HashMemo()): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const f of files) {
    const sha256 = await memo.hash(d, f);
    if (sha256 !== null) entries.push({ path: f.path, sha256, size: f.size, mode: f.mode });
  }
  return entries;
}

/** PUTs the blobs of `entries` the server does not have yet, each read from the job's folder as hashed (cli/blob-upload.ts). */
export function uploadMissingBlobs(
  client: Pick<AgentClient, "missingBlobs" | "uploadBlob">,
  d: JobDir,
  entries: { sha256: string; path: string }[],
  opts: { signal?: AbortSignal; concurrency?: number } = {},
): Promise<number> {
  const transport = { missing: (shas: string[], signal?: AbortSignal) => client.missingBlobs(shas, signal), put: (blob: { sha256: string }, fh: FileHandle, signal?: AbortSignal) => client.uploadBlob(blob.sha256, fh, signal) };
  return uploadBlobs(transport, entries, (rel) => openJobFile(d.dir, rel, d.owner), opts);
}
