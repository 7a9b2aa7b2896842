// How a kernel process is launched: an environment built from nothing, resource limits, an
// unprivileged user when the server runs as root, and a bubblewrap sandbox where it works.
//
//   setpriv --reuid U --regid G --clear-groups --   (as root only: drop to BENCHTOP_KERNEL_USER)
//   prlimit --as=MEM [--nproc=N] --core=0 --        (memory, processes, no core dumps)
//   bwrap --unshare-all --die-with-parent ...       (read-only system, the project's working
//                                                    copy and the kernel's run dir writable,
//                                                    a private /tmp, no network)
//   <kernelspec argv>
//
// In the sandbox the kernel has no network at all, not even the host's loopback: the server and
// the kernel talk over ZMQ `ipc://` sockets (Unix sockets in the kernel's private socket dir,
// bound into the sandbox at the same path, so both sides see them; see runtime-dir.ts), so nothing the host listens on (the database, the app, a cloud metadata
// endpoint) is reachable from a cell. Without the sandbox, ZMQ uses TCP on 127.0.0.1.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { env } from "../env";
import { AppError } from "../errors";

export type KernelUser = { uid: number; gid: number; name: string };

export type LaunchPlan = {
  file: string;
  args: string[];
  env: Record<string, string>;
  sandboxed: boolean;
  /** The user the kernel runs as, when it differs from the server's (files it gets are chowned). */
  user: KernelUser | null;
};

const MAX_PROCESSES = 1024;
const PATH = "/usr/local/bin:/usr/bin:/bin";

/** The kernel user when the server runs as root; null otherwise (kernels run as the server's user). */
export function kernelUser(): KernelUser | null {
  if (process.getuid?.() !== 0) return null;
  const name = env.BENCHTOP_KERNEL_USER;
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.split(":")[0] === name || l.split(":")[2] === name);
  if (!line) throw new AppError("UNAVAILABLE", `Kernels cannot start: the user "${name}" (BENCHTOP_KERNEL_USER) does not exist on this server.`);
  const [, , uid, gid] = line.split(":");
  if (Number(uid) === 0) throw new AppError("UNAVAILABLE", `Kernels cannot start: BENCHTOP_KERNEL_USER "${name}" is root; name an unprivileged user.`);
  return { uid: Number(uid), gid: Number(gid), name };
}

const cache = globalThis as unknown as { benchtopBwrapWorks?: { ok: boolean; why: string } };

/** Whether bubblewrap runs here with the namespaces the sandbox uses (checked once). */
export function bwrapWorks(): { ok: boolean; why: string } {
  if (cache.benchtopBwrapWorks) return cache.benchtopBwrapWorks;
  const user = kernelUser();
  const probe = [...userPrefix(user), "bwrap", ...systemBinds(), "--unshare-all", "--die-with-parent", "/bin/true"];
  const result = spawnSync(probe[0]!, probe.slice(1), { env: { PATH } as unknown as NodeJS.ProcessEnv, encoding: "utf8", timeout: 10_000 });
  const ok = result.status === 0;
  const why = ok ? "" : (result.error?.message ?? result.stderr.trim()) || `exit ${result.status}`;
  return (cache.benchtopBwrapWorks = { ok, why });
}

function userPrefix(user: KernelUser | null): string[] {
  return user ? ["setpriv", `--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", "--"] : [];
}

/** The read-only system: /usr, /etc, /opt, and /bin, /lib... as they are (often links into /usr). */
function systemBinds(): string[] {
  const args = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc", "--ro-bind-try", "/opt", "/opt"];
  for (const dir of ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"]) {
    const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isSymbolicLink()) args.push("--symlink", fs.readlinkSync(dir), dir);
    else args.push("--ro-bind", dir, dir);
  }
  return [...args, "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"];
}

/** Whether kernels started now are sandboxed; throws when the sandbox is required and does not work. */
export function sandboxEnabled(): boolean {
  const mode = env.BENCHTOP_KERNEL_SANDBOX;
  if (mode === "none") return false;
  const works = bwrapWorks();
  if (mode === "bwrap" && !works.ok) {
    throw new AppError("UNAVAILABLE", `Kernels cannot start: BENCHTOP_KERNEL_SANDBOX=bwrap but bubblewrap does not work here (${works.why}).`);
  }
  return works.ok;
}

/**
 * The command line and environment of one kernel. `argv` is the kernelspec's, with the
 * connection file filled in; `workDir` (the project's files) is its working directory and
 * `runDir` (connection file, HOME) its private folder, and `socketDir` (sandboxed only) the short
 * folder its ipc sockets go in.
 */
export function planLaunch(args: {
  argv: string[];
  specEnv: Record<string, string>;
  workDir: string;
  runDir: string;
  socketDir: string | null;
  home: string;
  sandboxed: boolean;
}): LaunchPlan {
  const user = kernelUser();
  const limits = [`--as=${env.BENCHTOP_KERNEL_MEMORY_MB * 1024 * 1024}`, "--core=0"];
  // RLIMIT_NPROC counts every process of a user; only cap it for a dedicated kernel user.
  if (user) limits.push(`--nproc=${MAX_PROCESSES}`);
  const sandbox = args.sandboxed
    ? [
        "bwrap",
        ...systemBinds(),
        "--bind",
        args.runDir,
        args.runDir,
        // After systemBinds' private /tmp, so a socket dir under /tmp is the real one.
        ...(args.socketDir ? ["--bind", args.socketDir, args.socketDir] : []),
        "--bind",
        args.workDir,
        args.workDir,
        "--chdir",
        args.workDir,
        "--unshare-all",
        "--die-with-parent",
        "--hostname",
        "benchtop-kernel",
        "--",
      ]
    : [];
  const command = [...userPrefix(user), "prlimit", ...limits, "--", ...sandbox, ...args.argv];
  return {
    file: command[0]!,
    args: command.slice(1),
    // Built from nothing: none of the server's variables (its secrets least of all) reach a kernel.
    env: {
      ...args.specEnv,
      PATH,
      HOME: args.home,
      LANG: "C.UTF-8",
      LC_ALL: "C.UTF-8",
      MPLBACKEND: "module://matplotlib_inline.backend_inline",
      MPLCONFIGDIR: `${args.home}/.config/matplotlib`,
      PYDEVD_DISABLE_FILE_VALIDATION: "1",
      TERM: "xterm-256color",
      // Outside the sandbox, ipykernel exits when this process goes away (inside, bwrap's
      // --die-with-parent does that).
      ...(args.sandboxed ? {} : { JPY_PARENT_PID: String(process.pid) }),
    },
    sandboxed: args.sandboxed,
    user,
  };
}
