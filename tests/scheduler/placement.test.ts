import { describe, expect, it } from "vitest";
import { schedule, type SchedAgent, type SchedJob, type SchedulerInput } from "../../server/queue/scheduler";
import { agent, HOUR, job, SimulatedLab } from "./simulated-lab";

function input(agents: SchedAgent[], queued: SchedJob[], running: SchedulerInput["running"] = []): SchedulerInput {
  return { now: 10, agents, queued, running, usage: { users: {}, projects: {} } };
}

describe("gangs: all GPUs at once or nothing", () => {
  it("never splits a 4-GPU job over two agents with 2 free each, and starts it when one agent has 4", () => {
    const lab = new SimulatedLab([agent({ id: "a", gpuCount: 4 }), agent({ id: "b", gpuCount: 4 })]);
    lab.occupy("a", [0, 1], 2 * HOUR);
    lab.occupy("b", [0], HOUR);
    lab.occupy("b", [1], 3 * HOUR);
    const four = lab.submit(job({ id: "four", gpusPerNode: 4 }));
    const first = lab.pass();
    expect(first.placements).toEqual([]);
    expect(first.waiting[0]).toMatchObject({ jobId: four.id, estimatedStartAt: 2 * HOUR });
    lab.runUntil();
    expect(lab.startOf("four")).toBe(2 * HOUR);
    expect(lab.started.get("four")!.placement.nodes).toEqual([{ agentId: "a", gpuIndices: [0, 1, 2, 3], cpuSlot: false, nodeRank: 0 }]);
  });

  it("places a multi-node job on distinct agents with ranks 0..n-1, never half of it first", () => {
    const lab = new SimulatedLab([agent({ id: "n1" }), agent({ id: "n2" }), agent({ id: "n3" })]);
    lab.occupy("n2", [0, 1, 2, 3], HOUR);
    lab.occupy("n3", [0, 1, 2, 3, 4, 5, 6, 7], 2 * HOUR);
    lab.submit(job({ id: "ddp", nodes: 2, gpusPerNode: 8, maxRuntimeMs: 4 * HOUR }));
    const first = lab.pass();
    expect(first.placements).toEqual([]); // n1 alone is free: half a gang is no gang
    expect(first.waiting[0]!.estimatedStartAt).toBe(HOUR);
    lab.runUntil();
    expect(lab.startOf("ddp")).toBe(HOUR);
    const nodes = lab.started.get("ddp")!.placement.nodes;
    expect(nodes.map((n) => n.nodeRank)).toEqual([0, 1]);
    expect(nodes.map((n) => n.agentId).sort()).toEqual(["n1", "n2"]);
    for (const n of nodes) expect(n.gpuIndices).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("puts a gang on the agents that fit it most tightly, keeping a whole machine free", () => {
    const agents = [agent({ id: "a" }), agent({ id: "b" }), agent({ id: "c" }), agent({ id: "d" })];
    agents[1]!.freeGpus = [4, 5, 6, 7]; // 4 free
    agents[2]!.freeGpus = [5, 6, 7]; // 3 free
    agents[3]!.freeGpus = [6, 7]; // 2 free
    const queued = [job({ id: "pair", nodes: 2, gpusPerNode: 2, submittedAt: 0 }), job({ id: "eight", gpusPerNode: 8, submittedAt: 1 })];
    const out = schedule(input(agents, queued));
    expect(out.placements).toEqual([
      {
        jobId: "pair",
        nodes: [
          { agentId: "d", gpuIndices: [6, 7], cpuSlot: false, nodeRank: 0 },
          { agentId: "c", gpuIndices: [5, 6], cpuSlot: false, nodeRank: 1 },
        ],
      },
      { jobId: "eight", nodes: [{ agentId: "a", gpuIndices: [0, 1, 2, 3, 4, 5, 6, 7], cpuSlot: false, nodeRank: 0 }] },
    ]);
  });

  it("keeps a multi-node job inside one pool", () => {
    const agents = [agent({ id: "lab-1", poolId: "lab" }), agent({ id: "cloud-1", poolId: "cloud" }), agent({ id: "cloud-2", poolId: "cloud" })];
    const out = schedule(input(agents, [job({ id: "ddp", nodes: 2, gpusPerNode: 8 })]));
    expect(out.placements[0]!.nodes.map((n) => n.agentId)).toEqual(["cloud-1", "cloud-2"]);
  });
});

describe("packing", () => {
  it("puts a 1-GPU job on the fullest agent that has room, so an 8-GPU job still starts", () => {
    const agents = [agent({ id: "a-empty" }), agent({ id: "b-nearly-full" })];
    agents[1]!.freeGpus = [7];
    const queued = [job({ id: "one", gpusPerNode: 1, submittedAt: 0 }), job({ id: "eight", gpusPerNode: 8, submittedAt: 1 })];
    const out = schedule(input(agents, queued));
    expect(out.placements.map((p) => [p.jobId, p.nodes[0]!.agentId])).toEqual([
      ["one", "b-nearly-full"],
      ["eight", "a-empty"],
    ]);
  });

  it("takes the lowest free indices of an agent", () => {
    const a = agent({ id: "a" });
    a.freeGpus = [7, 2, 6, 5];
    const out = schedule(input([a], [job({ id: "two", gpusPerNode: 2 })]));
    expect(out.placements[0]!.nodes[0]!.gpuIndices).toEqual([2, 5]);
  });
});

describe("GPU types", () => {
  it("matches the type case-insensitively, waits for its own type, and lets 'any' take another", () => {
    const lab = new SimulatedLab([agent({ id: "a100-box", gpuType: "A100", gpuCount: 1 }), agent({ id: "v100-box", gpuType: "V100", gpuCount: 1 })]);
    lab.occupy("a100-box", [0], HOUR);
    lab.submit(job({ id: "wants-a100", gpuType: "a100", submittedAt: 0 }));
    lab.submit(job({ id: "any", gpuType: null, submittedAt: 1 }));
    const out = lab.pass();
    expect(out.placements.map((p) => [p.jobId, p.nodes[0]!.agentId])).toEqual([["any", "v100-box"]]);
    expect(out.waiting).toMatchObject([{ jobId: "wants-a100", estimatedStartAt: HOUR }]);
    lab.runUntil();
    expect(lab.started.get("wants-a100")!.placement.nodes[0]!.agentId).toBe("a100-box");
  });
});

describe("agents that take no work", () => {
  it("gives nothing to a draining or offline agent, even when it is the only one free", () => {
    const lab = new SimulatedLab([agent({ id: "draining", schedulable: false }), agent({ id: "online", gpuCount: 2 })]);
    lab.occupy("online", [0, 1], HOUR);
    lab.submit(job({ id: "small", gpusPerNode: 1 }));
    const out = lab.pass();
    expect(out.placements).toEqual([]);
    expect(out.waiting[0]!.estimatedStartAt).toBe(HOUR);
    lab.runUntil();
    expect(lab.started.get("small")!.placement.nodes[0]!.agentId).toBe("online");
  });

  it("says so when only an offline or draining agent could ever hold the job, with no estimate", () => {
    const out = schedule(
      input([agent({ id: "big", schedulable: false }), agent({ id: "small", gpuCount: 4 })], [job({ id: "eight", gpusPerNode: 8 })]),
    );
    expect(out.placements).toEqual([]);
    expect(out.waiting).toEqual([
      {
        jobId: "eight",
        position: 1,
        estimatedStartAt: null,
        reason:
          "waiting for agents that are offline or draining: among those taking work, no agent has 8 GPUs; the largest has 4",
      },
    ]);
  });
});

describe("CPU jobs and pools", () => {
  it("gives a CPU job one CPU slot per node and no GPU, and waits when the slots are taken", () => {
    const host = agent({ id: "cpu-host", gpus: [], gpuType: null, cpuSlots: 2, freeCpuSlots: 2 });
    const cpu = (id: string) => job({ id, gpusPerNode: 0 });
    const out = schedule(input([host], [cpu("c1"), cpu("c2"), cpu("c3")]));
    expect(out.placements.map((p) => p.nodes)).toEqual([
      [{ agentId: "cpu-host", gpuIndices: [], cpuSlot: true, nodeRank: 0 }],
      [{ agentId: "cpu-host", gpuIndices: [], cpuSlot: true, nodeRank: 0 }],
    ]);
    expect(out.waiting.map((w) => w.jobId)).toEqual(["c3"]);
    expect(out.waiting[0]!.reason).toMatch(/^waiting for a free CPU slot; /);
  });

  it("keeps a job inside the pools it may use", () => {
    // Both agents are equally free; without its pool list the job would go to the first, "a-lab".
    const agents = [agent({ id: "a-lab", poolId: "lab" }), agent({ id: "z-cloud", poolId: "cloud" })];
    expect(schedule(input(agents, [job({ id: "anywhere" })])).placements[0]!.nodes[0]!.agentId).toBe("a-lab");
    const out = schedule(input(agents, [job({ id: "cloud-only", poolIds: ["cloud"] })]));
    expect(out.placements[0]!.nodes[0]!.agentId).toBe("z-cloud");
  });
});
