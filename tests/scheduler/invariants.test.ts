import { describe, expect, it, vi } from "vitest";
import {
  schedule,
  type RunningAttempt,
  type SchedAgent,
  type SchedJob,
  type SchedulerInput,
  type SchedulerOutput,
} from "../../server/queue/scheduler";
import { largeLab, seededRandom } from "./large-lab";
import { agent, expectNoDoubleBooking, HOUR, job, MIN, SimulatedLab } from "./simulated-lab";

/** A random lab: agents of mixed types and pools, some draining, GPUs busy with random attempts. */
function randomInput(seed: number): SchedulerInput {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const now = 1_000_000;
  const agents: SchedAgent[] = [];
  const running: RunningAttempt[] = [];
  for (let i = 0; i < 1 + Math.floor(rand() * 10); i++) {
    const gpuCount = pick([0, 1, 2, 4, 8, 8]);
    const a = agent({
      id: `a${i}`,
      gpuCount,
      gpuType: gpuCount === 0 ? null : pick(["A100", "V100", "h100"]),
      poolId: pick(["lab", "lab", "cloud"]),
      cpuSlots: pick([0, 0, 2]),
      schedulable: rand() > 0.15,
    });
    a.freeCpuSlots = a.cpuSlots;
    for (const g of a.gpus) {
      if (rand() < 0.5) continue;
      a.freeGpus = a.freeGpus.filter((x) => x !== g);
      running.push({
        jobId: `r${running.length}`,
        userId: pick(["ana", "ben"]),
        projectId: "p",
        nodes: [{ agentId: a.id, gpuIndices: [g], cpuSlot: false }],
        expectedEndAt: now + Math.floor((rand() - 0.1) * 4 * HOUR),
      });
    }
    // Sometimes the DB layer's free list is stale and still lists a busy GPU: never hand it out.
    if (a.gpus.length > a.freeGpus.length && rand() < 0.2) a.freeGpus = [...a.gpus];
    agents.push(a);
  }
  const queued: SchedJob[] = Array.from({ length: Math.floor(rand() * 40) }, (_, i) =>
    job({
      id: `j${String(i).padStart(2, "0")}`,
      userId: pick(["ana", "ben", "cy"]),
      projectId: pick(["p", "q"]),
      priority: pick(["low", "normal", "normal", "high"] as const),
      submittedAt: now - Math.floor(rand() * HOUR),
      nodes: pick([1, 1, 1, 2, 3]),
      gpusPerNode: pick([0, 1, 1, 2, 4, 8, 9]),
      gpuType: pick([null, null, "A100", "a100", "V100", "H100", "TPU"]),
      maxRuntimeMs: pick([10 * MIN, HOUR, 5 * HOUR]),
      ...(rand() < 0.2 ? { poolIds: [pick(["lab", "cloud"])] } : {}),
    }),
  );
  // Some jobs lost attempts on some agents (drawn apart, so the labs above stay as they were).
  const lostRand = seededRandom(seed + 7_919);
  for (const j of queued) {
    if (lostRand() < 0.25) j.lostOn = { [agents[Math.floor(lostRand() * agents.length)]!.id]: lostRand() < 0.5 ? 1 : 2 };
  }
  return { now, agents, running, queued, usage: { users: { ana: rand() * 1e5, ben: rand() * 1e5 }, projects: { p: rand() * 1e5 } } };
}

/** What every output must be: complete, gangs whole, types and pools respected, nothing twice. */
function expectSound(input: SchedulerInput, out: SchedulerOutput): void {
  expectNoDoubleBooking(input.agents, input.running, out.placements);
  const jobs = new Map(input.queued.map((j) => [j.id, j]));
  const agents = new Map(input.agents.map((a) => [a.id, a]));
  expect([...out.order].sort()).toEqual([...jobs.keys()].sort());
  const decided = [...out.placements.map((p) => p.jobId), ...out.waiting.map((w) => w.jobId)];
  expect(decided.sort()).toEqual([...jobs.keys()].sort());
  expect(out.waiting.map((w) => w.position)).toEqual(out.waiting.map((_, i) => i + 1));
  for (const w of out.waiting) {
    expect(w.reason.length).toBeGreaterThan(10);
    if (w.estimatedStartAt !== null) expect(w.estimatedStartAt).toBeGreaterThan(input.now);
  }
  for (const p of out.placements) {
    const j = jobs.get(p.jobId)!;
    expect(p.nodes).toHaveLength(j.nodes);
    expect(new Set(p.nodes.map((n) => agents.get(n.agentId)!.poolId)).size).toBe(1);
    for (const n of p.nodes) {
      const a = agents.get(n.agentId)!;
      expect(j.lostOn?.[a.id] ?? 0).toBeLessThan(2); // never an agent that lost it twice
      if (j.poolIds?.length) expect(j.poolIds).toContain(a.poolId);
      expect(n.gpuIndices).toHaveLength(j.gpusPerNode);
      expect(n.cpuSlot).toBe(j.gpusPerNode === 0);
      if (j.gpuType !== null && j.gpusPerNode > 0) expect(a.gpuType?.toLowerCase()).toBe(j.gpuType.toLowerCase());
    }
  }
}

describe("soundness over random labs", () => {
  it("never gives a GPU to two attempts, never half-places a gang, respects types and pools", () => {
    let placed = 0;
    let staleFreeLists = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const input = randomInput(seed);
      const out = schedule(input);
      expectSound(input, out);
      placed += out.placements.length;
      staleFreeLists += input.agents.filter((a) => a.freeGpus.length === a.gpus.length && input.running.some((r) => r.nodes[0]!.agentId === a.id)).length;
    }
    expect(placed).toBeGreaterThan(300);
    expect(staleFreeLists).toBeGreaterThan(10);
  });

  it("keeps every pass sound while a random lab runs to the end on the simulated clock", () => {
    let started = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const rand = seededRandom(1000 + seed);
      const start = randomInput(seed);
      const lab = new SimulatedLab(start.agents.map((a) => ({ ...a, freeGpus: [...a.gpus] })));
      for (const j of start.queued) lab.submit({ ...j, submittedAt: 0 }, Math.floor(j.maxRuntimeMs * (0.2 + rand())));
      lab.runUntil(); // each pass is checked against double booking by the lab itself
      started += lab.started.size;
      // Whatever is left, on an idle lab, can only be jobs no schedulable agent can ever hold.
      const left = schedule({ ...start, agents: [...lab.agents.values()], now: lab.now, running: [], queued: [...lab.queued.values()] });
      expect(left.placements).toEqual([]);
      for (const w of left.waiting) expect(w.reason).toMatch(/^(can never start|waiting for agents that are offline|waiting for an agent:|waiting for another agent:)/);
    }
    expect(started).toBeGreaterThan(150);
  });
});

describe("determinism", () => {
  it("gives the same output for the same input, whatever the order of its arrays", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const input = randomInput(seed);
      const first = schedule(input);
      expect(schedule(structuredClone(input))).toEqual(first);
      const rand = seededRandom(seed);
      const shuffle = <T>(xs: T[]) => xs.map((x) => [rand(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
      const shuffled = { ...input, agents: shuffle(input.agents), queued: shuffle(input.queued), running: shuffle(input.running) };
      expect(schedule(shuffled)).toEqual(first);
    }
  });

  it("reads no clock and no randomness, and leaves its input untouched", () => {
    const input = randomInput(7);
    const before = structuredClone(input);
    const now = vi.spyOn(Date, "now");
    const random = vi.spyOn(Math, "random");
    const out = schedule(deepFreeze(input));
    expect(now).not.toHaveBeenCalled();
    expect(random).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(input).toEqual(before);
    expect(out.order.length).toBe(input.queued.length);
  });
});

describe("the benchmark's lab (10,000 jobs, 250 agents)", () => {
  it("is scheduled soundly, with real estimates for the first 100 waiting jobs only", () => {
    const input = largeLab({ seed: 42 });
    const out = schedule(input);
    expectSound(input, out);
    expect(out.placements.length).toBeGreaterThan(100);
    const estimated = out.waiting.filter((w) => w.estimatedStartAt !== null);
    expect(estimated).toHaveLength(100);
    const never = out.waiting.filter((w) => w.reason.startsWith("can never start"));
    expect(never.length).toBeGreaterThan(0);
    // The lab has no H200 at all, and its cloud pool has only V100s and L40Ss.
    for (const w of never) expect(w.reason).toMatch(/: no agent (in pool cloud )?has GPUs of type (H200|A100|H100);/);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
