// The sandbox every job runs in (unless the agent was started with --no-isolation), on the model
// of the kernels' (server/kernels/sandbox.ts):
//
//   setpriv --reuid U --regid G --clear-groups --   (an agent running as root: drop to the job user)
//   bwrap ... -- bash -c COMMAND                    (the view below, new namespaces)
//
// What the job sees, at paths that are the same on every agent (README, "The contract a job sees"):
//
//   /usr /etc /opt /sys, /bin /lib ...   the system, read-only
//   /job                                 its own tree, writable, on disk in the run dir:
//     /job/files                           the snapshot's files, its working directory
//     /job/outputs, /job/checkpoints       BENCHTOP_OUTPUT_DIR, BENCHTOP_CHECKPOINT_DIR
//     /job/home                            HOME
//   /job/datasets/<name>[.ready]         its attached datasets, read-only
//   /tmp                                 private, on disk (/job/tmp), not a RAM tmpfs
//   /benchtop/python                     benchtop_metrics and benchtop_notebook, read-only
//   /dev                                 a minimal /dev, plus exactly its GPUs' device nodes
//   /proc                                of its own PID namespace: no other process is visible
//
// One bind for the whole of /job, so a job can rename a file from its working directory into its
// outputs (a 10 GB model moved, not copied). Nothing else of the agent's work dir, BENCHTOP_HOME,
// the caches or other runs exists in its mount namespace; the root is a read-only tmpfs.
import fs from "node:fs";

/** The unprivileged user a job runs as (--job-user). */
export type JobUser = { name: string; uid: number; gid: number };

export const SANDBOX_PATHS = {
  job: "/job",
  files: "/job/files",
  outputs: "/job/outputs",
  checkpoints: "/job/checkpoints",
  home: "/job/home",
  datasets: "/job/datasets",
  tmp: "/tmp",
  python: "/benchtop/python",
} as const;

export type SandboxPlan = {
  /** The run's job tree on the machine (<run>/job), bound as /job. */
  jobDir: string;
  /** The run's datasets folder (agent-owned hard links), bound read-only as /job/datasets; null without datasets. */
  datasetsDir: string | null;
  /** agent-files/python, bound read-only as /benchtop/python. */
  pythonDir: string;
  /** Device nodes to pass through (gpu-devices.ts): exactly the job's GPUs'. */
  devices: string[];
  /** False cuts the network (the pool's jobNetwork setting): a network namespace with only loopback. */
  network: boolean;
  /** --job-bind: folders outside /usr and /opt (a lab's conda or modules tree), read-only at the same path. */
  binds: string[];
};

type Lstat = (p: string) => fs.Stats | undefined;
const lstat: Lstat = (p) => fs.lstatSync(p, { throwIfNoEntry: false });

/**
 * The read-only system: /usr, /etc, /opt and /sys (NCCL and NVML read PCI topology there), and
 * /bin, /lib... as they are on this machine (often links into /usr). /etc/resolv.conf is often a
 * link into /run (systemd-resolved): its target is bound too, or name resolution fails.
 */
export function systemArgs(stat: Lstat = lstat, realpath: (p: string) => string = fs.realpathSync): string[] {
  const args = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc", "--ro-bind-try", "/opt", "/opt", "--ro-bind-try", "/sys", "/sys"];
  for (const dir of ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"]) {
    const s = stat(dir);
    if (!s) continue;
    if (s.isSymbolicLink()) args.push("--symlink", fs.readlinkSync(dir), dir);
    else args.push("--ro-bind", dir, dir);
  }
  if (stat("/etc/resolv.conf")?.isSymbolicLink()) {
    try {
      const target = realpath("/etc/resolv.conf");
      if (!target.startsWith("/etc/") && !target.startsWith("/usr/")) args.push("--ro-bind-try", target, target);
    } catch {
      // A dangling link: the host cannot resolve names either.
    }
  }
  return args;
}

/**
 * bwrap's arguments up to `--`. The namespaces: user (implied by an unprivileged bwrap, and
 * needed for --disable-userns, which keeps the job from making namespaces of its own), PID (its
 * own /proc: no other process's cmdline or environ), IPC, UTS, cgroup, and network when cut.
 * --die-with-parent: if the agent dies, the job dies with it (its lease is gone anyway).
 * --new-session: no controlling terminal to push keystrokes into (CVE-2017-5226).
 * --info-fd 3: bwrap writes the namespace's first process and PID namespace there, which is how
 * the agent signals the job's processes (sandboxed-job.ts).
 */
export function sandboxArgs(plan: SandboxPlan, system = systemArgs()): string[] {
  const args = [...system, "--proc", "/proc", "--dev", "/dev"];
  for (const device of plan.devices) args.push("--dev-bind", device, device);
  args.push("--bind", plan.jobDir, SANDBOX_PATHS.job, "--bind", `${plan.jobDir}/tmp`, SANDBOX_PATHS.tmp);
  if (plan.datasetsDir) args.push("--ro-bind", plan.datasetsDir, SANDBOX_PATHS.datasets);
  args.push("--ro-bind", plan.pythonDir, SANDBOX_PATHS.python, ...extraBinds(plan.binds), "--remount-ro", "/", "--chdir", SANDBOX_PATHS.files);
  return [...args, ...namespaceArgs(plan.network), "--info-fd", "3", "--"];
}

export const extraBinds = (binds: string[]) => binds.flatMap((b) => ["--ro-bind", b, b]);

export function namespaceArgs(network: boolean): string[] {
  return [
    "--unshare-user", "--disable-userns", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
    ...(network ? [] : ["--unshare-net"]),
    "--die-with-parent", "--new-session",
  ];
}

/** `setpriv` when the agent switches to a job user (it runs as root), nothing otherwise. */
export function asUser(user: JobUser | null): string[] {
  return user ? ["setpriv", `--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", "--"] : [];
}

/**
 * The whole command line of a sandboxed job. bwrap says nothing when its setup succeeded, so the
 * first thing run inside writes "ready" to fd 4 (a pipe of the agent's, sandboxed-job.ts), closes
 * it and becomes `bash -c COMMAND`: no "ready" before the pipe closes means the sandbox failed.
 */
export function sandboxedCommand(user: JobUser | null, plan: SandboxPlan, command: string): string[] {
  return [...asUser(user), "bwrap", ...sandboxArgs(plan), "/bin/sh", "-c", 'printf ready >&4; exec 4>&-; exec bash -c "$1"', "bash", command];
}
