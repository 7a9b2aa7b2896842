// What an earlier agent process left in <work-dir>/runs: after a crash or `kill -9`, its lease
// watchdog (lease-watchdog.ts) stops its jobs, and a sandboxed job dies with its agent through
// bwrap's --die-with-parent; but a watchdog killed too (the OOM killer, a kill of both) leaves a
// --no-isolation job running as its own process group, so each is checked here anyway; and their
// last log lines and `ended` report may be unsent. Their leases belong to a dead agent process and
// will expire, so the jobs are stopped here, and what was spooled is delivered while the server
// still accepts it (a 409 lease_lost just means it no longer does).
import fs from "node:fs/promises";
import path from "node:path";
import { ZEndedRequest } from "../../contract/agent-protocol";
import type { AgentClient } from "./client";
import { LeaseLostError } from "./client";
import { LogSender } from "./log-sender";
import { LogSpool } from "./log-spool";
import { signalGroup } from "./process-group";
import type { Progress } from "./progress";
import { retryUntilDone } from "./retry";
import { RunDir } from "./run-dir";
import type { NodeRecord } from "./node-record";
import { inNamespace } from "./sandboxed-job";

/**
 * Whether process group `pgid` is still the job's: some member carries the job's
 * BENCHTOP_JOB_ID (the pgid alone could since belong to an unrelated process). Linux /proc only;
 * elsewhere nothing is killed.
 */
export async function groupRunsJob(pgid: number, jobId: string): Promise<boolean> {
  const pids = await fs.readdir("/proc").catch(() => [] as string[]);
  const needle = Buffer.from(`\0BENCHTOP_JOB_ID=${jobId}\0`);
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // Fields after the command name (which may hold spaces and parentheses): state ppid pgrp ...
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    const environ = await fs.readFile(`/proc/${pid}/environ`).catch(() => null);
    if (environ && Buffer.concat([Buffer.from([0]), environ]).includes(needle)) return true;
  }
  return false;
}

/** Stops leftover jobs at once (before this agent offers its GPUs again) and returns the delivery of their spooled reports, to run in the background. */
export async function recoverLeftovers(opts: { runsDir: string; client: AgentClient; progress: Progress; signal: AbortSignal }): Promise<() => Promise<void>> {
  const { runsDir, client, progress, signal } = opts;
  const names = await fs.readdir(runsDir).catch(() => [] as string[]);
  const found: { dir: string; record: NodeRecord }[] = [];
  for (const name of names) {
    const dir = path.join(runsDir, name);
    const record = await fs
      .readFile(path.join(dir, "node.json"), "utf8")
      .then((t) => JSON.parse(t) as NodeRecord)
      .catch(() => null);
    if (!record) {
      await fs.rm(dir, { recursive: true, force: true });
      continue;
    }
    if (record.pgid && (await groupRunsJob(record.pgid, record.jobId))) {
      signalGroup(record.pgid, "SIGKILL");
      progress("leftover.killed", { node: name, pgid: record.pgid });
    }
    // The namespace's PID 1 dying ends every process in it.
    if (record.sandbox && inNamespace(record.sandbox.initPid, record.sandbox.pidNamespace)) {
      try {
        process.kill(record.sandbox.initPid, "SIGKILL");
      } catch {
        // Gone meanwhile.
      }
      progress("leftover.killed", { node: name, pidNamespace: record.sandbox.pidNamespace });
    }
    const run = new RunDir(dir, record.jobUser ?? null);
    await run.removeJobParts(["files", "checkpoints", "home", "tmp"]);
    found.push({ dir, record });
  }
  return async () => {
    for (const { dir, record } of found) {
      if (signal.aborted) return;
      const label = path.basename(dir);
      const spool = await LogSpool.reopen(path.join(dir, "logs.jsonl"));
      const sender = new LogSender(spool, client, record.nodeId, record.fencingToken, { progress, label });
      const onAbort = () => sender.stop();
      signal.addEventListener("abort", onAbort, { once: true });
      const logs = await sender.flush();
      signal.removeEventListener("abort", onAbort);
      let ended = "none";
      const pending = await fs.readFile(path.join(dir, "ended.json"), "utf8").catch(() => null);
      if (pending && logs === "delivered") {
        const parsed = ZEndedRequest.safeParse(JSON.parse(pending));
        if (parsed.success) {
          ended = await retryUntilDone(() => client.ended(record.nodeId, parsed.data, signal), { what: `ended report of ${label}`, signal, progress }).then(
            () => "sent",
            (e) => (e instanceof LeaseLostError ? "lease_lost" : "failed"),
          );
        }
      }
      if (signal.aborted) return;
      progress("leftover.delivered", { node: label, logs, ended });
      // A job that ended but whose outputs never reached the server: its results are kept for a
      // person (a job stopped mid-run is retried elsewhere, so its outputs are not).
      const run = new RunDir(dir, record.jobUser ?? null);
      if (pending && (await fs.readdir(run.part("outputs")).catch(() => [])).length > 0) {
        const kept = path.join(path.dirname(runsDir), "kept", label);
        await fs.mkdir(path.dirname(kept), { recursive: true, mode: 0o700 });
        await fs.rename(run.part("outputs"), kept).catch(() => undefined);
        progress("outputs.kept", { node: label, dir: kept });
      }
      await run.remove();
    }
  };
}
