// A lab on a simulated clock for scheduler tests: agents, a queue, attempts that end when their
// runtime is up. Each `pass` calls the real `schedule` with what a DB layer would load, checks
// that no GPU or CPU slot is handed out twice, and applies the placements. No database: the
// scheduler is pure, so this harness is the whole of its world.

import { expect } from "vitest";
import {
  decayUsage,
  schedule,
  type Placement,
  type RunningAttempt,
  type SchedAgent,
  type SchedJob,
  type SchedulerConfig,
  type SchedulerOutput,
  type UsageRecord,
} from "../../server/queue/scheduler";

export const MIN = 60_000;
export const HOUR = 60 * MIN;

let serial = 0;

export function agent(over: Partial<SchedAgent> & { gpuCount?: number } = {}): SchedAgent {
  const { gpuCount = 8, ...rest } = over;
  const gpus = rest.gpus ?? Array.from({ length: gpuCount }, (_, i) => i);
  const id = rest.id ?? `agent-${String(++serial).padStart(4, "0")}`;
  return {
    id,
    name: rest.name ?? id,
    poolId: "lab",
    gpuType: gpus.length > 0 ? "A100" : null,
    gpus,
    freeGpus: [...gpus],
    cpuSlots: 0,
    freeCpuSlots: rest.cpuSlots ?? 0,
    schedulable: true,
    ...rest,
  };
}

export function job(over: Partial<SchedJob> = {}): SchedJob {
  const id = over.id ?? `job-${String(++serial).padStart(4, "0")}`;
  return {
    id,
    userId: over.userId ?? over.userName ?? "ana",
    userName: over.userName ?? over.userId ?? "ana",
    projectId: over.projectId ?? over.projectName ?? "vision",
    projectName: over.projectName ?? over.projectId ?? "vision",
    priority: "normal",
    submittedAt: 0,
    nodes: 1,
    gpusPerNode: 1,
    gpuType: null,
    maxRuntimeMs: HOUR,
    ...over,
  };
}

type Run = { attempt: RunningAttempt; job: SchedJob; startedAt: number; endsAt: number; placement: Placement };

export class SimulatedLab {
  now = 0;
  readonly agents = new Map<string, SchedAgent>();
  readonly queued = new Map<string, SchedJob>();
  readonly running = new Map<string, Run>();
  readonly started = new Map<string, { at: number; placement: Placement }>();
  /** How long each job really runs; its max runtime when not given. */
  readonly runtimes = new Map<string, number>();
  readonly outputs: SchedulerOutput[] = [];
  private readonly usageRecords = { users: new Map<string, UsageRecord[]>(), projects: new Map<string, UsageRecord[]>() };

  constructor(
    agents: SchedAgent[],
    readonly config: Partial<SchedulerConfig> = {},
    /** Accrue usage from finished attempts (fair share moves as work runs). */
    readonly accrueUsage = true,
  ) {
    for (const a of agents) this.agents.set(a.id, structuredClone(a));
  }

  submit(j: SchedJob, runtimeMs?: number): SchedJob {
    this.queued.set(j.id, j);
    if (runtimeMs !== undefined) this.runtimes.set(j.id, runtimeMs);
    return j;
  }

  /**
   * An attempt already running when the test's clock starts: `gpuIndices` of `agentId` until
   * `endsAt` (its max runtime and its real runtime).
   */
  occupy(agentId: string, gpuIndices: number[], endsAt: number, who: Partial<SchedJob> = {}): void {
    const j = job({ userId: "bob", gpusPerNode: gpuIndices.length, maxRuntimeMs: endsAt - this.now, ...who });
    this.queued.set(j.id, j);
    this.start({ jobId: j.id, nodes: [{ agentId, gpuIndices, cpuSlot: gpuIndices.length === 0, nodeRank: 0 }] });
  }

  /** Records usage as if it had happened `at` (for a user, and for a project). */
  addUsage(userId: string, projectId: string, gpuSeconds: number, at = this.now): void {
    push(this.usageRecords.users, userId, { gpuSeconds, at });
    push(this.usageRecords.projects, projectId, { gpuSeconds, at });
  }

  usage(): { users: Record<string, number>; projects: Record<string, number> } {
    const halfLife = this.config.usageHalfLifeMs ?? 7 * 24 * HOUR;
    const decay = (m: Map<string, UsageRecord[]>) =>
      Object.fromEntries([...m].map(([id, records]) => [id, decayUsage(records, this.now, halfLife)]));
    return { users: decay(this.usageRecords.users), projects: decay(this.usageRecords.projects) };
  }

  /** One scheduling pass at `now`: checks the output and starts what it placed. */
  pass(): SchedulerOutput {
    const input = {
      now: this.now,
      queued: [...this.queued.values()],
      agents: [...this.agents.values()].map((a) => structuredClone(a)),
      running: [...this.running.values()].map((r) => structuredClone(r.attempt)),
      usage: this.usage(),
      config: this.config,
    };
    const out = schedule(input);
    expectNoDoubleBooking(input.agents, input.running, out.placements);
    for (const p of out.placements) this.start(p);
    this.outputs.push(out);
    return out;
  }

  /** Runs passes, ending attempts at their runtime, until nothing runs or `until` is reached. */
  runUntil(until = Infinity): void {
    for (let guard = 0; guard < 10_000; guard++) {
      this.pass();
      const next = Math.min(...[...this.running.values()].map((r) => r.endsAt));
      if (next === Infinity || next > until) return;
      this.advanceTo(next);
    }
    throw new Error("the simulation did not settle");
  }

  /** Moves the clock, ending every attempt whose runtime is up by then. */
  advanceTo(t: number): void {
    this.now = t;
    for (const [id, run] of [...this.running]) {
      if (run.endsAt > t) continue;
      this.running.delete(id);
      for (const node of run.placement.nodes) {
        const a = this.agents.get(node.agentId)!;
        a.freeGpus = [...a.freeGpus, ...node.gpuIndices].sort((x, y) => x - y);
        if (node.cpuSlot) a.freeCpuSlots++;
      }
      const gpuSeconds = ((run.endsAt - run.startedAt) / 1000) * run.job.gpusPerNode * run.job.nodes;
      if (this.accrueUsage && gpuSeconds > 0) this.addUsage(run.job.userId, run.job.projectId, gpuSeconds, run.endsAt);
    }
  }

  startOf(jobId: string): number {
    const s = this.started.get(jobId);
    if (!s) throw new Error(`${jobId} never started`);
    return s.at;
  }

  private start(p: Placement): void {
    const j = this.queued.get(p.jobId)!;
    this.queued.delete(p.jobId);
    for (const node of p.nodes) {
      const a = this.agents.get(node.agentId)!;
      a.freeGpus = a.freeGpus.filter((i) => !node.gpuIndices.includes(i));
      if (node.cpuSlot) a.freeCpuSlots--;
    }
    const runtime = Math.min(this.runtimes.get(j.id) ?? j.maxRuntimeMs, j.maxRuntimeMs);
    this.running.set(j.id, {
      job: j,
      startedAt: this.now,
      endsAt: this.now + runtime,
      placement: p,
      attempt: {
        jobId: j.id,
        userId: j.userId,
        projectId: j.projectId,
        nodes: p.nodes.map((n) => ({ agentId: n.agentId, gpuIndices: n.gpuIndices, cpuSlot: n.cpuSlot })),
        expectedEndAt: this.now + j.maxRuntimeMs,
      },
    });
    this.started.set(j.id, { at: this.now, placement: p });
  }
}

/**
 * Placements take only free units of schedulable agents, never one twice, and never one a
 * running attempt holds; each placement is a whole gang on distinct agents with ranks 0..n-1.
 */
export function expectNoDoubleBooking(agents: SchedAgent[], running: RunningAttempt[], placements: Placement[]): void {
  const byId = new Map(agents.map((a) => [a.id, a]));
  const taken = new Set<string>();
  const cpuUsed = new Map<string, number>();
  for (const r of running) for (const n of r.nodes) for (const i of n.gpuIndices) taken.add(`${n.agentId}/${i}`);
  for (const p of placements) {
    expect(new Set(p.nodes.map((n) => n.agentId)).size, `${p.jobId} uses distinct agents`).toBe(p.nodes.length);
    expect(p.nodes.map((n) => n.nodeRank)).toEqual(p.nodes.map((_, i) => i));
    for (const n of p.nodes) {
      const a = byId.get(n.agentId);
      expect(a?.schedulable, `${p.jobId} placed on a schedulable agent`).toBe(true);
      for (const i of n.gpuIndices) {
        expect(a!.freeGpus, `${p.jobId} takes free GPU ${n.agentId}/${i}`).toContain(i);
        expect(taken.has(`${n.agentId}/${i}`), `GPU ${n.agentId}/${i} given twice`).toBe(false);
        taken.add(`${n.agentId}/${i}`);
      }
      if (n.cpuSlot) cpuUsed.set(n.agentId, (cpuUsed.get(n.agentId) ?? 0) + 1);
    }
  }
  for (const [id, used] of cpuUsed) expect(used).toBeLessThanOrEqual(byId.get(id)!.freeCpuSlots);
}

function push<T>(m: Map<string, T[]>, key: string, value: T): void {
  const list = m.get(key) ?? [];
  list.push(value);
  m.set(key, list);
}
