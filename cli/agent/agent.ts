// `benchtop agent`: registers this machine, then runs three loops until stopped: heartbeats
// (leases of every node it holds, GPU stats; acting on cancel, lost, draining), the long poll for
// assignments (only with free capacity and not draining), and per node a log sender (log-sender.ts).
// The server may restart at any moment: every loop keeps going with backoff and jobs keep running.
import fs from "node:fs/promises";
import path from "node:path";
import type { TAssignment } from "../../contract/agent-protocol";
import { CLI_VERSION } from "../package-info";
import { backoffDelay, sleep } from "./backoff";
import { BlobCache } from "./blob-cache";
import { DatasetCache } from "./dataset-cache";
import { Capacity } from "./capacity";
import { AgentApiError, AgentClient } from "./client";
import { GpuDeviceError, gpuDeviceNodes } from "./gpu-devices";
import { detectGpus, type GpuInventory, type NvidiaSmi } from "./gpus";
import { isolationReport, probeSandbox } from "./isolation";
import { AGENT_PYTHON_DIR } from "./job-env";
import { LeaseWatchdog, monotonicMs } from "./lease-watchdog";
import { recoverLeftovers } from "./leftovers";
import type { AgentSettings } from "./options";
import type { Progress } from "./progress";
import { describeError } from "./retry";
import { NodeRun } from "./run-node";

export const AGENT_VERSION: string = CLI_VERSION;

/** An error the agent cannot retry its way out of (a refused token, say): it stops with this sentence. */
export class AgentFatalError extends Error {
  override name = "AgentFatalError";
}

export type AgentTuning = {
  nvidiaSmi?: NvidiaSmi;
  /** How long one long poll may be held by the server. */
  pollWaitMs?: number;
  checkpointIntervalMs?: number;
};

export class Agent {
  private readonly client: AgentClient;
  private readonly runs = new Map<string, NodeRun>();
  private readonly abort = new AbortController();
  private capacity: Capacity | null = null;
  private inventory: GpuInventory | null = null;
  private draining = false;
  private tookWork = false;
  private wakePoll: (() => void) | null = null;
  private stopping: Promise<void> | null = null;
  /** Stops the jobs when the leases lapse, even with this process frozen or dead (lease-watchdog.ts). */
  private watchdog: LeaseWatchdog | null = null;
  private finished!: () => void;
  private readonly finishedPromise = new Promise<void>((resolve) => (this.finished = resolve));

  constructor(
    private readonly settings: AgentSettings,
    private readonly progress: Progress,
    private readonly tuning: AgentTuning = {},
  ) {
    this.client = new AgentClient(settings.server, settings.token);
  }

  /** Runs until stop() (or, with --once, until the first assignments have ended). */
  async run(): Promise<void> {
    const { settings, progress } = this;
    const runsDir = path.join(settings.workDir, "runs");
    const cacheDir = path.join(settings.workDir, "cache");
    await fs.mkdir(runsDir, { recursive: true, mode: 0o700 });
    await fs.mkdir(cacheDir, { recursive: true, mode: 0o700 });
    // A job user must pass through the work dir to its run's folder (to be bound), never list it;
    // the caches and everything else stay the agent's alone.
    const iso = settings.isolation;
    for (const dir of [settings.workDir, runsDir]) await fs.chmod(dir, iso.user ? 0o711 : 0o700);
    await fs.chmod(cacheDir, 0o700);
    const refusal = probeSandbox(iso, { runsDir, pythonDir: AGENT_PYTHON_DIR });
    if (refusal) throw new AgentFatalError(refusal);
    progress("agent.isolation", iso.sandbox ? { sandbox: "bwrap", jobUser: iso.user?.name ?? `${iso.agentUser} (no separate user)`, binds: iso.binds.join(",") || undefined } : { sandbox: "none", jobUser: iso.agentUser });
    if (!iso.sandbox) {
      process.stderr.write(
        `benchtop agent: WARNING: --no-isolation: jobs run as ${iso.agentUser} without a sandbox; any job can read this agent's token and files, ` +
          "other jobs' files and other processes' environments. Use it only on a machine that runs nobody else's work.\n",
      );
    }
    const cache = new BlobCache(cacheDir, this.client);
    const datasetCache = new DatasetCache(cacheDir, settings.datasetCacheBytes, this.client.baseUrl);

    const inventory = await detectGpus({ simulate: settings.simulate ?? undefined, nvidiaSmi: this.tuning.nvidiaSmi });
    if (settings.onlyGpus) {
      const missing = settings.onlyGpus.filter((i) => !inventory.gpus.some((g) => g.index === i));
      if (missing.length) throw new AgentFatalError(`--gpus names GPU ${missing.join(", ")}, which nvidia-smi does not list${inventory.note ? ` (${inventory.note})` : ""}.`);
      inventory.gpus = inventory.gpus.filter((g) => settings.onlyGpus!.includes(g.index));
    }
    this.inventory = inventory;
    // Each real GPU's device nodes, found now: a sandboxed job given a GPU whose node is unknown
    // would simply see no GPU, so an agent that cannot tell refuses to start.
    const busIds = new Map(inventory.gpus.map((g) => [g.index, g.pciBusId ?? null]));
    const gpuDevices = (indices: number[]) =>
      inventory.simulated || !iso.sandbox ? [] : gpuDeviceNodes(indices.map((index) => ({ index, pciBusId: busIds.get(index) ?? "" })));
    try {
      gpuDevices(inventory.gpus.map((g) => g.index));
    } catch (e) {
      if (!(e instanceof GpuDeviceError)) throw e;
      throw new AgentFatalError(`Jobs cannot be given their GPUs in the sandbox: ${e.message}; pass --no-isolation to run jobs without a sandbox.`);
    }
    // A machine without real GPUs (simulated ones included) offers one CPU slot unless told otherwise.
    const cpuSlots = settings.cpuSlots ?? (inventory.gpus.length > 0 && !inventory.simulated ? 0 : 1);
    this.capacity = new Capacity(inventory.gpus.map((g) => g.index), cpuSlots);
    progress("agent.gpus", {
      gpus: inventory.gpus.length,
      model: inventory.gpus[0]?.model,
      simulated: inventory.simulated,
      cpuSlots,
      note: inventory.gpus.length === 0 ? (inventory.note ?? "none") : undefined,
    });

    const deliverLeftovers = await recoverLeftovers({ runsDir, client: this.client, progress, signal: this.abort.signal });
    const registration = await this.register(cpuSlots);
    if (!registration) return;
    void deliverLeftovers().catch((e) => progress("error", { what: "deliver leftovers", error: describeError(e) }));

    // The jobs stop one heartbeat interval before the server could take their leases back.
    this.watchdog = new LeaseWatchdog(registration.leaseTimeoutMs - registration.heartbeatIntervalMs, progress);
    const deps = {
      watchdog: this.watchdog,
      client: this.client,
      cache,
      datasetCache,
      runsDir,
      host: settings.host,
      agentPythonDir: AGENT_PYTHON_DIR,
      progress,
      checkpointIntervalMs: this.tuning.checkpointIntervalMs,
      isolation: iso,
      gpuDevices,
    };
    // One heartbeat before the first poll, so an agent started while drained never claims.
    await this.heartbeat();
    void this.heartbeatLoop(registration.heartbeatIntervalMs);
    void this.pollLoop(deps);
    await this.finishedPromise;
    this.watchdog.close();
  }

  /** Stops claiming, stops every running job (SIGTERM, grace, SIGKILL) without reporting, and ends run(). A second call SIGKILLs at once. */
  stop(reason = "asked to stop"): Promise<void> {
    if (this.stopping) return this.stopping;
    this.abort.abort(new Error(reason));
    this.wakePoll?.();
    this.stopping = (async () => {
      if (this.runs.size > 0) this.progress("agent.stopping", { reason, jobs: this.runs.size });
      await Promise.all([...this.runs.values()].map((run) => run.abandon()));
      this.progress("agent.stopped", { reason });
      this.finished();
    })();
    return this.stopping;
  }

  /** Every node still running, for a last SIGKILL when the person at the terminal insists. */
  killAllNow(): void {
    for (const run of this.runs.values()) run.markLost("the agent was told to stop at once");
  }

  private async register(cpuSlots: number) {
    const { settings, progress } = this;
    const inventory = this.inventory!;
    const body = {
      hostname: settings.hostname.slice(0, 255),
      address: settings.address,
      gpus: inventory.gpus.map(({ index, model, memoryMb }) => ({ index, model, memoryMb })),
      simulated: inventory.simulated,
      cpuSlots,
      version: AGENT_VERSION,
      isolation: isolationReport(settings.isolation),
    };
    for (let attempt = 0; !this.abort.signal.aborted; attempt++) {
      try {
        const answer = await this.client.register(body, this.abort.signal);
        if (settings.name && answer.name !== settings.name) {
          throw new AgentFatalError(`This token belongs to the agent "${answer.name}", not "${settings.name}". Use the token made for ${settings.name}, or drop --name.`);
        }
        progress("agent.registered", { name: answer.name, pool: answer.pool, server: settings.server, heartbeatMs: answer.heartbeatIntervalMs, address: settings.address });
        return answer;
      } catch (e) {
        if (this.abort.signal.aborted) return null;
        if (e instanceof AgentApiError && e.status === 401) {
          throw new AgentFatalError(`${settings.server} refused the agent token (401). Ask an admin for this agent's token (it starts with bt_agent_).`);
        }
        if (!(e instanceof AgentApiError) || !e.retryable) throw e instanceof AgentApiError ? new AgentFatalError(`Registration was refused: ${e.message}`) : e;
        const waitMs = backoffDelay(attempt, { baseMs: 1000, capMs: 30_000 });
        progress("register.retrying", { server: settings.server, error: e.message, retryInS: Math.ceil(waitMs / 1000) });
        await sleep(waitMs, this.abort.signal).catch(() => undefined);
      }
    }
    return null;
  }

  private heartbeatFailures = 0;

  private heartbeatInFlight: Promise<void> | null = null;

  /** One heartbeat at a time: an extra one asked for while one is in flight joins it. */
  private heartbeat(): Promise<void> {
    this.heartbeatInFlight ??= this.beat().finally(() => (this.heartbeatInFlight = null));
    return this.heartbeatInFlight;
  }

  private async beat(): Promise<void> {
    const signal = this.abort.signal;
    try {
      const gpuStats = await this.inventory!.stats();
      const nodes = [...this.runs.values()]
        .filter((r) => r.holdsLease)
        .map((r) => ({ nodeId: r.assignment.nodeId, fencingToken: r.assignment.fencingToken, ...(r.phase === "finishing" ? { exited: true } : {}) }));
      const sentAt = monotonicMs();
      const answer = await this.client.heartbeat({ gpuStats, nodes }, signal);
      this.watchdog?.renewed(sentAt);
      if (this.heartbeatFailures > 0) this.progress("server.back", { afterFailedHeartbeats: this.heartbeatFailures });
      this.heartbeatFailures = 0;
      for (const nodeId of answer.cancel) this.runs.get(nodeId)?.cancel();
      for (const nodeId of answer.lost) this.runs.get(nodeId)?.markLost("the server took the lease back");
      if (answer.draining !== this.draining) {
        this.draining = answer.draining;
        this.progress(answer.draining ? "agent.draining" : "agent.undrained", { running: this.runs.size });
        this.wakePoll?.();
      }
    } catch (e) {
      if (signal.aborted) return;
      // One line when the server goes away, then one every 20 failures: jobs keep running.
      if (this.heartbeatFailures % 20 === 0) {
        this.progress("server.unreachable", { error: describeError(e), running: this.runs.size, note: "jobs keep running; retrying" });
      }
      this.heartbeatFailures++;
    }
  }

  private async heartbeatLoop(intervalMs: number): Promise<void> {
    const signal = this.abort.signal;
    // Beats every intervalMs from the start of the last one, so a slow answer does not stretch the rhythm.
    let last = Date.now();
    while (!signal.aborted) {
      await sleep(Math.max(0, intervalMs - (Date.now() - last)), signal).catch(() => undefined);
      if (signal.aborted) break;
      last = Date.now();
      await this.heartbeat();
    }
  }

  private async pollLoop(deps: ConstructorParameters<typeof NodeRun>[0]): Promise<void> {
    let failures = 0;
    const signal = this.abort.signal;
    while (!signal.aborted) {
      if (this.draining || !this.capacity!.hasFree() || (this.settings.once && this.tookWork)) {
        await new Promise<void>((resolve) => (this.wakePoll = resolve));
        this.wakePoll = null;
        continue;
      }
      try {
        const waitMs = this.tuning.pollWaitMs ?? 25_000;
        const began = Date.now();
        const { assignments } = await this.client.assignments(waitMs, signal);
        failures = 0;
        for (const assignment of assignments) await this.accept(assignment, deps);
        // The server also wakes a long poll when a job of ours is cancelled: an early empty
        // answer means "heartbeat now", so a cancel takes effect at once, not a beat later.
        if (assignments.length === 0 && Date.now() - began < waitMs - 1000) {
          void this.heartbeat();
          // And a server that answers every poll at once (being drained, say) must not make this loop spin.
          await sleep(Math.max(0, 1000 - (Date.now() - began)), signal).catch(() => undefined);
        }
      } catch (e) {
        if (signal.aborted) break;
        // Unreachability is already reported by the heartbeat loop; a refusal is worth a line.
        if (!(e instanceof AgentApiError && e.retryable)) this.progress("poll.failed", { error: describeError(e) });
        await sleep(backoffDelay(failures++, { capMs: 15_000 }), signal).catch(() => undefined);
      }
    }
  }

  private async accept(assignment: TAssignment, deps: ConstructorParameters<typeof NodeRun>[0]): Promise<void> {
    if (this.runs.has(assignment.nodeId)) return;
    this.tookWork = true;
    let refusal = this.capacity!.claim(assignment.nodeId, assignment.gpuIndices);
    // A node of ours that is finishing (its process gone, its end reported: the server frees its
    // GPUs as soon as it has `ended`, before our answer arrives and before the clean-up), or whose
    // lease was just taken back and may still be dying on these GPUs, releases them in a moment:
    // wait for it rather than refuse the next job over our own bookkeeping.
    const releasingSoon = () => [...this.runs.values()].some((r) => !r.holdsLease || r.phase === "finishing");
    for (let i = 0; refusal !== null && i < 300 && releasingSoon(); i++) {
      await sleep(100);
      refusal = this.capacity!.claim(assignment.nodeId, assignment.gpuIndices);
    }
    const run = new NodeRun(deps, assignment, refusal);
    this.runs.set(assignment.nodeId, run);
    this.progress("job.assigned", {
      node: run.label,
      job: assignment.jobName,
      project: assignment.projectSlug,
      rank: assignment.nodes > 1 ? `${assignment.nodeRank}/${assignment.nodes}` : undefined,
      gpus: assignment.gpuIndices.join(",") || "none",
    });
    void run.done.finally(() => {
      if (refusal === null) this.capacity!.release(assignment.nodeId);
      this.runs.delete(assignment.nodeId);
      this.wakePoll?.();
      if (this.settings.once && this.runs.size === 0) void this.stop("--once: the assignment ended");
    });
  }
}
