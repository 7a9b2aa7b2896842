// The folders a kernel gets: the project's files, written out of the database into a working copy
// per person and project (BENCHTOP_HOME/kernels/work/<userId>/<projectId>), and a private run dir
// per kernel (connection file, ZMQ sockets, HOME) under BENCHTOP_HOME/kernels/run/<kernelId>.
//
// The working copy is written from the project's stored files at every start and restart (a
// stored file overwrites the copy's); files a kernel writes stay in the working copy for the
// next kernel of that person and project, but are not saved back into the project.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { assertSafeRelativePath } from "../storage/blobs";
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

/**
 * Writes the project's stored files into the working copy (only those that differ). The copy
 * belongs to the kernel user, whose kernels may have left links in it: when the server runs as
 * root the writing is done by a process running as that user, so a link can never point a root
 * write elsewhere.
 */
export async function materializeProjectFiles(args: { projectId: string; dir: string; user: KernelUser | null }): Promise<number> {
  const files = await db.file.findMany({ where: { projectId: args.projectId }, select: { path: true, content: true } });
  for (const file of files) assertSafeRelativePath(file.path);
  const entries = files.map((f) => ({ path: f.path, mode: f.path.endsWith(".sh") ? 0o755 : 0o644, data: Buffer.from(f.content) }));
  if (args.user) await writeAsUser(args.dir, entries, args.user);
  else await writeEntries(args.dir, entries);
  return files.length;
}

type Entry = { path: string; mode: number; data: Buffer };

// Links a kernel left where a stored file or its folder belongs are replaced, never followed.
async function writeEntries(dir: string, entries: Entry[]) {
  for (const e of entries) {
    let sub = dir;
    for (const part of e.path.split("/").slice(0, -1)) {
      sub = path.join(sub, part);
      const stat = await fs.lstat(sub).catch(() => null);
      if (stat && !stat.isDirectory()) await fs.rm(sub, { recursive: true, force: true });
      if (!stat || !stat.isDirectory()) await fs.mkdir(sub);
    }
    const target = path.join(dir, e.path);
    const stat = await fs.lstat(target).catch(() => null);
    if (stat?.isFile() && (await fs.readFile(target)).equals(e.data)) continue;
    if (stat) await fs.rm(target, { recursive: true, force: true });
    await fs.writeFile(target, e.data, { mode: e.mode, flag: "wx" });
  }
}

// The same as writeEntries, as a script for `node -e` run as the kernel user; one JSON line per file.
const WRITER = `
const fs = require("node:fs"), path = require("node:path"), readline = require("node:readline");
const dir = process.argv[1];
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const e = JSON.parse(line), target = path.join(dir, e.path), data = Buffer.from(e.data, "base64");
  const lstat = (p) => { try { return fs.lstatSync(p); } catch { return null; } };
  let sub = dir;
  for (const part of e.path.split("/").slice(0, -1)) {
    sub = path.join(sub, part);
    const st = lstat(sub);
    if (st && !st.isDirectory()) fs.rmSync(sub, { recursive: true, force: true });
    if (!st || !st.isDirectory()) fs.mkdirSync(sub);
  }
  const st = lstat(target);
  if (st && st.isFile() && fs.readFileSync(target).equals(data)) return;
  if (st) fs.rmSync(target, { recursive: true, force: true });
  fs.writeFileSync(target, data, { mode: e.mode, flag: "wx" });
});
`;

async function writeAsUser(dir: string, entries: Entry[], user: KernelUser) {
  const child = spawn("setpriv", [`--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", "--", process.execPath, "-e", WRITER, dir], {
    env: { PATH: "/usr/local/bin:/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv,
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
  const done = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve(code));
  });
  child.stdin!.on("error", () => undefined); // an early exit is reported by its status
  for (const e of entries) {
    const ok = child.stdin!.write(JSON.stringify({ path: e.path, mode: e.mode, data: e.data.toString("base64") }) + "\n");
    if (!ok) await new Promise((r) => child.stdin!.once("drain", r));
  }
  child.stdin!.end();
  const code = await done;
  if (code !== 0) {
    const why = stderr.trim().split("\n").filter(Boolean).at(-1) ?? `exit ${code}`;
    throw new AppError("UNAVAILABLE", `The project's files could not be written for the kernel (${why}).`);
  }
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
