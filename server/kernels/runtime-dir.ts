// Where sandboxed kernels' ZMQ ipc sockets live: a short runtime folder of this server's (as
// Jupyter keeps its runtime dir), one private folder per kernel inside it. A Unix socket's path
// holds at most 107 bytes (sockaddr_un.sun_path is 108 with the NUL), so the sockets cannot sit
// in the kernel's run dir under BENCHTOP_HOME, whose length is the operator's choice (a 150-
// character BENCHTOP_HOME failed every kernel start with `ipc path ... is longer than 107
// characters`). The folder is made in TMPDIR when that is short enough, else in /tmp, and is
// removed when the server stops its kernels (and, as a fallback, when the process exits).
import fsSync from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { AppError } from "../errors";
import type { KernelUser } from "./sandbox";

const SUN_PATH_MAX = 107;
/** What a socket's path adds to the base folder: "/benchtop-XXXXXX/kXXXXXX/k-5" (ipykernel names sockets `<ip>-<port>`). */
const SOCKET_SUFFIX_LENGTH = "/benchtop-XXXXXX/kXXXXXX/k-5".length;

const state = globalThis as unknown as { benchtopKernelRuntime?: string | null };

/** The runtime folder, if this process has made one. */
export function kernelRuntimeDir(): string | null {
  return state.benchtopKernelRuntime ?? null;
}

function runtimeRoot(user: KernelUser | null): string {
  const existing = kernelRuntimeDir();
  if (existing && fsSync.existsSync(existing)) return existing;
  const bases = [...new Set([os.tmpdir(), "/tmp"])].filter((b) => Buffer.byteLength(b) + SOCKET_SUFFIX_LENGTH <= SUN_PATH_MAX);
  const problems: string[] = [];
  for (const base of bases) {
    try {
      const root = fsSync.mkdtempSync(path.join(base, "benchtop-"));
      // A kernel user other than the server's must pass through to its own folder, never list.
      fsSync.chmodSync(root, user ? 0o711 : 0o700);
      state.benchtopKernelRuntime = root;
      process.once("exit", () => fsSync.rmSync(root, { recursive: true, force: true }));
      return root;
    } catch (e) {
      problems.push(`${base}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const tried = problems.length ? ` (${problems.join("; ")})` : "";
  throw new AppError(
    "UNAVAILABLE",
    `Kernels cannot start: their sockets need a folder whose path is at most ${SUN_PATH_MAX - SOCKET_SUFFIX_LENGTH} characters long, ` +
      `and neither TMPDIR (${os.tmpdir()}) nor /tmp could be used${tried}; set TMPDIR to a short, writable folder.`,
  );
}

/** A new private folder for one kernel's sockets, owned by the user the kernel runs as. */
export async function socketDirFor(user: KernelUser | null): Promise<string> {
  const dir = await fs.mkdtemp(path.join(runtimeRoot(user), "k"));
  await fs.chmod(dir, 0o700);
  if (user) await fs.chown(dir, user.uid, user.gid);
  return dir;
}

export async function removeSocketDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/** Removes the runtime folder; called once every kernel has stopped. */
export async function removeKernelRuntimeDir(): Promise<void> {
  const root = kernelRuntimeDir();
  state.benchtopKernelRuntime = null;
  if (root) await fs.rm(root, { recursive: true, force: true }).catch(() => undefined);
}
