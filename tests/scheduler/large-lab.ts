// The benchmark's lab, also checked for correctness by a test: 250 agents of 8 GPUs (four
// models, two pools, a few draining or offline), about three quarters of the GPUs busy with
// running attempts, and 10,000 queued jobs of a realistic mix: mostly 1-2 GPUs, some 4 or 8, a
// few multi-node, a few CPU-only, a few that can never fit. Fixed seed: same lab every run.

import type { Priority, RunningAttempt, SchedAgent, SchedJob, SchedulerInput } from "../../server/queue/scheduler";

/** mulberry32: a tiny seeded PRNG, so tests and benchmark are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const RUNTIMES = [15 * MIN, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 24 * HOUR, 48 * HOUR];

export function largeLab(opts: { seed?: number; jobs?: number; agents?: number } = {}): SchedulerInput {
  const { seed = 42, jobs = 10_000, agents: agentCount = 250 } = opts;
  const rand = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)]!;
  const now = Date.UTC(2026, 0, 12, 9, 0, 0);
  const users = Array.from({ length: 60 }, (_, i) => `user-${i}`);
  const projects = Array.from({ length: 15 }, (_, i) => `project-${i}`);

  const agents: SchedAgent[] = [];
  const running: RunningAttempt[] = [];
  for (let i = 0; i < agentCount; i++) {
    const share = i / agentCount;
    const gpuType = share < 0.44 ? "A100" : share < 0.76 ? "H100" : share < 0.96 ? "V100" : "L40S";
    const id = `agent-${String(i).padStart(3, "0")}`;
    const gpus = [0, 1, 2, 3, 4, 5, 6, 7];
    const busyTarget = Math.min(8, Math.floor(rand() * 6 + 3));
    const free = [...gpus];
    while (gpus.length - free.length < busyTarget && free.length > 0) {
      const size = Math.min(free.length, pick([1, 1, 1, 2, 2, 4, 8]));
      const held = free.splice(Math.floor(rand() * (free.length - size + 1)), size);
      running.push({
        jobId: `running-${running.length}`,
        userId: pick(users),
        projectId: pick(projects),
        nodes: [{ agentId: id, gpuIndices: held, cpuSlot: false }],
        // A few are past their max runtime and about to be killed.
        expectedEndAt: now + Math.round((rand() * 24 - 0.2) * HOUR),
      });
    }
    agents.push({
      id,
      name: `gpu-${i}`,
      poolId: i < agentCount - 30 ? "lab" : "cloud",
      gpuType,
      gpus,
      freeGpus: free,
      cpuSlots: 16,
      freeCpuSlots: 16,
      schedulable: i % 47 !== 5,
    });
  }

  const usage = { users: {} as Record<string, number>, projects: {} as Record<string, number> };
  for (const u of users) usage.users[u] = Math.round(rand() * rand() * 200 * 3600);
  for (const p of projects) usage.projects[p] = Math.round(rand() * 800 * 3600);

  const queued: SchedJob[] = [];
  for (let i = 0; i < jobs; i++) {
    const r = rand();
    const shape =
      r < 0.55 ? [1, 1] : r < 0.8 ? [1, 2] : r < 0.88 ? [1, 4] : r < 0.94 ? [1, 8] : r < 0.97 ? [pick([2, 2, 3, 4]), 8] : [1, 0];
    const t = rand();
    const gpuType = t < 0.4 ? null : t < 0.62 ? "A100" : t < 0.65 ? "a100" : t < 0.85 ? "H100" : t < 0.998 ? "V100" : "H200";
    const userIndex = Math.floor(rand() * rand() * users.length);
    const priority: Priority = pick(["normal", "normal", "normal", "normal", "normal", "normal", "normal", "normal", "high", "low"]);
    queued.push({
      id: `job-${String(i).padStart(5, "0")}`,
      userId: users[userIndex]!,
      userName: `person${userIndex}`,
      projectId: projects[userIndex % projects.length]!,
      projectName: `p${userIndex % projects.length}`,
      priority,
      submittedAt: now - Math.round(rand() * 72 * HOUR),
      nodes: shape[0]!,
      gpusPerNode: shape[1]!,
      gpuType,
      maxRuntimeMs: pick(RUNTIMES),
      ...(rand() < 0.05 ? { poolIds: ["cloud"] } : {}),
    });
  }
  return { now, queued, agents, running, usage };
}
