// Why a job never outlives its lease. The server takes a node's lease back when the agent's
// heartbeats stop for the lease timeout (L, sent at registration), and then resumes the job
// elsewhere; a copy still running here would do the job's side effects (a shared file system, a
// W&B run, an S3 write) a second time. The agent itself cannot be trusted to stop it: SIGSTOPped
// or swapped out, its event loop runs nothing, and killed with kill -9 it runs nothing at all. So
// each agent starts one small watchdog process (`benchtop agent-watchdog`, this file's
// runLeaseWatchdog), its own process group, that holds no lease and talks to no server:
//
//   - after every heartbeat the server answered, the agent writes `renewed` with the moment that
//     heartbeat was sent (CLOCK_MONOTONIC, the same clock in both processes, so a late answer
//     does not stretch the lease: the server counts from when it received it, which is later);
//   - for every job it starts, the agent writes `watch` with what identifies the job's processes
//     (a sandbox's PID namespace and PID 1, or a --no-isolation job's process group), and
//     `release` once they are gone;
//   - when no renewal came for L - one heartbeat interval, the watchdog writes `lease-lapsed` into
//     each watched run's folder (the agent reads it there: such a job's end is a lost lease, never
//     the user's failure), then stops each job as cancel does: SIGTERM, the job's grace, SIGKILL.
//     The server marks the attempt `lost` at L and resumes the job elsewhere only once the job's
//     grace has passed since then (server/queue/scheduler-pass.ts, loadLosses), so the old copy
//     has had its SIGKILL before any new copy starts (README, "What it survives");
//   - when its stdin closes (the agent exited or was killed, even with SIGKILL: the kernel closes
//     the pipe), it stops every job still watched the same way, then exits.
//
// One process for all of an agent's jobs, kept by the agent (restarted if it dies). It ignores
// SIGINT, SIGTERM and SIGHUP: Ctrl-C or systemd's stop reach it with the agent, and the agent's
// own orderly stop (or its absence) is what it must see. A sandboxed job cannot leave its PID
// namespace, so SIGKILL to its PID 1 ends every process in it; a --no-isolation job is a process
// group, which a process can leave with setsid (as it can escape the agent's own stop).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { groupRunsJob } from "./leftovers";
import { stopGroup } from "./process-group";
import type { Progress } from "./progress";
import { formatProgressLine } from "./progress";
import { stopSandbox, type SandboxIds } from "./sandboxed-job";

/** Written into a run's folder when the watchdog stopped its job because the lease lapsed. */
export const LAPSED_FILE = "lease-lapsed";

export type WatchedJob = {
  nodeId: string;
  jobId: string;
  runDir: string;
  graceMs: number;
  /** A --no-isolation job's process group, or a sandbox. */
  pgid?: number;
  sandbox?: SandboxIds;
};

type Message = { renewed: number } | { watch: WatchedJob } | { release: string };

/** Milliseconds on CLOCK_MONOTONIC: comparable between processes of one machine, deaf to clock changes. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1_000_000n);
}

/** The agent's end: starts the watchdog process and feeds it. */
export class LeaseWatchdog {
  private child: ChildProcess | null = null;
  private readonly watched = new Map<string, WatchedJob>();
  private renewedAt = monotonicMs();
  private closed = false;

  /** `stopAfterMs`: how long without a renewal before the jobs are stopped (the lease timeout less a heartbeat interval). */
  constructor(
    private readonly stopAfterMs: number,
    private readonly progress: Progress,
  ) {
    this.start();
  }

  /** A heartbeat sent at `sentAt` (monotonicMs) was answered: every lease it carried runs until sentAt + the lease timeout. */
  renewed(sentAt: number): void {
    this.renewedAt = Math.max(this.renewedAt, sentAt);
    this.send({ renewed: this.renewedAt });
  }

  watch(job: WatchedJob): void {
    this.watched.set(job.nodeId, job);
    this.send({ watch: job });
  }

  release(nodeId: string): void {
    if (this.watched.delete(nodeId)) this.send({ release: nodeId });
  }

  /** The agent stops for good: the watchdog stops what is still watched (nothing, after an orderly stop) and exits. */
  close(): void {
    this.closed = true;
    this.child?.stdin?.end();
  }

  private start(): void {
    // The same program the agent is (the built bundle, or the sources under tsx), as its own
    // process group: a Ctrl-C at the agent's terminal must leave the watchdog to see the agent go.
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, "agent-watchdog", "--stop-after-ms", String(this.stopAfterMs)], {
      detached: true,
      stdio: ["pipe", "inherit", "inherit"],
    });
    this.child = child;
    child.stdin!.on("error", () => undefined);
    child.once("exit", (code, signal) => {
      if (this.closed) return;
      this.progress("watchdog.restarting", { exitCode: code, signal, watched: this.watched.size });
      // A second later, so a watchdog that cannot start at all does not spin.
      setTimeout(() => this.closed || this.start(), 1000).unref();
    });
    this.send({ renewed: this.renewedAt });
    for (const job of this.watched.values()) this.send({ watch: job });
  }

  private send(message: Message): void {
    if (!this.closed) this.child?.stdin?.write(JSON.stringify(message) + "\n");
  }
}

/** The watchdog process itself (`benchtop agent-watchdog`): runs until its stdin closes and its last job is stopped. */
export async function runLeaseWatchdog(stopAfterMs: number, input: NodeJS.ReadableStream = process.stdin): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => undefined);
  process.stdout.on("error", () => undefined);
  const say = (event: string, fields: Record<string, string | number | undefined>) => process.stdout.write(formatProgressLine(event, fields) + "\n");
  const jobs = new Map<string, WatchedJob>();
  const stopping: Promise<unknown>[] = [];
  let renewedAt = monotonicMs();
  let timer: NodeJS.Timeout | null = null;

  const stopJob = (job: WatchedJob) =>
    job.sandbox ? stopSandbox(job.sandbox, job.graceMs) : groupRunsJob(job.pgid!, job.jobId).then((ours) => (ours ? stopGroup(job.pgid!, job.graceMs) : { killed: false }));

  const stopAll = (why: string, lapsed: boolean) => {
    for (const job of jobs.values()) {
      if (lapsed) {
        try {
          fs.writeFileSync(path.join(job.runDir, LAPSED_FILE), why + "\n", { mode: 0o600 });
        } catch {
          // The run's folder is gone: so is the job.
        }
      }
      say("job.stopping", { node: job.nodeId, why, graceS: job.graceMs / 1000 });
      stopping.push(stopJob(job).catch(() => undefined));
    }
    jobs.clear();
  };

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (jobs.size === 0) return;
    timer = setTimeout(() => stopAll(`no heartbeat was answered for ${Math.round((monotonicMs() - renewedAt) / 1000)} s: the lease runs out`, true), Math.max(0, renewedAt + stopAfterMs - monotonicMs()));
  };

  const lines = readline.createInterface({ input });
  lines.on("line", (line) => {
    let message: Message;
    try {
      message = JSON.parse(line) as Message;
    } catch {
      return;
    }
    if ("renewed" in message) renewedAt = Math.max(renewedAt, message.renewed);
    else if ("watch" in message) jobs.set(message.watch.nodeId, message.watch);
    else if ("release" in message) jobs.delete(message.release);
    arm();
  });
  await new Promise<void>((resolve) => lines.once("close", resolve));
  if (timer) clearTimeout(timer);
  stopAll("the agent is gone", false);
  await Promise.all(stopping);
}
