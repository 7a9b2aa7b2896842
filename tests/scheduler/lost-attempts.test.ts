// A job whose attempts were lost on an agent (the agent stopped answering while it ran, perhaps
// because the job itself took the machine down) is kept away from that agent: after one loss
// another agent that fits is preferred, and an agent that lost two of its attempts does not get
// it again.
import { describe, expect, it } from "vitest";
import { schedule, type SchedAgent, type SchedJob, type SchedulerInput } from "../../server/queue/scheduler";
import { agent, HOUR, job, SimulatedLab } from "./simulated-lab";

function input(agents: SchedAgent[], queued: SchedJob[], running: SchedulerInput["running"] = []): SchedulerInput {
  return { now: 10, agents, queued, running, usage: { users: {}, projects: {} } };
}

const agentsOf = (out: ReturnType<typeof schedule>, jobId: string) =>
  out.placements.find((p) => p.jobId === jobId)?.nodes.map((n) => n.agentId) ?? null;

describe("placement after lost attempts", () => {
  it("holds a job whose lost copy may still be stopping until that copy's grace period is over, and lets the jobs behind it go (issue 14)", () => {
    const agents = [agent({ id: "a", gpuCount: 1 }), agent({ id: "b", gpuCount: 1 })];
    const held = schedule(input(agents, [job({ id: "j", notBefore: 30_010 }), job({ id: "k" })]));
    expect(agentsOf(held, "j")).toBeNull();
    expect(agentsOf(held, "k")).not.toBeNull();
    expect(held.waiting).toEqual([
      {
        jobId: "j",
        position: 1,
        estimatedStartAt: 30_010,
        reason: "held 30 s more: the agent that stopped answering is still stopping its lost copy (its grace period), and the job never runs twice at once",
      },
    ]);
    expect(agentsOf(schedule({ ...input(agents, [job({ id: "j", notBefore: 30_010 })]), now: 30_010 }), "j")).not.toBeNull();
  });


  it("puts a job lost once on an agent on another agent that fits, where it would otherwise have gone back", () => {
    const agents = [agent({ id: "a", gpuCount: 1 }), agent({ id: "b", gpuCount: 1 })];
    expect(agentsOf(schedule(input(agents, [job({ id: "j" })])), "j")).toEqual(["a"]);
    expect(agentsOf(schedule(input(agents, [job({ id: "j", lostOn: { a: 1 } })])), "j")).toEqual(["b"]);
  });

  it("prefers another agent over a tighter fit on the agent that lost it", () => {
    const agents = [agent({ id: "a", gpuCount: 8 }), agent({ id: "b", gpuCount: 2 })];
    expect(agentsOf(schedule(input(agents, [job({ id: "j" })])), "j")).toEqual(["b"]);
    expect(agentsOf(schedule(input(agents, [job({ id: "j", lostOn: { b: 1 } })])), "j")).toEqual(["a"]);
  });

  it("still starts a job lost once on an agent there when no other agent fits now", () => {
    const lab = new SimulatedLab([agent({ id: "a", gpuCount: 1 }), agent({ id: "b", gpuCount: 1 })]);
    lab.occupy("b", [0], HOUR);
    lab.submit(job({ id: "j", lostOn: { a: 1 } }));
    expect(agentsOf(lab.pass(), "j")).toEqual(["a"]);
  });

  it("never gives a job to an agent that lost two of its attempts: it waits for the other, with the reason", () => {
    const lab = new SimulatedLab([agent({ id: "a", gpuCount: 1 }), agent({ id: "b", gpuCount: 1 })]);
    lab.occupy("b", [0], HOUR);
    lab.submit(job({ id: "j", lostOn: { a: 2 } }));
    const first = lab.pass();
    expect(first.placements).toEqual([]);
    expect(first.waiting).toEqual([
      {
        jobId: "j",
        position: 1,
        estimatedStartAt: HOUR,
        reason: "waiting for a free GPU; next in line for GPUs; not on a, which lost 2 of its attempts",
      },
    ]);
    // Another job takes the free agent the first cannot use.
    lab.submit(job({ id: "other", submittedAt: 1 }));
    expect(agentsOf(lab.pass(), "other")).toEqual(["a"]);
    lab.runUntil();
    expect(lab.startOf("j")).toBe(HOUR);
    expect(lab.started.get("j")!.placement.nodes.map((n) => n.agentId)).toEqual(["b"]);
  });

  it("says so when the only agent that fits lost two of its attempts", () => {
    const agents = [agent({ id: "a", name: "gpu-box-1", gpuCount: 4 }), agent({ id: "b", gpuCount: 1 })];
    const out = schedule(input(agents, [job({ id: "j", gpusPerNode: 4, lostOn: { a: 2 } })]));
    expect(out.placements).toEqual([]);
    expect(out.waiting).toEqual([
      {
        jobId: "j",
        position: 1,
        estimatedStartAt: null,
        reason:
          "waiting for another agent: gpu-box-1 lost 2 of its attempts, so Benchtop does not place it there again; " +
          "without it, no agent has 4 GPUs; the largest has 1",
      },
    ]);
  });

  it("says so when the other agents that could hold it are offline", () => {
    const agents = [agent({ id: "a", gpuCount: 1 }), agent({ id: "b", gpuCount: 1, schedulable: false })];
    const out = schedule(input(agents, [job({ id: "j", lostOn: { a: 2 } })]));
    expect(out.placements).toEqual([]);
    expect(out.waiting[0]!.reason).toBe(
      "waiting for another agent: a lost 2 of its attempts, so Benchtop does not place it there again; every other agent is offline or draining",
    );
  });

  it("keeps a gang off the agent that lost it twice, and other jobs of the same shape are not affected", () => {
    const agents = [agent({ id: "a" }), agent({ id: "b" }), agent({ id: "c" })];
    const gang = (id: string, lostOn?: Record<string, number>) => job({ id, nodes: 2, gpusPerNode: 8, submittedAt: id === "lost" ? 0 : 1, lostOn });
    const out = schedule(input(agents, [gang("lost", { a: 2 }), gang("fresh")]));
    expect(agentsOf(out, "lost")!.sort()).toEqual(["b", "c"]);
    expect(out.waiting.map((w) => w.jobId)).toEqual(["fresh"]);
    // Alone, the same shape goes to the lowest agents as before.
    expect(agentsOf(schedule(input(agents, [gang("fresh")])), "fresh")!.sort()).toEqual(["a", "b"]);
  });
});
