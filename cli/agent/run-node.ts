// One node of an attempt, from assignment to `ended`: a fresh run dir (run-dir.ts), the snapshot
// and the last checkpoint put in place and handed to the job user, the command started in its
// sandbox (job-launch.ts) with the job's contract env, its output spooled and shipped,
// checkpoints saved while it runs, stopped on cancel or max runtime, then logs flushed, a last
// checkpoint, outputs as artifacts, and `ended` sent until the server has it. A lost lease stops
// all of that at once: kill, forget, report nothing.
import fs from "node:fs/promises";
import path from "node:path";
import type { TAssignment } from "../../contract/agent-protocol";
import { setLongTimeout } from "./backoff";
import type { BlobCache } from "./blob-cache";
import { CheckpointSaver } from "./checkpoints";
import { LeaseLostError, type AgentClient } from "./client";
import { JobDatasets } from "./dataset-attach";
import { DatasetCache } from "./dataset-cache";
import type { JobDir } from "./dir-upload";
import type { Isolation } from "./isolation";
import type { HostBasics } from "./job-env";
import { LAPSED_FILE, type LeaseWatchdog } from "./lease-watchdog";
import { launchJob } from "./job-launch";
import { LineSplitter } from "./line-splitter";
import { LogSender } from "./log-sender";
import { LogSpool } from "./log-spool";
import { writeNodeRecord } from "./node-record";
import { finishNode, type NodeOutcome } from "./node-finish";
import type { JobProcess } from "./process-group";
import type { Progress } from "./progress";
import { describeError, retryUntilDone } from "./retry";
import { RunDir } from "./run-dir";
import { SandboxedJob } from "./sandboxed-job";
import { materialiseManifest } from "./snapshot";

export type { NodeOutcome } from "./node-finish";
export type { NodeRecord } from "./node-record";

export type NodeRunDeps = {
  client: AgentClient;
  cache: BlobCache;
  /** Attached datasets' objects (dataset-cache.ts); without one, a cache beside the runs with no size cap. */
  datasetCache?: DatasetCache;
  runsDir: string;
  host: HostBasics;
  agentPythonDir: string;
  progress: Progress;
  /** How often BENCHTOP_CHECKPOINT_DIR is looked at while the job runs. */
  checkpointIntervalMs?: number;
  /** How jobs are isolated (isolation.ts); default: not at all, as with --no-isolation. */
  isolation?: Isolation;
  /** The device nodes of these GPUs (gpu-devices.ts); default: none (simulated GPUs). */
  gpuDevices?: (gpuIndices: number[]) => string[];
  /** Stops the job if the agent's leases lapse (lease-watchdog.ts); none in tests of one node. */
  watchdog?: LeaseWatchdog;
};

type Phase = "preparing" | "running" | "finishing" | "done";

/** How long a node whose lease lapsed keeps trying to deliver its last log lines before it is given up. */
const LAPSED_FLUSH_MS = 60_000;

const NO_ISOLATION: Isolation = { sandbox: false, user: null, agentUser: "", binds: [] };

export class NodeRun {
  readonly label: string;
  readonly runDir: string;
  readonly filesDir: string;
  readonly checkpointsDir: string;
  readonly outputsDir: string;
  private readonly dir: RunDir;
  private readonly isolation: Isolation;
  phase: Phase = "preparing";
  /** Resolves with what was reported as `ended`, or null when the lease was lost or the agent gave the node up. */
  readonly done: Promise<NodeOutcome | null>;

  private stopReason: "cancelled" | "timed_out" | null = null;
  private endAcknowledged = false;
  private stopping: Promise<unknown> | null = null;
  private gone = false;
  /** Aborts everything this node does with the server: lost lease, or the agent shutting down. */
  private readonly abort = new AbortController();
  /** Aborts fetching the snapshot when the node is cancelled before it started. */
  private readonly prepAbort = new AbortController();
  private group: JobProcess | null = null;
  private sender: LogSender | null = null;
  private spool: LogSpool | null = null;
  private readonly datasets: JobDatasets;
  /** Why a dataset streamed while the job ran could not be fetched; the job is stopped and fails with it. */
  private datasetFailure: string | null = null;

  constructor(
    private readonly deps: NodeRunDeps,
    readonly assignment: TAssignment,
    /** A reason to refuse the node without running it (the agent's own capacity check failed). */
    refuse: string | null = null,
  ) {
    const a = assignment;
    this.label = `${a.jobId}-a${a.attemptNumber}-n${a.nodeRank}`;
    this.isolation = deps.isolation ?? NO_ISOLATION;
    this.dir = new RunDir(RunDir.pathFor(deps.runsDir, this.label), this.isolation.user);
    this.runDir = this.dir.root;
    this.filesDir = this.dir.part("files");
    this.checkpointsDir = this.dir.part("checkpoints");
    this.outputsDir = this.dir.part("outputs");
    const datasetCache = deps.datasetCache ?? new DatasetCache(path.join(deps.runsDir, "..", "cache"), null, deps.client.baseUrl);
    this.datasets = new JobDatasets({ client: deps.client, datasetCache, progress: deps.progress }, assignment, this.runDir, this.label, (line) => this.note(line));
    // Never rejects: the agent's loops must outlive any one node's surprise.
    this.done = this.run(refuse).catch((e) => {
      deps.progress("error", { node: this.label, what: "run the node", error: describeError(e) });
      this.phase = "done";
      return null;
    });
  }

  /** Whether heartbeats should still carry this node's lease: until `ended` is acknowledged. */
  get holdsLease(): boolean {
    return !this.gone && this.phase !== "done";
  }

  /** `cancel` from a heartbeat: the same signals as max runtime; ignored once the process is gone. */
  cancel(): void {
    this.requestStop("cancelled");
  }

  /** `lost` from a heartbeat or a 409: the lease is someone else's now. */
  markLost(why: string): void {
    // Once `ended` is acknowledged the server lists the node as not running, so a heartbeat
    // answer that crossed the report says `lost`: that is the end we reported, not a loss.
    if (this.gone || this.endAcknowledged) return;
    this.gone = true;
    this.deps.progress("job.lost", { node: this.label, why });
    // SIGKILL straight away, no grace: whatever the job writes now is kept by nobody, and the
    // server may already have handed its GPUs to the next job.
    this.group?.signal("SIGKILL");
    this.abort.abort(new Error("lease lost"));
    this.prepAbort.abort();
    this.sender?.stop();
  }

  /** The agent is shutting down: stop the job (SIGTERM, grace, SIGKILL) and report nothing; the lease will expire. */
  async abandon(): Promise<void> {
    if (!this.gone) {
      this.gone = true;
      this.abort.abort(new Error("agent shutting down"));
      this.prepAbort.abort();
      this.sender?.stop();
      if (this.group) {
        this.stopping ??= this.group.stop(this.assignment.graceSeconds * 1000);
        await this.stopping;
      }
    }
    // A node given up when its lease lapsed may still be sending its last lines: no longer.
    this.sender?.stop();
    await this.done;
  }

  private note(line: string): void {
    this.spool?.append(`[benchtop agent] ${line}`);
  }

  private requestStop(reason: "cancelled" | "timed_out"): void {
    if (this.stopReason || this.gone || (this.phase !== "preparing" && this.phase !== "running")) return;
    this.stopReason = reason;
    if (!this.group) {
      this.prepAbort.abort();
      return;
    }
    const grace = this.assignment.graceSeconds;
    this.note(
      `${reason === "timed_out" ? `max runtime of ${this.assignment.maxRuntimeSeconds} s reached` : "cancelled"}: ` +
        `SIGTERM to the job's processes, SIGKILL after ${grace} s`,
    );
    this.stopping = this.group.stop(grace * 1000);
  }

  private async run(refuse: string | null): Promise<NodeOutcome | null> {
    const { progress } = this.deps;
    const a = this.assignment;
    let outcome: NodeOutcome;
    try {
      await this.dir.create();
      await this.writeRecord(null);
      this.spool = await LogSpool.create(path.join(this.runDir, "logs.jsonl"));
      this.sender = new LogSender(this.spool, this.deps.client, a.nodeId, a.fencingToken, {
        progress,
        label: this.label,
        onLeaseLost: () => this.markLost("the server refused a log report (lease_lost)"),
      });
      const failure = refuse === null ? await this.prepare() : null;
      outcome =
        refuse !== null
          ? { outcome: "refused", exitCode: null, signal: null, message: refuse }
          : failure === null
            ? await this.execute()
            : { outcome: "failed_to_start", exitCode: null, signal: null, message: failure };
    } catch (e) {
      // The agent's own disk failing (full, read-only): the job cannot start here.
      outcome = { outcome: "failed_to_start", exitCode: null, signal: null, message: `the agent could not set up the run: ${describeError(e)}` };
    }
    // The watchdog stopped the job because no heartbeat was answered for the lease timeout: the
    // server takes (or took) the lease back and resumes the job; its end here is not the user's.
    if (!this.gone && (await fs.access(path.join(this.runDir, LAPSED_FILE)).then(() => true, () => false))) {
      this.gone = true;
      this.deps.progress("job.lost", { node: this.label, why: "no heartbeat was answered for the lease timeout; the lease watchdog stopped it" });
      this.abort.abort(new Error("lease lost"));
      // Its last lines still go to the server while it takes them (until it sweeps the lease and
      // answers 409), for a while: the attempt's log should say what it printed before the stop.
      if (this.sender) await Promise.race([this.sender.flush(), new Promise((r) => setTimeout(r, LAPSED_FLUSH_MS).unref())]);
      this.sender?.stop();
    }
    const ran = outcome.outcome !== "failed_to_start" && outcome.outcome !== "refused";
    if (this.stopReason === "cancelled" && !ran) {
      outcome = { outcome: "cancelled", exitCode: null, signal: null, message: "cancelled before it started" };
    }
    if (this.gone) {
      await this.spool?.close();
      // A lost node's files are of no use to anyone; an abandoned one keeps its log spool for the next agent start.
      if (this.abort.signal.reason?.message === "lease lost") await this.dir.remove();
      else await this.dir.removeJobParts(["files", "home", "tmp"]);
      await this.datasets.remove().catch(() => undefined);
      this.phase = "done";
      return null;
    }
    this.phase = "finishing";
    const reported = await finishNode({
      ...this.deps,
      assignment: a,
      label: this.label,
      run: this.dir,
      checkpoints: a.nodeRank === 0 && ran ? this.saver : null,
      outputsDir: ran ? this.jobDir(this.outputsDir) : null,
      sender: this.sender!,
      outcome,
      signal: this.abort.signal,
      onLeaseLost: (why) => this.markLost(why),
      onEndAcknowledged: () => (this.endAcknowledged = true),
    });
    await this.datasets.remove().catch(() => undefined);
    this.phase = "done";
    return reported ? outcome : null;
  }

  /** A folder the job writes, and whose files count there (with a job user, only its own). */
  private jobDir(dir: string): JobDir {
    return { dir, owner: this.isolation.user ? { uid: this.isolation.user.uid } : null };
  }

  private saverInstance: CheckpointSaver | null = null;
  private get saver(): CheckpointSaver {
    this.saverInstance ??= new CheckpointSaver(this.jobDir(this.checkpointsDir), this.deps.client, this.assignment.nodeId, this.assignment.fencingToken);
    return this.saverInstance;
  }

  /** Puts the snapshot and the last checkpoint in place; returns why it could not, or null. */
  private async prepare(): Promise<string | null> {
    const { client, cache, progress } = this.deps;
    const a = this.assignment;
    if (a.nodes > 1 && (!a.masterAddr || a.masterPort === null)) return "the server sent no MASTER_ADDR and MASTER_PORT for this multi-node job";
    const signal = AbortSignal.any([this.abort.signal, this.prepAbort.signal]);
    let step = "fetch the snapshot";
    try {
      const snapshot = await retryUntilDone(() => client.snapshotManifest(a.snapshotId, signal), { what: `fetch snapshot for ${this.label}`, signal, progress });
      await retryUntilDone(() => materialiseManifest(snapshot, this.filesDir, cache, { signal }), { what: `fetch snapshot files for ${this.label}`, signal, progress });
      if (a.checkpointId) {
        step = `restore checkpoint ${a.checkpointId}`;
        const checkpoint = await retryUntilDone(() => client.checkpointManifest(a.checkpointId!, signal), { what: `fetch checkpoint for ${this.label}`, signal, progress });
        await retryUntilDone(() => materialiseManifest(checkpoint, this.checkpointsDir, cache, { signal }), { what: `fetch checkpoint files for ${this.label}`, signal, progress });
        if (a.nodeRank === 0) await this.saver.markCurrentAsSaved(checkpoint.files);
        progress("checkpoint.restored", { node: this.label, checkpoint: a.checkpointId, files: checkpoint.files.length });
      }
      step = "fetch the datasets";
      const failure = await this.datasets.prepare(signal);
      // Only now, with everything the agent writes in place, is the tree the job's.
      step = "hand the files to the job user";
      await this.dir.handOver();
      return failure;
    } catch (e) {
      if (e instanceof LeaseLostError) this.markLost("the server refused a report (lease_lost)");
      if (signal.aborted) return "stopped before it started";
      return `could not ${step}: ${describeError(e)}`;
    }
  }

  private async execute(): Promise<NodeOutcome> {
    const { progress } = this.deps;
    const a = this.assignment;
    if (this.stopReason || this.gone) return { outcome: "failed_to_start", exitCode: null, signal: null, message: "stopped before it started" };
    // One splitter per stream: a line is whole within its stream, and each stream keeps its order.
    const stdout = new LineSplitter((line) => this.spool!.append(line));
    const stderr = new LineSplitter((line) => this.spool!.append(line));
    try {
      this.group = await launchJob({
        assignment: a,
        run: this.dir,
        isolation: this.isolation,
        host: this.deps.host,
        agentPythonDir: this.deps.agentPythonDir,
        gpuDevices: this.deps.gpuDevices ?? (() => []),
        datasetEnv: (seenAt) => this.datasets.env(seenAt),
        hasDatasets: this.datasets.any,
        onStdout: (chunk) => stdout.push(chunk),
        onStderr: (chunk) => stderr.push(chunk),
      });
    } catch (e) {
      const what = this.isolation.sandbox ? "could not start the job in its sandbox" : "could not start bash";
      return { outcome: "failed_to_start", exitCode: null, signal: null, message: `${what}: ${describeError(e)}` };
    }
    const group = this.group;
    this.phase = "running";
    this.datasets.startStreams(
      this.abort.signal,
      (sentence) => {
        if (this.stopReason || this.datasetFailure) return;
        this.datasetFailure = sentence;
        this.note(`stopping the job: SIGTERM to its processes, SIGKILL after ${a.graceSeconds} s`);
        this.stopping ??= group.stop(a.graceSeconds * 1000);
      },
      () => this.markLost("the server refused a dataset listing (lease_lost)"),
    );
    await this.writeRecord(group).catch(() => undefined);
    this.deps.watchdog?.watch({
      nodeId: a.nodeId,
      jobId: a.jobId,
      runDir: this.runDir,
      graceMs: a.graceSeconds * 1000,
      ...(group instanceof SandboxedJob ? { sandbox: { initPid: group.initPid, pidNamespace: group.pidNamespace } } : { pgid: group.pid }),
    });
    progress("job.started", { node: this.label, job: a.jobName, pid: group.pid, gpus: a.gpuIndices.join(",") || "none" });
    const startedReport = retryUntilDone(() => this.deps.client.started(a.nodeId, a.fencingToken, this.abort.signal), {
      what: `report ${this.label} started`,
      signal: this.abort.signal,
      progress,
    }).catch((e) => {
      if (e instanceof LeaseLostError) this.markLost("the server refused the start report (lease_lost)");
      else if (!this.abort.signal.aborted) progress("error", { node: this.label, what: "report started", error: describeError(e) });
    });

    const maxRuntime = setLongTimeout(() => this.requestStop("timed_out"), a.maxRuntimeSeconds * 1000);
    const checkpointTimer = a.nodeRank === 0 ? setInterval(() => void this.checkpointTick(), this.deps.checkpointIntervalMs ?? 30_000) : null;

    const exit = await group.exited;
    maxRuntime.clear();
    if (checkpointTimer) clearInterval(checkpointTimer);
    // Processes the job left behind (a dataloader worker, a server it forked) hold its GPUs as
    // surely as the job did: they get the same SIGTERM, grace, SIGKILL.
    await (this.stopping ?? group.stop(a.graceSeconds * 1000));
    this.deps.watchdog?.release(a.nodeId);
    // With the group gone the pipes close; a process that escaped the group (setsid) could hold
    // them open forever, so the wait for the last lines is bounded.
    await Promise.race([group.outputClosed, new Promise((r) => setTimeout(r, 5_000).unref())]);
    group.closeOutput();
    stdout.end();
    stderr.end();
    await startedReport;
    await this.datasets.stop();
    if (this.datasetFailure && !this.stopReason) return { outcome: "failed", exitCode: exit.exitCode, signal: exit.signal, message: this.datasetFailure };
    return { outcome: this.stopReason ?? "exited", exitCode: exit.exitCode, signal: exit.signal, message: "" };
  }

  private checkpointBusy = false;

  private async checkpointTick(): Promise<void> {
    if (this.checkpointBusy || this.gone) return;
    this.checkpointBusy = true;
    try {
      const result = await this.saver.saveIfChanged(this.abort.signal);
      if (result.saved) this.deps.progress("checkpoint.saved", { node: this.label, checkpoint: result.checkpointId, files: result.files, bytes: result.bytes });
    } catch (e) {
      if (e instanceof LeaseLostError) this.markLost("the server refused a checkpoint (lease_lost)");
      // Otherwise the next tick tries again; the server being away is no reason to stop the job.
      else if (!this.abort.signal.aborted) this.deps.progress("checkpoint.skipped", { node: this.label, error: describeError(e) });
    } finally {
      this.checkpointBusy = false;
    }
  }

  private writeRecord(group: JobProcess | null): Promise<void> {
    return writeNodeRecord(this.runDir, this.assignment, group, this.isolation.user);
  }
}
