// A job's command as its own process group (a new session, via detached), so that stopping it
// reaches every process it started, not only bash: SIGTERM to the whole group, a grace period,
// then SIGKILL to whatever is left. This is how an agent started with --no-isolation runs jobs;
// a sandboxed job (sandboxed-job.ts) is stopped through its PID namespace instead, which a
// process cannot leave the way it can leave a process group (setsid).
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { sleep } from "./backoff";

export type ProcessExit = { exitCode: number | null; signal: NodeJS.Signals | null };
export type StopResult = { killed: boolean };

export type StartOptions = {
  command: string;
  cwd: string;
  env: Record<string, string>;
  onStdout?: (chunk: Buffer) => void;
  onStderr?: (chunk: Buffer) => void;
};

/** A running job, however it was started: what run-node.ts needs to watch and stop it. */
export interface JobProcess {
  readonly exited: Promise<ProcessExit>;
  /** Both output streams have closed (every process holding them is gone). */
  readonly outputClosed: Promise<void>;
  /** The process the agent started (for its progress lines). */
  readonly pid: number;
  isAlive(): boolean;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM to every process of the job, up to `graceMs` for them to go, then SIGKILL. */
  stop(graceMs: number): Promise<StopResult>;
  /** Stops reading output (a process that escaped may hold the pipes open forever). */
  closeOutput(): void;
}

/**
 * Collects a child's stdout and stderr. Listeners go on before anything can await: when a child
 * exits, Node resumes any stdio stream nobody reads and its output is thrown away, so a fast job
 * would lose its lines.
 */
export function outputOf(child: { stdout: Readable; stderr: Readable }, opts: Pick<StartOptions, "onStdout" | "onStderr">): Promise<void> {
  const closed = (stream: Readable, onData?: (chunk: Buffer) => void) =>
    new Promise<void>((resolve) => {
      if (onData) stream.on("data", onData);
      stream.once("close", resolve);
    });
  return Promise.all([closed(child.stdout, opts.onStdout), closed(child.stderr, opts.onStderr)]).then(() => undefined);
}

/** Waits until `gone()`, polling; false when `ms` passed first. */
export async function waitUntil(gone: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!gone()) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

export class ProcessGroup implements JobProcess {
  readonly exited: Promise<ProcessExit>;
  /** Both output streams have closed (every process holding them is gone). */
  readonly outputClosed: Promise<void>;

  private constructor(
    private readonly child: ChildProcessByStdio<null, Readable, Readable>,
    opts: StartOptions,
  ) {
    this.exited = new Promise((resolve) => child.once("exit", (exitCode, signal) => resolve({ exitCode, signal })));
    this.outputClosed = outputOf(child, opts);
  }

  /** Starts `bash -c command`; rejects (nothing running) when it cannot be started at all. */
  static async start(opts: StartOptions): Promise<ProcessGroup> {
    // Exactly opts.env (Next's types insist every ProcessEnv has NODE_ENV; a job's env need not).
    const env = opts.env as unknown as NodeJS.ProcessEnv;
    const child = spawn("bash", ["-c", opts.command], { cwd: opts.cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const group = new ProcessGroup(child, opts);
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", resolve);
      child.once("error", reject);
    });
    return group;
  }

  /** Stops reading output (a process that escaped the group may hold the pipes open forever). */
  closeOutput(): void {
    this.child.stdout.destroy();
    this.child.stderr.destroy();
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Whether any process of the group is still there (the leader may be gone while its children live). */
  isAlive(): boolean {
    return isGroupAlive(this.pid);
  }

  signal(signal: NodeJS.Signals): void {
    signalGroup(this.pid, signal);
  }

  /** SIGTERM to the group, up to `graceMs` for it to go, then SIGKILL. Resolves once no process of the group is left. */
  stop(graceMs: number): Promise<StopResult> {
    return stopGroup(this.pid, graceMs);
  }
}

export function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone: nothing to signal.
  }
}

export async function stopGroup(pgid: number, graceMs: number): Promise<StopResult> {
  if (!isGroupAlive(pgid)) return { killed: false };
  signalGroup(pgid, "SIGTERM");
  if (await waitUntil(() => !isGroupAlive(pgid), graceMs)) return { killed: false };
  signalGroup(pgid, "SIGKILL");
  // SIGKILL cannot be caught; the wait is only for the kernel to tear the processes down.
  await waitUntil(() => !isGroupAlive(pgid), 10_000);
  return { killed: true };
}
