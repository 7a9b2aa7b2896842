import { describe, expect, it } from "vitest";
import { fitsAnyCapacity, schedule, type SchedAgent, type SchedJob } from "../../server/queue/scheduler";
import { agent, HOUR, job, SimulatedLab } from "./simulated-lab";

describe("why a job waits, in words", () => {
  it("names the GPUs it waits for, the jobs ahead, and whom fair share favours", () => {
    const lab = new SimulatedLab([agent({ id: "box", gpuType: "A100" })], {}, false);
    lab.occupy("box", [0, 1, 2, 3, 4, 5, 6, 7], HOUR);
    lab.addUsage("ana", "vision", 40 * 3600);
    lab.submit(job({ id: "ben-1", userId: "ben", gpuType: "A100", submittedAt: 1 }));
    lab.submit(job({ id: "ana-2", userId: "ana", gpuType: "a100", gpusPerNode: 2, submittedAt: 0 }));
    const out = lab.pass();
    expect(out.waiting).toEqual([
      { jobId: "ben-1", position: 1, estimatedStartAt: HOUR, reason: "waiting for a free A100; next in line for A100s" },
      {
        jobId: "ana-2",
        position: 2,
        estimatedStartAt: HOUR,
        reason:
          "waiting for 2 free A100s on one agent; 1 job ahead wants A100s; " +
          "fair share favours ben (0 GPU-h of recent use) over ana (40 GPU-h)",
      },
    ]);
  });

  it("names a project when fair share between projects put another first", () => {
    const lab = new SimulatedLab([agent({ id: "box", gpuCount: 1 })], {}, false);
    lab.occupy("box", [0], HOUR);
    lab.addUsage("ana", "vision", 5 * 3600);
    lab.addUsage("ben", "nlp", 5 * 3600);
    lab.addUsage("carl", "vision", 100 * 3600);
    lab.submit(job({ id: "ana-vision", userId: "ana", projectId: "vision", submittedAt: 0 }));
    lab.submit(job({ id: "ben-nlp", userId: "ben", projectId: "nlp", submittedAt: 1 }));
    const reason = lab.pass().waiting.find((w) => w.jobId === "ana-vision")!.reason;
    expect(reason).toBe(
      "waiting for a free GPU; 1 job ahead wants GPUs; fair share favours project nlp (5 GPU-h of recent use) over vision (105 GPU-h)",
    );
  });

  it("counts jobs ahead that compete for the same GPUs, and says how many are of a higher class", () => {
    const agents = [agent({ id: "a100", gpuType: "A100", gpuCount: 1 }), agent({ id: "v100", gpuType: "V100", gpuCount: 1 })];
    const lab = new SimulatedLab(agents, {}, false);
    lab.occupy("a100", [0], HOUR);
    lab.occupy("v100", [0], HOUR);
    lab.submit(job({ id: "h1", priority: "high", gpuType: "A100", submittedAt: 0 }));
    lab.submit(job({ id: "h2", priority: "high", gpuType: null, submittedAt: 0 }));
    lab.submit(job({ id: "v", priority: "normal", gpuType: "V100", submittedAt: 0 })); // not a competitor
    lab.submit(job({ id: "n1", priority: "normal", gpuType: "A100", submittedAt: 0 }));
    lab.submit(job({ id: "mine", priority: "normal", gpuType: "A100", submittedAt: 1 }));
    const w = lab.pass().waiting.find((x) => x.jobId === "mine")!;
    expect(w.position).toBe(5);
    expect(w.reason).toBe("waiting for a free A100; 3 jobs ahead want A100s (2 of them high priority)");
  });

  it("says a job can never start when no agent could hold it, without an estimate", () => {
    const out = schedule({
      now: 0,
      agents: [agent({ id: "box", gpuType: "A100" })],
      queued: [job({ id: "huge", gpusPerNode: 16, gpuType: "A100" })],
      running: [],
      usage: { users: {}, projects: {} },
    });
    expect(out.waiting).toEqual([
      { jobId: "huge", position: 1, estimatedStartAt: null, reason: "can never start: no agent has 16 GPUs of type A100; the largest has 8" },
    ]);
  });
});

describe("fitsAnyCapacity: refusing at submission what could never run", () => {
  const labAgents: SchedAgent[] = [
    agent({ id: "a1", gpuType: "A100", poolId: "lab" }),
    agent({ id: "a2", gpuType: "A100", poolId: "lab" }),
    agent({ id: "v1", gpuType: "V100", gpuCount: 4, poolId: "lab" }),
    agent({ id: "c1", gpuType: "A100", gpuCount: 2, poolId: "cloud" }),
    agent({ id: "c2", gpuType: "A100", gpuCount: 2, poolId: "cloud", schedulable: false }),
  ];
  const refusal = (over: Partial<SchedJob>) => fitsAnyCapacity(job(over), labAgents);

  it("accepts what some agents could hold, counting a draining agent as capacity", () => {
    expect(refusal({ gpusPerNode: 8, gpuType: "a100" })).toEqual({ ok: true });
    expect(refusal({ nodes: 2, gpusPerNode: 2, gpuType: "A100", poolIds: ["cloud"] })).toEqual({ ok: true });
  });

  const refused: [Partial<SchedJob>, string][] = [
    [{ gpusPerNode: 16, gpuType: "A100" }, "no agent has 16 GPUs of type A100; the largest has 8"],
    [{ gpusPerNode: 16, gpuType: null }, "no agent has 16 GPUs; the largest has 8"],
    [{ gpusPerNode: 1, gpuType: "H200" }, "no agent has GPUs of type H200; the types here are A100 and V100"],
    [{ nodes: 3, gpusPerNode: 8, gpuType: "A100" }, "it needs 3 agents with 8 A100s each; only 2 have that many"],
    [{ nodes: 4, gpusPerNode: 2, gpuType: "a100" }, "it needs 4 agents with 2 A100s each in one pool; only 2 have that many"],
    [{ gpusPerNode: 4, gpuType: "A100", poolIds: ["cloud"] }, "no agent in pool cloud has 4 GPUs of type A100; the largest has 2"],
    [{ gpuType: "V100", poolIds: ["cloud"] }, "no agent in pool cloud has GPUs of type V100; the types in pool cloud are A100"],
    [{ poolIds: ["elsewhere"] }, "there is no agent in pool elsewhere"],
    [{ gpusPerNode: 0 }, "no agent offers CPU slots for a job without GPUs"],
    [{ nodes: 0 }, "a job needs a whole number of nodes, at least 1"],
    [{ gpusPerNode: 1.5 }, "GPUs per node must be a whole number, 0 for a CPU job"],
    [{ maxRuntimeMs: 0 }, "the max runtime must be a positive duration"],
  ];
  it.each(refused)("refuses %o: %s", (over, reason) => {
    expect(refusal(over)).toEqual({ ok: false, reason });
  });

  it("refuses a CPU gang larger than the agents with CPU slots", () => {
    const hosts = [agent({ id: "h1", gpus: [], gpuType: null, cpuSlots: 4 }), agent({ id: "h2", gpus: [], gpuType: null, cpuSlots: 4 })];
    expect(fitsAnyCapacity(job({ nodes: 3, gpusPerNode: 0 }), hosts)).toEqual({
      ok: false,
      reason: "it needs 3 agents with a CPU slot each; only 2 have any",
    });
    expect(fitsAnyCapacity(job({ gpusPerNode: 1 }), hosts)).toEqual({ ok: false, reason: "no agent has GPUs" });
  });
});
