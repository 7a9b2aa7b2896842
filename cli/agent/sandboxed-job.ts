// A job in its sandbox (sandbox.ts), and how it is stopped. bwrap forks: the outer bwrap (our
// child) waits; inside a new PID namespace its copy is PID 1 (a reaper) and the job's bash is
// PID 2. That shapes the signals:
//
//   - SIGTERM must not go to the outer bwrap: it would die of it, and with --die-with-parent the
//     namespace would be torn down at once (SIGKILL to all), so the job would get no grace;
//   - SIGTERM to PID 1 from outside is ignored by the kernel (no handler), so it is harmless but
//     useless;
//   - so SIGTERM goes to every process whose PID namespace is the job's (read from
//     /proc/<pid>/ns/pid; bwrap's --info-fd tells us the namespace and PID 1's pid out here). A
//     process that setsid'd or double-forked is still in the namespace: it cannot leave it;
//   - SIGKILL goes to PID 1: when a namespace's PID 1 dies, the kernel kills every process in it.
//
// When bash (PID 2) exits, bwrap exits with its status and the namespace ends with it, so what the
// job left running is killed at once (as when a container's main process exits). bwrap reports a
// job killed by signal N as status 128+N, as a shell does; that is read back as the signal.
import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import fs from "node:fs";
import type { Readable } from "node:stream";
import { outputOf, waitUntil, type JobProcess, type ProcessExit, type StartOptions, type StopResult } from "./process-group";

type Info = { "child-pid": number; "pid-namespace": number };

/** bwrap's exit status back as the job's: 128+N is signal N, as a shell reports it. */
export function exitOfStatus(code: number | null, signal: NodeJS.Signals | null): ProcessExit {
  if (signal || code === null) return { exitCode: null, signal };
  if (code > 128 && code <= 128 + 64) {
    const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0] as NodeJS.Signals | undefined;
    if (name) return { exitCode: null, signal: name };
  }
  return { exitCode: code, signal: null };
}

/** Whether `pid` has exited and waits to be reaped (or is gone): nothing left to signal. */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.charAt(stat.lastIndexOf(")") + 2) === "Z";
  } catch {
    return true;
  }
}

/** Pids (as this machine numbers them) of every live process in PID namespace `ns`. */
export function processesInNamespace(ns: number): number[] {
  const link = `pid:[${ns}]`;
  const pids: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readlinkSync(`/proc/${name}/ns/pid`) === link && !isZombie(Number(name))) pids.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to look at (then not the job's either).
    }
  }
  return pids;
}

export function inNamespace(pid: number, ns: number): boolean {
  try {
    return fs.readlinkSync(`/proc/${pid}/ns/pid`) === `pid:[${ns}]`;
  } catch {
    return false;
  }
}

export class SandboxedJob implements JobProcess {
  readonly exited: Promise<ProcessExit>;
  readonly outputClosed: Promise<void>;

  private constructor(
    private readonly child: ChildProcess & { stdout: Readable; stderr: Readable },
    /** PID 1 of the job's namespace, as this machine numbers it, and the namespace's inode. */
    readonly initPid: number,
    readonly pidNamespace: number,
    exited: Promise<ProcessExit>,
    outputClosed: Promise<void>,
  ) {
    this.exited = exited;
    this.outputClosed = outputClosed;
  }

  /** Starts `argv` (sandboxedCommand); resolves once the sandbox is up, rejects with bwrap's words when it could not be made. */
  static start(argv: string[], opts: Omit<StartOptions, "command" | "cwd">): Promise<SandboxedJob> {
    const env = opts.env as unknown as NodeJS.ProcessEnv;
    // cwd /: the job user may not be able to enter the agent's own working directory.
    // fd 3: bwrap's --info-fd; fd 4: "ready" from inside the sandbox (sandboxedCommand).
    const child = spawn(argv[0]!, argv.slice(1), { cwd: "/", env, detached: true, stdio: ["ignore", "pipe", "pipe", "pipe", "pipe"] }) as ChildProcess & {
      stdout: Readable;
      stderr: Readable;
    };
    // bwrap's own complaints (before the job runs) are kept for the refusal; the job's go to its log.
    let early = "";
    const onStderr = (chunk: Buffer) => {
      if (early.length < 4000) early += chunk.toString("utf8");
      opts.onStderr?.(chunk);
    };
    const outputClosed = outputOf(child, { onStdout: opts.onStdout, onStderr });
    const exited = new Promise<ProcessExit>((resolve) => child.once("exit", (code, signal) => resolve(exitOfStatus(code, signal))));
    const readAll = (stream: Readable) =>
      new Promise<string>((resolve) => {
        let text = "";
        stream.on("data", (d: Buffer) => (text += d.toString("utf8")));
        stream.once("close", () => resolve(text));
      });
    const info = readAll(child.stdio[3] as Readable);
    const ready = readAll(child.stdio[4] as Readable);
    return new Promise((resolve, reject) => {
      child.once("error", reject);
      void Promise.all([info, ready]).then(async ([infoText, readyText]) => {
        let parsed: Info | null = null;
        try {
          parsed = JSON.parse(infoText) as Info;
        } catch {
          // No info: bwrap stopped before it made the namespaces.
        }
        if (readyText === "ready" && parsed && Number.isInteger(parsed["child-pid"]) && Number.isInteger(parsed["pid-namespace"])) {
          resolve(new SandboxedJob(child, parsed["child-pid"], parsed["pid-namespace"], exited, outputClosed));
          return;
        }
        await exited;
        const why = early.trim().split("\n").filter((l) => l.startsWith("bwrap:") || l.startsWith("setpriv:")).at(-1) ?? (early.trim() || "no word from bwrap");
        reject(new Error(`the sandbox could not be set up (${why})`));
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /**
   * Whether any process of the job is left. PID 1 is the last of the namespace to exit (the
   * kernel reaps the others first), so a PID 1 that is gone or a zombie means none are. A zombie:
   * once the outer bwrap is gone, PID 1 is reparented to the machine's init, which may take its
   * time to reap it (seconds, in some containers).
   */
  isAlive(): boolean {
    return isSandboxAlive(this);
  }

  signal(signal: NodeJS.Signals): void {
    signalSandbox(this, signal);
  }

  stop(graceMs: number): Promise<StopResult> {
    return stopSandbox(this, graceMs);
  }

  closeOutput(): void {
    this.child.stdout.destroy();
    this.child.stderr.destroy();
  }
}

/** A sandbox as this machine sees it: its PID namespace and that namespace's PID 1 (what node.json and the lease watchdog keep). */
export type SandboxIds = { initPid: number; pidNamespace: number };

export function isSandboxAlive({ initPid, pidNamespace }: SandboxIds): boolean {
  return inNamespace(initPid, pidNamespace) && !isZombie(initPid);
}

export function signalSandbox(box: SandboxIds, signal: NodeJS.Signals): void {
  // A namespace's inode is reused once it is gone: only while our PID 1 is in it is it ours.
  if (!isSandboxAlive(box)) return;
  if (signal === "SIGKILL") return kill(box.initPid, "SIGKILL");
  for (const pid of processesInNamespace(box.pidNamespace)) {
    // PID 1 is bwrap's reaper: it ignores the signal, and must not be what ends the namespace.
    if (pid !== box.initPid && inNamespace(pid, box.pidNamespace)) kill(pid, signal);
  }
}

/** SIGTERM to every process of the sandbox, up to `graceMs` for them to go, then SIGKILL to its PID 1 (which takes the rest with it). */
export async function stopSandbox(box: SandboxIds, graceMs: number): Promise<StopResult> {
  if (!isSandboxAlive(box)) return { killed: false };
  signalSandbox(box, "SIGTERM");
  if (await waitUntil(() => !isSandboxAlive(box), graceMs)) return { killed: false };
  signalSandbox(box, "SIGKILL");
  await waitUntil(() => !isSandboxAlive(box), 10_000);
  return { killed: true };
}

function kill(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // Gone meanwhile.
  }
}
