// The queue's server side through its real edges: submit (domain function), scheduler passes,
// and the agent API as an agent drives it. One file, run in order: passes are lab-wide.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { cancelJob } from "../../server/queue/cancel-job";
import { MAX_REFUSED_ATTEMPTS } from "../../server/queue/finish-attempt";
import { getJob, readLogLines, readMetrics } from "../../server/queue/read-jobs";
import { loadLosses, runSchedulerPass } from "../../server/queue/scheduler-pass";
import { submitJob } from "../../server/queue/submit-job";
import { sweepExpiredLeases } from "../../server/queue/sweep";
import type { TAssignment } from "../../contract/agent-protocol";
import { startTestAgent, type AgentClient } from "../support/agent-client";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";

const tag = () => randomUUID().slice(0, 6);

async function lab(gpus = 4, agents = 1) {
  const pool = `pool-${tag()}`;
  const gpuType = `gpu-${tag()}`;
  const owner = await createUser();
  const project = await createProjectFor(owner);
  const clients = [];
  for (let i = 0; i < agents; i++) clients.push(await startTestAgent({ name: `agent-${tag()}`, pool, gpus, gpuType, address: `10.0.0.${i + 1}` }));
  const submit = (extra: Partial<Parameters<typeof submitJob>[0]> = {}) =>
    submitJob({ actorId: owner.id, projectSlug: project.slug, command: "python train.py", gpus: 1, gpuType, pools: [pool], ...extra });
  return { pool, gpuType, owner, project, agents: clients, submit };
}

/** Claims on each agent in turn; exactly one must have the assignment. */
async function claimFrom(agents: AgentClient[]): Promise<{ index: number; a: TAssignment }> {
  const found: { index: number; a: TAssignment }[] = [];
  for (const [index, agent] of agents.entries()) for (const a of await agent.claim()) found.push({ index, a });
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The agent holding the lease stops answering: its heartbeat ages past the timeout and the sweep takes the lease back. */
async function loseLease(a: TAssignment) {
  await db.attemptNode.update({ where: { id: a.nodeId }, data: { heartbeatAt: new Date(Date.now() - 10_000) } });
  await sweepExpiredLeases();
}

/** The agents heartbeat (with no nodes), so none is offline on the tests' 2 s timeout. */
async function alive(agents: AgentClient[]) {
  for (const agent of agents) await agent.heartbeat([]);
}

describe.sequential("the queue", () => {
  it("runs a job end to end: placed, claimed, started, logs in order once, metrics, succeeded", async () => {
    const { agents, submit, owner } = await lab();
    const { id } = await submit({ gpus: 2 });
    // Queued, or already placed when another test file's supervisor ran a pass meanwhile.
    expect(["queued", "starting"]).toContain((await getJob({ actorId: owner.id, jobId: id })).state);
    await runSchedulerPass();
    const [a] = await agents[0]!.claim();
    expect(a).toMatchObject({ jobId: id, attemptNumber: 1, nodeRank: 0, nodes: 1, command: "python train.py" });
    expect(a!.gpuIndices).toHaveLength(2);
    expect((await agents[0]!.started(a!)).status).toBe(200);
    expect((await getJob({ actorId: owner.id, jobId: id })).state).toBe("running");
    await agents[0]!.logs(a!, [{ seq: 0, lines: ["epoch 0", "::metric step=1 total=10 loss=0.9"] }]);
    // A resend (the answer was lost) is acknowledged and not stored twice.
    const again = await agents[0]!.logs(a!, [{ seq: 0, lines: ["epoch 0", "::metric step=1 total=10 loss=0.9"] }, { seq: 1, lines: ["epoch 1"] }]);
    expect(again.json.acknowledgedThroughSeq).toBe(1);
    const { lines, total } = await readLogLines({ actorId: owner.id, jobId: id, from: 0, limit: 100 });
    expect(lines.map((l) => l.text)).toEqual(["epoch 0", "::metric step=1 total=10 loss=0.9", "epoch 1"]);
    expect(lines.map((l) => l.n)).toEqual([0, 1, 2]);
    expect(total).toBe(3);
    const metrics = await readMetrics({ actorId: owner.id, jobId: id });
    expect(metrics.map((m) => [m.key, m.step, m.value])).toEqual([["loss", 1, 0.9], ["progress", 1, 0.1]]);
    expect((await agents[0]!.ended(a!, "exited", 0)).status).toBe(200);
    const done = await getJob({ actorId: owner.id, jobId: id });
    expect(done).toMatchObject({ state: "succeeded", exitCode: 0 });
    expect(await db.gpuClaim.count({ where: { node: { attempt: { jobId: id } } } })).toBe(0);
    expect(await db.usageRecord.count({ where: { jobId: id } })).toBe(1);
  });

  it("refuses at submission a job no agent could ever hold, with the reason", async () => {
    const { submit } = await lab(4);
    await expect(submit({ gpus: 8 })).rejects.toThrow(/can never start: .*4/);
  });

  it("takes a lease back when the agent stops heartbeating: lost, requeued, a late report refused", async () => {
    const { agents, submit, owner } = await lab(2, 2);
    const { id } = await submit({ gpus: 2 });
    await runSchedulerPass();
    const claimed = [...(await agents[0]!.claim()), ...(await agents[1]!.claim())];
    expect(claimed).toHaveLength(1);
    const a = claimed[0]!;
    const owning = (await db.attemptNode.findUniqueOrThrow({ where: { id: a.nodeId }, include: { agent: true } })).agent.name;
    await db.attemptNode.update({ where: { id: a.nodeId }, data: { heartbeatAt: new Date(Date.now() - 10_000) } });
    await sweepExpiredLeases(); // (or another file's supervisor did)
    const job = await getJob({ actorId: owner.id, jobId: id });
    expect(job.state).toBe("queued");
    expect(job.stateReason).toContain(`agent ${owning} stopped answering`);
    expect(job.attempts[0]).toMatchObject({ state: "lost" });
    // The lost holder's late reports are refused by the fencing token: nothing counted twice.
    for (const c of agents) {
      const r = await c.ended(a, "exited", 0);
      expect(r.status).toBe(409);
      expect(r.json.error.code).toBe("lease_lost");
      expect((await c.logs(a, [{ seq: 5, lines: ["late"] }])).status).toBe(409);
    }
    expect((await getJob({ actorId: owner.id, jobId: id })).state).toBe("queued");
    const hb = await agents[0]!.heartbeat([a]);
    expect(hb.json.lost).toEqual([a.nodeId]);
    // Not at once: the silent agent stops its copy itself (SIGTERM, the job's 30 s grace, SIGKILL),
    // so the job waits out that grace and never runs twice at once (issue 14).
    await runSchedulerPass();
    expect([...(await agents[0]!.claim()), ...(await agents[1]!.claim())]).toEqual([]);
    const held = await getJob({ actorId: owner.id, jobId: id });
    expect(held.stateReason).toMatch(/^held (29|30) s more: the agent that stopped answering is still stopping its lost copy \(its grace period\), and the job never runs twice at once$/);
    expect(held.estimatedStartAt!.getTime()).toBe(held.attempts[0]!.endedAt!.getTime() + 30_000);
    // It runs again (attempt 2) once the grace is over, and the lost attempt did not use up --retries.
    await db.attempt.updateMany({ where: { jobId: id, number: 1 }, data: { endedAt: new Date(Date.now() - 31_000) } });
    await runSchedulerPass();
    const next = [...(await agents[0]!.claim()), ...(await agents[1]!.claim())];
    expect(next[0]).toMatchObject({ jobId: id, attemptNumber: 2 });
    expect((await getJob({ actorId: owner.id, jobId: id })).attempts).toHaveLength(2);
  });

  it("a job whose agents keep dying ends failed after 3 lost attempts, with the reason, not in a loop", async () => {
    const { agents, submit, owner } = await lab(1, 2);
    const { id } = await submit({ graceSeconds: 0 }); // no grace to wait out after each loss
    for (let i = 0; i < 3; i++) {
      await alive(agents);
      await runSchedulerPass();
      const { a } = await claimFrom(agents);
      expect(a.attemptNumber).toBe(i + 1);
      await loseLease(a);
    }
    const job = await getJob({ actorId: owner.id, jobId: id });
    expect(job.state).toBe("failed");
    expect(job.stateReason).toMatch(/lost 3 times/);
  });

  it("a job lost on one agent starts on the other the second time", async () => {
    const { agents, submit, owner } = await lab(1, 2);
    const { id } = await submit({ graceSeconds: 0 }); // no grace to wait out after each loss
    await runSchedulerPass();
    const first = await claimFrom(agents);
    await loseLease(first.a);
    // Both agents are free: the one that did not lose it gets it (before, the same one did).
    await alive(agents);
    await runSchedulerPass();
    const second = await claimFrom(agents);
    expect(second).toMatchObject({ index: 1 - first.index, a: { jobId: id, attemptNumber: 2 } });
    await agents[second.index]!.started(second.a);
    await agents[second.index]!.ended(second.a, "exited", 0);
    const job = await getJob({ actorId: owner.id, jobId: id });
    expect(job.state).toBe("succeeded");
    expect(job.attempts.map((t) => t.state)).toEqual(["lost", "succeeded"]);
  });

  it("a job is never placed again on an agent that lost two of its attempts: it waits for another, saying why", async () => {
    const { agents, submit, owner } = await lab(1, 2);
    const { id } = await submit({ graceSeconds: 0 }); // no grace to wait out after each loss
    await runSchedulerPass();
    const first = await claimFrom(agents);
    const [a, b] = [agents[first.index]!, agents[1 - first.index]!];
    const aName = (await db.attemptNode.findUniqueOrThrow({ where: { id: first.a.nodeId }, include: { agent: true } })).agent.name;
    // Another job takes the other agent.
    const other = await submit({ graceSeconds: 0 });
    await runSchedulerPass();
    const [held] = await b.claim();
    expect(held).toMatchObject({ jobId: other.id });
    await b.started(held!);

    // Lost on a; a is the only free agent, so it goes back there once, and is lost again.
    await loseLease(first.a);
    await alive(agents);
    await b.heartbeat([held!]);
    await runSchedulerPass();
    const [again] = await a.claim();
    expect(again).toMatchObject({ jobId: id, attemptNumber: 2 });
    await b.heartbeat([held!]);
    await loseLease(again!);

    // Twice is enough: with b busy it waits rather than taking a down a third time.
    await alive(agents);
    await b.heartbeat([held!]);
    await runSchedulerPass();
    expect(await a.claim()).toEqual([]);
    const waiting = await getJob({ actorId: owner.id, jobId: id });
    expect(waiting.state).toBe("queued");
    expect(waiting.stateReason).toContain(`not on ${aName}, which lost 2 of its attempts`);

    // Once b is free, it starts there.
    await b.ended(held!, "exited", 0);
    await alive(agents);
    await runSchedulerPass();
    expect((await b.claim()).map((x) => [x.jobId, x.attemptNumber])).toEqual([[id, 3]]);
  });

  it("blames a lost gang attempt on the agent that went silent, not on its healthy nodes' agents", async () => {
    const { agents, submit } = await lab(1, 3);
    const { id } = await submit({ nodes: 2 });
    await runSchedulerPass();
    const claimed: { index: number; a: TAssignment }[] = [];
    for (const [index, agent] of agents.entries()) for (const a of await agent.claim()) claimed.push({ index, a });
    expect(claimed).toHaveLength(2);
    const [silent, healthy] = claimed as [(typeof claimed)[0], (typeof claimed)[0]];
    await agents[healthy.index]!.heartbeat([healthy.a]);
    await loseLease(silent.a);
    const silentAgent = (await db.attemptNode.findUniqueOrThrow({ where: { id: silent.a.nodeId } })).agentId;
    expect((await loadLosses([{ id, graceSeconds: 0 }])).lostOn.get(id)).toEqual({ [silentAgent]: 1 });
  });

  it("retries a failed attempt --retries times, then fails with the exit status", async () => {
    const { agents, submit, owner } = await lab(1);
    const { id } = await submit({ retries: 1 });
    for (const attempt of [1, 2]) {
      await runSchedulerPass();
      const [a] = await agents[0]!.claim();
      expect(a?.attemptNumber).toBe(attempt);
      await agents[0]!.started(a!);
      await agents[0]!.ended(a!, "exited", 3);
    }
    const job = await getJob({ actorId: owner.id, jobId: id });
    expect(job).toMatchObject({ state: "failed", exitCode: 3, stateReason: "exited with status 3" });
  });

  it("an agent's refusal over its own bookkeeping requeues the job and leaves --retries whole; refused again and again, it ends with the reason (issue 14)", async () => {
    const { agents, submit, owner } = await lab(1);
    const { id } = await submit({ retries: 0 });
    await runSchedulerPass();
    const [a] = await agents[0]!.claim();
    expect((await agents[0]!.ended(a!, "refused", null, "GPU 0 is still in use by node n-1")).status).toBe(200);
    let job = await getJob({ actorId: owner.id, jobId: id });
    expect(job.state).toBe("queued");
    expect(job.stateReason).toMatch(/refused attempt 1 \(GPU 0 is still in use by node n-1\); this does not count against its retries/);
    expect(job.attempts[0]).toMatchObject({ state: "refused", reason: "GPU 0 is still in use by node n-1" });
    // With no retries at all, the next attempt still runs and its success is the job's.
    await runSchedulerPass();
    const [b] = await agents[0]!.claim();
    expect(b?.attemptNumber).toBe(2);
    await agents[0]!.started(b!);
    await agents[0]!.ended(b!, "exited", 0);
    job = await getJob({ actorId: owner.id, jobId: id });
    expect(job.state).toBe("succeeded");

    // An agent that refuses every time does not keep a job in a loop.
    const looping = await submit({ retries: 0 });
    for (let i = 0; i < MAX_REFUSED_ATTEMPTS; i++) {
      await runSchedulerPass();
      const [r] = await agents[0]!.claim();
      expect(r?.attemptNumber).toBe(i + 1);
      await agents[0]!.ended(r!, "refused", null, "all 1 CPU slot(s) of this agent are in use");
    }
    const ended = await getJob({ actorId: owner.id, jobId: looping.id });
    expect(ended.state).toBe("failed");
    expect(ended.stateReason).toMatch(new RegExp(`refused it ${MAX_REFUSED_ATTEMPTS} times .*all 1 CPU slot\\(s\\) of this agent are in use`));
  });

  it("cancel ends a job whose process has exited while its agent still cannot deliver its end (issue 14)", async () => {
    const { agents, submit, owner } = await lab(1);
    const { id } = await submit();
    await runSchedulerPass();
    const [a] = await agents[0]!.claim();
    await agents[0]!.started(a!);
    await cancelJob({ actorId: owner.id, jobId: id });
    // Still running: the agent is told to stop it.
    expect((await agents[0]!.heartbeat([a!])).json.cancel).toEqual([a!.nodeId]);
    // The process is gone, its end is stuck (a report the server keeps refusing): the job ends
    // cancelled at this heartbeat, its GPU is free, and the agent is told the lease is gone.
    const hb = await agents[0]!.heartbeat([a!], [a!]);
    expect(hb.json).toMatchObject({ cancel: [], lost: [a!.nodeId] });
    const job = await getJob({ actorId: owner.id, jobId: id });
    expect(job).toMatchObject({ state: "cancelled" });
    expect(job.attempts[0]).toMatchObject({ state: "cancelled", reason: "cancelled after its process had exited, before its end was reported" });
    expect(await db.gpuClaim.count({ where: { node: { attempt: { jobId: id } } } })).toBe(0);
    // Its late end report is refused by the fencing token; nothing changes.
    expect((await agents[0]!.ended(a!, "exited", 0)).status).toBe(409);
    expect((await getJob({ actorId: owner.id, jobId: id })).state).toBe("cancelled");
  });

  it("cancels in every state", async () => {
    const { agents, submit, owner } = await lab(1);
    // queued
    const queued = await submit();
    expect((await cancelJob({ actorId: owner.id, jobId: queued.id })).state).toBe("cancelled");
    // placed, not yet claimed
    const placed = await submit();
    await runSchedulerPass();
    expect((await getJob({ actorId: owner.id, jobId: placed.id })).state).toBe("starting");
    expect((await cancelJob({ actorId: owner.id, jobId: placed.id })).state).toBe("cancelled");
    expect(await agents[0]!.claim()).toEqual([]);
    // running: the next heartbeat says cancel; the agent stops it and reports
    const running = await submit();
    await runSchedulerPass();
    const [a] = await agents[0]!.claim();
    await agents[0]!.started(a!);
    expect((await cancelJob({ actorId: owner.id, jobId: running.id })).state).toBe("running");
    expect((await agents[0]!.heartbeat([a!])).json.cancel).toEqual([a!.nodeId]);
    await agents[0]!.ended(a!, "cancelled", null);
    expect((await getJob({ actorId: owner.id, jobId: running.id })).state).toBe("cancelled");
    // ended: stays as it was
    expect((await cancelJob({ actorId: owner.id, jobId: running.id })).state).toBe("cancelled");
  });

  it("a viewer cannot submit and a non-member cannot see or cancel", async () => {
    const { project, owner, submit, gpuType, pool } = await lab(1);
    const viewer = await createUser();
    const stranger = await createUser();
    await addMemberAs(owner, project, viewer, "viewer");
    await expect(submitJob({ actorId: viewer.id, projectSlug: project.slug, command: "x", gpus: 1, gpuType, pools: [pool] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await submit();
    await expect(getJob({ actorId: stranger.id, jobId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelJob({ actorId: stranger.id, jobId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await cancelJob({ actorId: owner.id, jobId: id });
  });

  it("places a two-node job on two agents at once with MASTER_ADDR of rank 0", async () => {
    const { agents, submit } = await lab(2, 2);
    const { id } = await submit({ gpus: 2, nodes: 2 });
    await runSchedulerPass();
    const got = [...(await agents[0]!.claim()), ...(await agents[1]!.claim())].sort((x, y) => x.nodeRank - y.nodeRank);
    expect(got.map((g) => [g.jobId, g.nodeRank, g.nodes])).toEqual([[id, 0, 2], [id, 1, 2]]);
    expect(got[0]!.masterAddr).toMatch(/^10\.0\.0\.[12]$/);
    expect(got[0]!.masterAddr).toBe(got[1]!.masterAddr);
    expect(got[0]!.masterPort).toBeGreaterThan(1024);
  });

  it("500 concurrent submissions: none lost, none run twice, no GPU given to two attempts", async () => {
    const { agents, submit, owner } = await lab(8, 4);
    const results = await Promise.allSettled(Array.from({ length: 500 }, () => submit({ gpus: 1 })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const ids = new Set(results.map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id));
    expect(ids.size).toBe(500);
    const seen = new Map<string, number>();
    let rounds = 0;
    while (seen.size < 500 && rounds++ < 40) {
      await Promise.all(agents.map((a) => a.heartbeat([])));
      await runSchedulerPass();
      const batch = (await Promise.all(agents.map((a) => a.claim()))).map((as, i) => as.map((x) => ({ ...x, agent: i }))).flat();
      const busy = new Set<string>();
      for (const a of batch) {
        for (const g of a.gpuIndices) {
          const key = `${a.agent}:${g}`;
          expect(busy.has(key), `GPU ${key} given twice`).toBe(false);
          busy.add(key);
        }
        seen.set(a.jobId, (seen.get(a.jobId) ?? 0) + 1);
      }
      await Promise.all(batch.map(async (a) => {
        await agents[a.agent]!.started(a);
        await agents[a.agent]!.ended(a, "exited", 0);
      }));
    }
    expect(seen.size).toBe(500);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const states = await db.job.groupBy({ by: ["state"], where: { id: { in: [...ids] } }, _count: { _all: true } });
    expect(states).toEqual([{ state: "succeeded", _count: { _all: 500 } }]);
    expect((await getJob({ actorId: owner.id, jobId: [...ids][0]! })).attempts).toHaveLength(1);
  }, 120_000);
});

describe("re-run", () => {
  it("runs on the files the original ran on, even after the project's files changed", async () => {
    const { submit, owner, project } = await lab(1);
    const first = await submit();
    const before = await getJob({ actorId: owner.id, jobId: first.id });
    await db.file.create({ data: { projectId: project.id, path: `new-${Date.now()}.py`, content: Buffer.from("print(1)\n"), sizeBytes: 9 } });
    const again = await submit({ rerunOfId: first.id } as never);
    const changedFiles = await submit();
    expect((await getJob({ actorId: owner.id, jobId: again.id })).snapshotId).toBe(before.snapshotId);
    expect((await getJob({ actorId: owner.id, jobId: changedFiles.id })).snapshotId).not.toBe(before.snapshotId);
    for (const id of [first.id, again.id, changedFiles.id]) await cancelJob({ actorId: owner.id, jobId: id });
  });
});

describe("max runtime", () => {
  it("a job stopped for running too long ends timed_out and is not retried", async () => {
    const { agents, submit, owner } = await lab(1);
    const { id } = await submit({ retries: 2, maxRuntimeSeconds: 60 });
    await runSchedulerPass();
    const [a] = await agents[0]!.claim();
    await agents[0]!.started(a!);
    await agents[0]!.ended(a!, "timed_out", null);
    const job = await getJob({ actorId: owner.id, jobId: id });
    expect(job.state).toBe("timed_out");
    expect(job.stateReason).toBe("ran past its max runtime and was stopped");
    expect(job.attempts).toHaveLength(1);
  });
});

describe("log download", () => {
  it("streams the whole log as text to members, and refuses others", async () => {
    const { agents, submit, owner } = await lab(1);
    const { id } = await submit();
    await runSchedulerPass();
    const [a] = await agents[0]!.claim();
    const lines = Array.from({ length: 45_000 }, (_, i) => `line ${i}`);
    const sent = await agents[0]!.logs(a!, [0, 1, 2].map((seq) => ({ seq, lines: lines.slice(seq * 20_000, (seq + 1) * 20_000) })));
    expect(sent.json.acknowledgedThroughSeq).toBe(2);
    const { createApiToken } = await import("../../server/tokens/api-tokens");
    const { dispatchRest } = await import("../../server/rest/edge");
    const get = async (token: string) => dispatchRest(new Request(`http://benchtop.test/api/v1/jobs/${id}/logs/download`, { headers: { authorization: `Bearer ${token}` } }));
    const res = await get((await createApiToken({ actorId: owner.id, name: "dl" })).token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`${id}.log`);
    expect(await res.text()).toBe(lines.join("\n") + "\n");
    const stranger = await createUser();
    expect((await get((await createApiToken({ actorId: stranger.id, name: "dl" })).token)).status).toBe(404);
    await cancelJob({ actorId: owner.id, jobId: id });
  });
});

describe("metrics of a long run", () => {
  it("the newest page keeps arriving past 20,000 points, and afterId catches up from a point", async () => {
    const { agents, submit, owner } = await lab(1);
    const { id } = await submit();
    await runSchedulerPass();
    const [a] = await agents[0]!.claim();
    const lines = Array.from({ length: 25_000 }, (_, i) => `::metric step=${i} loss=${1 / (i + 1)}`);
    await agents[0]!.logs(a!, [0, 1].map((seq) => ({ seq, lines: lines.slice(seq * 20_000, (seq + 1) * 20_000) })));
    const newest = await readMetrics({ actorId: owner.id, jobId: id });
    expect(newest).toHaveLength(20_000);
    expect(newest.at(-1)!.step).toBe(24_999);
    expect(newest[0]!.step).toBe(5_000);
    const after = await readMetrics({ actorId: owner.id, jobId: id, afterId: BigInt(newest.at(-2)!.id) });
    expect(after.map((p) => p.step)).toEqual([24_999]);
    await cancelJob({ actorId: owner.id, jobId: id });
  });
});
