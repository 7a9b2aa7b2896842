// Reading back what a job left (its outputs, its checkpoint dir) is reading hostile input: the
// agent (often root) opens files in folders the job wrote, and checkpoints are read while the job
// still runs and can swap things under it. So nothing here goes by path alone:
//
//   - every folder is opened with O_DIRECTORY|O_NOFOLLOW and then named by its descriptor
//     (/proc/self/fd/N), so its children are looked up in exactly that folder: a folder the job
//     swaps for a link between our listing and our descent is refused (ELOOP), never followed;
//   - a file is opened with O_NOFOLLOW|O_NONBLOCK (a link is refused; a FIFO or device opens
//     without blocking) and kept only when fstat says it is a regular file;
//   - and the opened file's real path (/proc/self/fd/N) must lie inside the folder we were asked
//     to read, whatever happened on the way; with a job user, it must belong to the job user too.
//
// Node has no openat(2), but a path through /proc/self/fd/N resolves relative to that descriptor,
// which is the same thing for our purposes (Linux only, as the sandbox is).
import { constants } from "node:fs";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";

const O_DIR = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;
const O_FILE = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

export type ScannedFile = { path: string; size: number; mtimeMs: number; ino: number; mode: number };

/** Who wrote the folder: with a separate job user, only its files count. */
export type JobTreeOwner = { uid: number } | null;

const via = (fh: FileHandle, name?: string) => `/proc/self/fd/${fh.fd}${name === undefined ? "" : `/${name}`}`;

/** Where a descriptor really points (" (deleted)" stays on for a deleted file, which then fails the inside check). */
const realPathOf = (fh: FileHandle) => fs.readlink(via(fh));

async function openDir(p: string): Promise<FileHandle | null> {
  try {
    return await fs.open(p, O_DIR);
  } catch {
    // Gone, a link (ELOOP), not a folder (ENOTDIR), or unreadable: not part of what the job left.
    return null;
  }
}

/** Opens `dir` itself, refusing a link at its last component, and says where it really is. */
async function openTop(dir: string): Promise<{ fh: FileHandle; real: string } | null> {
  const fh = await openDir(path.resolve(dir));
  if (!fh) return null;
  return { fh, real: await realPathOf(fh) };
}

/**
 * Regular files under `dir`, by relative POSIX path, sorted. Links, FIFOs, sockets and devices are
 * left out; folders are entered only as folders (never through a link).
 */
export async function scanJobDir(dir: string, owner: JobTreeOwner = null): Promise<ScannedFile[]> {
  const top = await openTop(dir);
  if (!top) return [];
  const found: ScannedFile[] = [];
  const walk = async (fh: FileHandle, rel: string) => {
    const entries = await fs.readdir(via(fh), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const child = await openDir(via(fh, entry.name));
        if (!child) continue;
        try {
          await walk(child, childRel);
        } finally {
          await child.close();
        }
      } else if (entry.isFile()) {
        // lstat through the folder's descriptor: the name is looked up there, and not followed.
        const stat = await fs.lstat(via(fh, entry.name)).catch(() => null);
        if (!stat?.isFile() || (owner && stat.uid !== owner.uid)) continue;
        found.push({ path: childRel, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, mode: stat.mode & 0o777 });
      }
    }
  };
  try {
    await walk(top.fh, "");
  } finally {
    await top.fh.close();
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The file at `rel` under `dir`, open for reading, or null when it is not (or no longer) a regular
 * file inside `dir` that the job owns. The caller closes it.
 */
export async function openJobFile(dir: string, rel: string, owner: JobTreeOwner = null): Promise<FileHandle | null> {
  const parts = rel.split("/");
  if (parts.some((p) => p === "" || p === "." || p === "..")) return null;
  const top = await openTop(dir);
  if (!top) return null;
  let current = top.fh;
  try {
    for (const part of parts.slice(0, -1)) {
      const next = await openDir(via(current, part));
      await current.close();
      if (!next) return null;
      current = next;
    }
    let file: FileHandle;
    try {
      file = await fs.open(via(current, parts.at(-1)!), O_FILE);
    } catch {
      return null;
    }
    const [stat, real] = await Promise.all([file.stat(), realPathOf(file)]);
    if (!stat.isFile() || !real.startsWith(top.real + "/") || (owner && stat.uid !== owner.uid)) {
      await file.close();
      return null;
    }
    return file;
  } finally {
    await current.close().catch(() => undefined);
  }
}
