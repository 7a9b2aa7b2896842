// The meter through the queue's real edges: a job placed by a scheduler pass, claimed, started and
// ended through the agent API, its start moved into the past so minutes have passed. Each
// (node, minute) is charged once however often, and however concurrently, the meter runs; the
// attempt's total is its run time x rate; a rate set mid-run prices only the minutes after it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, Prisma } from "../../server/db/client";
import { meterStatement } from "../../server/queue/sql/meter";
import { getJob } from "../../server/queue/read-jobs";
import { runSchedulerPass } from "../../server/queue/scheduler-pass";
import { submitJob } from "../../server/queue/submit-job";
import { startTestAgent } from "../support/agent-client";
import { createProjectFor, createUser } from "../support/factories";

const tag = () => randomUUID().slice(0, 6);

/** A job placed by a scheduler pass and claimed by a test agent, not started. */
async function queuedAndClaimed(gpus = 1) {
  const pool = `pool-${tag()}`;
  const gpuType = `gpu-${tag()}`;
  const owner = await createUser();
  const project = await createProjectFor(owner);
  const agent = await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 4, gpuType, address: "10.0.0.1" });
  const { id } = await submitJob({ actorId: owner.id, projectSlug: project.slug, command: "python train.py", gpus, gpuType, pools: [pool] });
  await runSchedulerPass();
  const [a] = await agent.claim();
  const { attemptId } = await db.attemptNode.findUniqueOrThrow({ where: { id: a!.nodeId } });
  const poolId = (await db.pool.findUniqueOrThrow({ where: { name: pool } })).id;
  return { id, a: a!, attemptId, agent, poolId, gpuType, project };
}

/** A claimed job started, its attempt's start moved `startedMinutesAgo` into the past. */
async function runningJob(gpus: number, startedMinutesAgo: number) {
  const job = await queuedAndClaimed(gpus);
  expect((await job.agent.started(job.a)).status).toBe(200);
  const startedAt = new Date(Date.now() - startedMinutesAgo * 60_000);
  await db.attempt.update({ where: { id: job.attemptId }, data: { startedAt } });
  return { ...job, startedAt };
}

const entries = (jobId: string) => db.ledgerEntry.findMany({ where: { jobId }, orderBy: { minute: "asc" } });

describe.sequential("the meter", () => {
  it("charges each whole minute once while a job runs, then the last one pro rata; replays and concurrent meters change nothing", async () => {
    const { id, a, attemptId, agent, startedAt, poolId, gpuType, project } = await runningJob(2, 3.5);
    await db.rate.create({ data: { poolId, gpuType, kind: "owned", hourly: "2.5000", effectiveFrom: new Date(startedAt.getTime() - 3600_000), source: "test" } });

    // Running 3.5 min: minutes 0, 1 and 2 are whole; nothing of the fourth yet.
    await Promise.all(Array.from({ length: 8 }, () => meterStatement(attemptId)));
    let rows = await entries(id);
    expect(rows.map((r) => r.minute)).toEqual([0, 1, 2]);
    for (const r of rows) expect(r.amount.toString()).toBe("0.083333"); // 2.50/h x 2 GPUs x 60 s
    expect(rows[0]).toMatchObject({ gpus: 2, gpuType, poolId, projectId: project.id });

    expect((await agent.ended(a, "exited", 0)).status).toBe(200);
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    // Ended: replayed ten times at once, the last minute comes once, cut at the end.
    await Promise.all(Array.from({ length: 10 }, () => meterStatement(null)));
    rows = await entries(id);
    expect(rows.map((r) => r.minute)).toEqual([0, 1, 2, 3]);
    const node = await db.attemptNode.findUniqueOrThrow({ where: { id: a.nodeId } });
    expect(rows.at(-1)!.endsAt.getTime()).toBe(node.endedAt!.getTime());
    expect(node.meteredUntil!.getTime()).toBe(node.endedAt!.getTime());

    // The attempt's total is its run time x rate, to the cent; the job's cost (as the API gives it) and the day rollups agree.
    const seconds = new Prisma.Decimal(node.endedAt!.getTime() - attempt.startedAt!.getTime()).div(1000);
    const expected = seconds.times("2.5").times(2).div(3600);
    const total = rows.reduce((s, r) => s.plus(r.amount), new Prisma.Decimal(0));
    expect(total.toFixed(2)).toBe(expected.toFixed(2));
    const owner = (await db.job.findUniqueOrThrow({ where: { id } })).submittedById;
    expect((await getJob({ actorId: owner, jobId: id })).cost).toEqual({ amount: total.toFixed(2), currency: "USD" });
    const days = await db.ledgerDay.findMany({ where: { projectId: project.id } });
    expect(days.reduce((s, d) => s.plus(d.amount), new Prisma.Decimal(0)).toString()).toBe(total.toString());
    expect(days.reduce((s, d) => s.plus(d.seconds), new Prisma.Decimal(0)).toFixed(3)).toBe(seconds.times(2).toFixed(3));

    // A replayed end report is refused by fencing, and the meter adds nothing after it.
    await agent.ended(a, "exited", 0);
    expect(await meterStatement(null)).toBeGreaterThanOrEqual(0);
    expect((await entries(id)).length).toBe(4);
    expect((await getJob({ actorId: owner, jobId: id })).cost.amount).toBe(total.toFixed(2));
  });

  it("prices each minute at the rate in force at its start: a new rate leaves earlier minutes as they were", async () => {
    const { id, attemptId, startedAt, poolId, gpuType } = await runningJob(1, 4.2);
    await db.rate.create({ data: { poolId, gpuType, hourly: "1.2000", effectiveFrom: new Date(startedAt.getTime() - 1000), source: "test" } });
    await db.rate.create({ data: { poolId, gpuType, hourly: "3.0000", effectiveFrom: new Date(startedAt.getTime() + 2 * 60_000), source: "test" } });
    await meterStatement(attemptId);
    const rows = await entries(id);
    expect(rows.map((r) => [r.minute, r.hourly.toFixed(2), r.amount.toString()])).toEqual([
      [0, "1.20", "0.02"],
      [1, "1.20", "0.02"],
      [2, "3.00", "0.05"],
      [3, "3.00", "0.05"],
    ]);
  });

  it("never waits on a node another statement holds (a heartbeat, an end): it meters it next time", async () => {
    const { id, a, attemptId } = await runningJob(1, 2.5);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "AttemptNode" WHERE id = ${a.nodeId} FOR UPDATE`;
      locked();
      await held;
    });
    await isLocked;
    expect(await meterStatement(attemptId)).toBe(0);
    release();
    await holder;
    expect(await meterStatement(attemptId)).toBe(2);
    expect((await entries(id)).map((r) => r.minute)).toEqual([0, 1]);
  });

  it("marks a node that ended before its attempt started as metered, with no minutes, so the meter's scan leaves it", async () => {
    const { id, a, agent } = await queuedAndClaimed();
    expect((await agent.ended(a, "refused", null, "GPU 0 is busy")).status).toBe(200);
    await meterStatement(null);
    const node = await db.attemptNode.findUniqueOrThrow({ where: { id: a.nodeId } });
    expect(node.state).toBe("ended");
    expect(node.meteredUntil!.getTime()).toBe(node.endedAt!.getTime());
    expect(await entries(id)).toEqual([]);
  });

  it("charges nothing, but still records the minutes, where a pool has no rate", async () => {
    const { id, attemptId } = await runningJob(1, 1.5);
    await meterStatement(attemptId);
    const rows = await entries(id);
    expect(rows.map((r) => [r.minute, r.rateId, r.amount.toString()])).toEqual([[0, null, "0"]]);
  });
});
