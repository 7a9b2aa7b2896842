// Materialises a manifest (a snapshot's files, or a checkpoint) into a directory: each blob from
// the cache (fetched when missing), copied into place with its mode.
//
// Copied, not hard-linked: a hard link shares the inode, so a job that rewrites a file in place
// (open(..., "w") on a config it was given) would corrupt the cached blob for every later job,
// and chmod on one link changes them all. COPYFILE_FICLONE makes the copy a free reflink on
// filesystems that have them (XFS, Btrfs) and a plain copy elsewhere; snapshots are source trees,
// small next to the data a job reads.
import fs from "node:fs/promises";
import path from "node:path";
import type { TManifest } from "../../contract/agent-protocol";
import type { BlobCache } from "./blob-cache";

/** The same rule the server applies: a plain relative path, nothing that could leave the directory. */
export function isSafeRelativePath(p: string): boolean {
  return !(p.startsWith("/") || p.includes("\\") || p.includes("\0") || p.split("/").some((s) => s === "" || s === "." || s === ".."));
}

export async function materialiseManifest(
  manifest: TManifest,
  destDir: string,
  cache: BlobCache,
  { signal, concurrency = 8 }: { signal?: AbortSignal; concurrency?: number } = {},
): Promise<{ files: number; bytes: number }> {
  for (const entry of manifest.files) {
    if (!isSafeRelativePath(entry.path)) throw new Error(`the manifest names an unsafe path "${entry.path}"`);
  }
  const entries = [...manifest.files];
  let next = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < entries.length) {
      signal?.throwIfAborted();
      const entry = entries[next++]!;
      const cached = await cache.ensure(entry.sha256, entry.size, signal);
      const target = path.join(destDir, ...entry.path.split("/"));
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rm(target, { force: true });
      await fs.copyFile(cached, target, fs.constants.COPYFILE_FICLONE);
      // Permission bits only: setuid/setgid from an uploaded file must not carry over.
      await fs.chmod(target, entry.mode & 0o777);
      bytes += entry.size;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
  return { files: entries.length, bytes };
}
