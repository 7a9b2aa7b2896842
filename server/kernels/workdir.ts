// The folders a kernel gets: the project's files, written out of the database into a working copy
// per person and project (BENCHTOP_HOME/kernels/work/<userId>/<projectId>), and a private run dir
// per kernel (connection file, ZMQ sockets, HOME) under BENCHTOP_HOME/kernels/run/<kernelId>.
//
// The working copy is written from the project's stored files at every start and restart (a
// stored file overwrites the copy's); files a kernel writes stay in the working copy for the
// next kernel of that person and project, but are not saved back into the project.
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "../db/client";
import { env } from "../env";
import { assertSafeRelativePath } from "../queue/blobs";
import type { KernelUser } from "./sandbox";

const kernelsRoot = () => path.join(env.home, "kernels");

/** A folder the kernel user can pass through but not list (the server's own files stay unreadable). */
async function passThrough(dir: string) {
  await fs.mkdir(dir, { recursive: true });
  await fs.chmod(dir, 0o711);
}

async function own(p: string, user: KernelUser | null) {
  if (user) await fs.chown(p, user.uid, user.gid);
}

export async function workDirFor(args: { userId: string; projectId: string; user: KernelUser | null }): Promise<string> {
  await fs.chmod(env.home, 0o711).catch(() => undefined);
  for (const dir of [kernelsRoot(), path.join(kernelsRoot(), "work"), path.join(kernelsRoot(), "work", args.userId)]) await passThrough(dir);
  const dir = path.join(kernelsRoot(), "work", args.userId, args.projectId);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await own(dir, args.user);
  return dir;
}

/** Writes the project's stored files into the working copy (only those that differ). */
export async function materializeProjectFiles(args: { projectId: string; dir: string; user: KernelUser | null }): Promise<number> {
  const files = await db.file.findMany({ where: { projectId: args.projectId }, select: { path: true, content: true } });
  for (const file of files) {
    assertSafeRelativePath(file.path);
    const target = path.join(args.dir, file.path);
    const parts = file.path.split("/").slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const sub = path.join(args.dir, ...parts.slice(0, i));
      const stat = await fs.lstat(sub).catch(() => null);
      // A link the kernel left where a folder should be is not followed out of the copy.
      if (stat && !stat.isDirectory()) await fs.rm(sub, { recursive: true, force: true });
      if (!stat || !stat.isDirectory()) {
        await fs.mkdir(sub, { mode: 0o755 });
        await own(sub, args.user);
      }
    }
    const bytes = Buffer.from(file.content);
    const current = await fs.readFile(target).catch(() => null);
    if (current && current.equals(bytes)) continue;
    await fs.rm(target, { recursive: true, force: true });
    await fs.writeFile(target, bytes, { mode: file.path.endsWith(".sh") ? 0o755 : 0o644, flag: "wx" });
    await own(target, args.user);
  }
  return files.length;
}

export async function runDirFor(args: { kernelId: string; user: KernelUser | null }): Promise<{ runDir: string; home: string }> {
  await fs.chmod(env.home, 0o711).catch(() => undefined);
  await passThrough(kernelsRoot());
  await passThrough(path.join(kernelsRoot(), "run"));
  const runDir = path.join(kernelsRoot(), "run", args.kernelId);
  await fs.rm(runDir, { recursive: true, force: true });
  await fs.mkdir(runDir, { mode: 0o700 });
  const home = path.join(runDir, "home");
  await fs.mkdir(home, { mode: 0o700 });
  await own(runDir, args.user);
  await own(home, args.user);
  return { runDir, home };
}

export async function removeRunDir(runDir: string) {
  await fs.rm(runDir, { recursive: true, force: true }).catch(() => undefined);
}
