// Sends a directory's files to the server as content-addressed blobs: list, hash, ask which blobs
// the server lacks, PUT only those. Checkpoints and outputs both go this way; the manifest that
// comes back is what POST /checkpoint and POST /artifacts name.
import fs from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { ZManifestEntry } from "../../server/agent-api/protocol";
import { sha256OfFile } from "./blob-cache";
import type { AgentClient } from "./client";

export type ManifestEntry = z.infer<typeof ZManifestEntry>;
export type ScannedFile = { path: string; file: string; size: number; mtimeMs: number; ino: number; mode: number };

/**
 * File clocks are coarse (a kernel tick, up to 2 s on some filesystems): a file rewritten with the
 * same size within that window of a look keeps its mtime. As git does with its "racily clean"
 * entries, a file modified this close to the time we last looked is never trusted by its stat
 * alone; its content is hashed again.
 */
export const RACY_MS = 2_000;
export const isRacy = (f: ScannedFile, lookedAt: number) => f.mtimeMs >= lookedAt - RACY_MS;

/**
 * Regular files under `dir`, by relative POSIX path, sorted. Symlinks are skipped: a job could
 * otherwise point one at any file the agent's user can read and have it uploaded.
 */
export async function scanDirectory(dir: string): Promise<ScannedFile[]> {
  const found: ScannedFile[] = [];
  const walk = async (abs: string, rel: string) => {
    const entries = await fs.readdir(abs, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return [];
      throw e;
    });
    for (const entry of entries) {
      const childAbs = path.join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(childAbs, childRel);
      else if (entry.isFile()) {
        // A file the job deletes while we look is simply not part of this scan.
        const stat = await fs.lstat(childAbs).catch(() => null);
        if (stat?.isFile()) found.push({ path: childRel, file: childAbs, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, mode: stat.mode & 0o777 });
      }
    }
  };
  await walk(dir, "");
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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

  async hash(f: ScannedFile): Promise<string> {
    const memo = this.known.get(f.path);
    if (memo && memo.size === f.size && memo.mtimeMs === f.mtimeMs && memo.ino === f.ino && !isRacy(f, memo.hashedAt)) return memo.sha256;
    const hashedAt = Date.now();
    const sha256 = await sha256OfFile(f.file);
    this.known.set(f.path, { size: f.size, mtimeMs: f.mtimeMs, ino: f.ino, hashedAt, sha256 });
    return sha256;
  }
}

export async function manifestOf(files: ScannedFile[], memo = new HashMemo()): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const f of files) entries.push({ path: f.path, sha256: await memo.hash(f), size: f.size, mode: f.mode });
  return entries;
}

/** PUTs the blobs of `entries` the server does not have yet; `fileOf` says where each lives locally. */
export async function uploadMissingBlobs(
  client: Pick<AgentClient, "missingBlobs" | "uploadBlob">,
  entries: { sha256: string; file: string }[],
  { signal, concurrency = 4 }: { signal?: AbortSignal; concurrency?: number } = {},
): Promise<number> {
  const fileBySha = new Map(entries.map((e) => [e.sha256, e.file]));
  const missing = await client.missingBlobs([...fileBySha.keys()], signal);
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const sha = missing[next++]!;
      const file = fileBySha.get(sha);
      if (file) await client.uploadBlob(sha, file, signal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, missing.length) }, worker));
  return missing.length;
}
