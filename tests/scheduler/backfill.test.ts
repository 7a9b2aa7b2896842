import { describe, expect, it } from "vitest";
import type { SchedJob } from "../../server/queue/scheduler";
import { seededRandom } from "./large-lab";
import { agent, HOUR, job, MIN, SimulatedLab } from "./simulated-lab";

describe("backfill", () => {
  // One 8-GPU agent, 4 GPUs busy until 2 h. The head wants all 8: it is reserved for 2 h.
  function labWithReservedHead() {
    const lab = new SimulatedLab([agent({ id: "box" })], {}, false);
    lab.occupy("box", [0, 1, 2, 3], 2 * HOUR);
    lab.submit(job({ id: "head", gpusPerNode: 8, maxRuntimeMs: HOUR, submittedAt: 0 }));
    return lab;
  }

  it("starts a small job in the gap when it ends before the head's reservation", () => {
    const lab = labWithReservedHead();
    lab.submit(job({ id: "fits-gap", gpusPerNode: 2, maxRuntimeMs: HOUR, submittedAt: 1 }));
    const out = lab.pass();
    expect(out.placements.map((p) => p.jobId)).toEqual(["fits-gap"]);
    expect(out.waiting).toMatchObject([{ jobId: "head", position: 1, estimatedStartAt: 2 * HOUR }]);
    lab.runUntil();
    expect(lab.startOf("fits-gap")).toBe(0);
    expect(lab.startOf("head")).toBe(2 * HOUR);
  });

  it("holds a job that would run past the head's reservation, and says why", () => {
    const lab = labWithReservedHead();
    lab.submit(job({ id: "too-long", gpusPerNode: 2, maxRuntimeMs: 3 * HOUR, submittedAt: 1 }));
    const out = lab.pass();
    expect(out.placements).toEqual([]);
    expect(out.waiting[1]).toEqual({
      jobId: "too-long",
      position: 2,
      // After the head's hour: 2 h + 1 h.
      estimatedStartAt: 3 * HOUR,
      reason:
        "held for a reservation: the job at position 1 (8 GPUs) starts on the free GPUs in 2 h, " +
        "before this job's max runtime of 3 h would end",
    });
    lab.runUntil();
    expect(lab.startOf("head")).toBe(2 * HOUR);
    expect(lab.startOf("too-long")).toBe(3 * HOUR);
  });

  it("starts a long job now on GPUs the head will not need", () => {
    const lab = new SimulatedLab([agent({ id: "box" }), agent({ id: "side", gpuCount: 2 })], {}, false);
    lab.occupy("box", [0, 1, 2, 3], 2 * HOUR);
    lab.submit(job({ id: "head", gpusPerNode: 8, maxRuntimeMs: HOUR, submittedAt: 0 }));
    lab.submit(job({ id: "long", gpusPerNode: 2, maxRuntimeMs: 10 * HOUR, submittedAt: 1 }));
    const out = lab.pass();
    expect(out.placements.map((p) => [p.jobId, p.nodes[0]!.agentId])).toEqual([["long", "side"]]);
    lab.runUntil();
    expect(lab.startOf("head")).toBe(2 * HOUR);
  });

  it("protects the first `backfillDepth` jobs: with depth 1 (plain EASY) only the head", () => {
    // "box" (8 GPUs, half busy for 1 h) and "side" (4 free GPUs). The head wants all of box;
    // "pair" wants 4 GPUs on each of two agents, so after the head; "long" could take side now.
    const build = (backfillDepth: number) => {
      const lab = new SimulatedLab([agent({ id: "box" }), agent({ id: "side", gpuCount: 4 })], { backfillDepth }, false);
      lab.occupy("box", [0, 1, 2, 3], HOUR);
      lab.submit(job({ id: "head", gpusPerNode: 8, maxRuntimeMs: HOUR, submittedAt: 0 }));
      lab.submit(job({ id: "pair", nodes: 2, gpusPerNode: 4, maxRuntimeMs: 3 * HOUR, submittedAt: 1 }));
      lab.submit(job({ id: "long", gpusPerNode: 4, maxRuntimeMs: 10 * HOUR, submittedAt: 2 }));
      const first = lab.pass();
      lab.runUntil();
      return { lab, first };
    };
    const deep = build(100);
    expect(deep.first.waiting.map((w) => [w.jobId, w.estimatedStartAt])).toEqual([
      ["head", HOUR],
      ["pair", 2 * HOUR],
      ["long", 2 * HOUR],
    ]);
    expect(["head", "pair", "long"].map((id) => deep.lab.startOf(id))).toEqual([HOUR, 2 * HOUR, 2 * HOUR]);

    const easy = build(1);
    expect(easy.first.placements.map((p) => p.jobId)).toEqual(["long"]); // it does not touch the head's GPUs
    expect(easy.first.waiting.map((w) => [w.jobId, w.estimatedStartAt])).toEqual([
      ["head", HOUR],
      ["pair", null],
    ]);
    expect(["head", "pair", "long"].map((id) => easy.lab.startOf(id))).toEqual([HOUR, 10 * HOUR, 0]);
  });
});

describe("estimates", () => {
  it("chains estimates through the queue from running attempts' expected ends, and they come true", () => {
    const lab = new SimulatedLab([agent({ id: "box" })], {}, false);
    lab.occupy("box", [0, 1, 2, 3, 4, 5, 6, 7], HOUR);
    for (const i of [1, 2, 3]) lab.submit(job({ id: `j${i}`, gpusPerNode: 8, maxRuntimeMs: HOUR, submittedAt: i }));
    const out = lab.pass();
    expect(out.waiting.map((w) => [w.jobId, w.position, w.estimatedStartAt])).toEqual([
      ["j1", 1, HOUR],
      ["j2", 2, 2 * HOUR],
      ["j3", 3, 3 * HOUR],
    ]);
    lab.runUntil();
    expect(["j1", "j2", "j3"].map((id) => lab.startOf(id))).toEqual([HOUR, 2 * HOUR, 3 * HOUR]);
  });

  it("gives estimates to the first `backfillDepth` waiting jobs and null beyond", () => {
    const lab = new SimulatedLab([agent({ id: "box", gpuCount: 1 })], { backfillDepth: 2 }, false);
    lab.occupy("box", [0], HOUR);
    for (const i of [1, 2, 3, 4]) lab.submit(job({ id: `j${i}`, submittedAt: i }));
    const out = lab.pass();
    expect(out.waiting.map((w) => w.estimatedStartAt)).toEqual([HOUR, 2 * HOUR, null, null]);
  });

  it("expects an attempt past its max runtime to end any moment (it is being killed)", () => {
    const lab = new SimulatedLab([agent({ id: "box", gpuCount: 2 })], {}, false);
    lab.occupy("box", [0], HOUR);
    lab.submit(job({ id: "next", gpusPerNode: 2, submittedAt: 0 }));
    lab.submit(job({ id: "long", maxRuntimeMs: 4 * HOUR, submittedAt: 1 }));
    lab.now = 2 * HOUR; // the attempt overran its expected end and has not reported yet
    const out = lab.pass();
    expect(out.placements).toEqual([]);
    expect(out.waiting).toEqual([
      { jobId: "next", position: 1, estimatedStartAt: 2 * HOUR + 1, reason: "waiting for 2 free GPUs on one agent; next in line for GPUs" },
      {
        jobId: "long",
        position: 2,
        estimatedStartAt: 3 * HOUR + 1,
        reason:
          "held for a reservation: the job at position 1 (2 GPUs) starts on the free GPUs any moment now, " +
          "before this job's max runtime of 4 h would end",
      },
    ]);
  });

  it("has no estimate when nothing running would free the GPUs", () => {
    const box = agent({ id: "box", gpuCount: 2 });
    box.freeGpus = [0]; // GPU 1 is held by nothing the scheduler knows of (e.g. broken)
    const lab = new SimulatedLab([box], {}, false);
    lab.submit(job({ id: "two", gpusPerNode: 2 }));
    expect(lab.pass().waiting[0]).toMatchObject({ jobId: "two", estimatedStartAt: null });
  });
});

describe("backfill never delays the head job (EASY's promise), over random labs", () => {
  it("starts each pass's head job no later than the estimate it was given", () => {
    let checked = 0;
    let backfilled = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = seededRandom(seed);
      const agents = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, i) =>
        agent({ id: `a${i}`, gpuCount: [2, 4, 8][Math.floor(rand() * 3)]! }),
      );
      // One person, one project, all submitted at 0: the order never changes, as EASY assumes.
      const lab = new SimulatedLab(agents, { backfillDepth: seed % 2 === 0 ? 1 : 100 }, false);
      const jobs: SchedJob[] = [];
      for (let i = 0; i < 25; i++) {
        const gpus = [1, 1, 2, 2, 4, 8][Math.floor(rand() * 6)]!;
        const j = job({
          id: `s${seed}-j${String(i).padStart(2, "0")}`,
          nodes: rand() < 0.15 ? 2 : 1,
          gpusPerNode: gpus,
          maxRuntimeMs: (1 + Math.floor(rand() * 8)) * 15 * MIN,
        });
        jobs.push(j);
        // Some end early: estimates are upper bounds built from max runtimes.
        lab.submit(j, rand() < 0.3 ? Math.floor(j.maxRuntimeMs * rand()) + 1 : undefined);
      }
      const promised = new Map<string, number>();
      for (let guard = 0; guard < 1000; guard++) {
        const out = lab.pass();
        // The head: the first waiting job that can start at all (a job too big for any agent
        // waits forever without holding anything).
        const head = out.waiting.find((w) => w.estimatedStartAt !== null);
        if (head && !promised.has(head.jobId)) promised.set(head.jobId, head.estimatedStartAt!);
        if (head) {
          const headRank = out.order.indexOf(head.jobId);
          backfilled += out.placements.filter((p) => out.order.indexOf(p.jobId) > headRank).length;
        }
        const next = Math.min(...[...lab.running.values()].map((r) => r.endsAt));
        if (next === Infinity) break;
        lab.advanceTo(next);
      }
      for (const [id, estimate] of promised) {
        expect(lab.startOf(id), `${id} (seed ${seed})`).toBeLessThanOrEqual(estimate);
        checked++;
      }
      const fits = (j: SchedJob) => agents.filter((a) => a.gpus.length >= j.gpusPerNode).length >= j.nodes;
      expect(lab.queued.size, `seed ${seed}: everything that fits ran`).toBe(jobs.filter((j) => !fits(j)).length);
    }
    // Not vacuous: many heads were promised a time, and many jobs did jump ahead of one.
    expect(checked).toBeGreaterThan(100);
    expect(backfilled).toBeGreaterThan(50);
  });
});
