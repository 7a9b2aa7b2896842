// The ledger under the faults an operator meets, on real parts: a real `benchtop agent` killed with
// -9 mid-job (its attempt lost, the job resumed on another agent), the server its agent talks to
// stopped and started again mid-job, and a second app instance's supervisor beside the lab's, both
// electing a leader that meters. Whatever happens, every attempt node is charged each minute from its
// attempt's start to its end exactly once, the last cut at its end, and the job's cost, the entries
// and the daily rollups agree to the micro-unit. (The second app instance runs in this test's process:
// its own HTTP server, its own supervisor with its own leader-election connection on the same
// database; what could charge twice is the database's to prevent, and it does so for any number of
// processes.)
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { formatMoney } from "../../lib/format-money";
import { db, Prisma } from "../../server/db/client";
import { env } from "../../server/env";
import { serveApis } from "../../server/http/standalone";
import { getJob } from "../../server/queue/read-jobs";
import { startSupervisor } from "../../server/queue/supervisor";
import { submitJob } from "../../server/queue/submit-job";
import { createApiToken } from "../../server/tokens/api-tokens";
import { createProjectFor, createUser } from "../support/factories";
import { run, until } from "../support/processes";
import { startAgent, tag, waitForEnd } from "../support/real-agent";
import { realLab } from "../support/real-lab";

// A lease short enough that a killed agent's attempt is lost within seconds.
const lab = realLab("meter-faults", { leaseSeconds: 8 });
const HOURLY = "6.0000";

async function pricedPool() {
  const owner = await createUser();
  const project = await createProjectFor(owner);
  const pool = `pool-${tag()}`;
  const gpuType = `sim-${tag()}`;
  return { owner, project, pool, gpuType };
}

/** Prices the pool's GPU type once its first agent has made the pool exist. */
async function price(pool: string, gpuType: string) {
  const { id: poolId } = await db.pool.findUniqueOrThrow({ where: { name: pool } });
  await db.rate.create({ data: { poolId, gpuType, hourly: HOURLY, effectiveFrom: new Date("2020-01-01"), source: "test" } });
}

/** The attempt's start moved into the past, as if it had run for minutes: the meter has minutes to write. */
async function ranFor(jobId: string, attempt: number, seconds: number) {
  const a = await until(`attempt ${attempt} to run`, () => db.attempt.findFirst({ where: { jobId, number: attempt, startedAt: { not: null } } }));
  await db.attempt.update({ where: { id: a.id }, data: { startedAt: new Date(Date.now() - seconds * 1000) } });
  return a.id;
}

/** Waits for the meter to reach every node's end, then checks the ledger minute by minute. */
async function expectWholeLedger(jobId: string, actorId: string) {
  const nodes = await until("the meter to reach every node's end", async () => {
    const ns = await db.attemptNode.findMany({ where: { attempt: { jobId } }, include: { attempt: true } });
    return ns.every((n) => n.endedAt && n.meteredUntil?.getTime() === n.endedAt.getTime()) && ns;
  });
  let total = new Prisma.Decimal(0);
  for (const n of nodes) {
    const rows = await db.ledgerEntry.findMany({ where: { attemptNodeId: n.id }, orderBy: { minute: "asc" } });
    const t0 = n.attempt.startedAt!.getTime();
    const end = n.endedAt!.getTime();
    expect(rows.map((r) => r.minute)).toEqual(Array.from({ length: Math.ceil((end - t0) / 60_000) }, (_, k) => k));
    for (const r of rows) {
      expect(r.startsAt.getTime()).toBe(t0 + r.minute * 60_000);
      expect(r.endsAt.getTime()).toBe(Math.min(t0 + (r.minute + 1) * 60_000, end));
      const seconds = new Prisma.Decimal(r.endsAt.getTime() - r.startsAt.getTime()).div(1000);
      expect(r.amount.toString()).toBe(seconds.times(HOURLY).times(r.gpus).div(3600).toDecimalPlaces(6).toString());
      total = total.plus(r.amount);
    }
  }
  expect((await getJob({ actorId, jobId })).cost.amount).toBe(total.toFixed(2));
  const { projectId } = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  const days = await db.ledgerDay.aggregate({ where: { projectId }, _sum: { amount: true } });
  const entries = await db.ledgerEntry.aggregate({ where: { projectId }, _sum: { amount: true } });
  expect(entries._sum.amount!.toString()).toBe(total.toString());
  expect(days._sum.amount!.toString()).toBe(entries._sum.amount!.toString());
  return { nodes, total };
}

describe.sequential("the meter under faults", () => {
  it("charges a job whose agent was killed with -9 once per minute: the lost attempt to its end, the resumed one from its own start", async () => {
    const { owner, project, pool, gpuType } = await pricedPool();
    const first = await startAgent(lab, pool, gpuType);
    await price(pool, gpuType);
    const { id } = await submitJob({
      actorId: owner.id,
      projectSlug: project.slug,
      command: `if [ "$BENCHTOP_ATTEMPT" = 1 ]; then sleep 600; fi; echo "attempt $BENCHTOP_ATTEMPT done"`,
      gpus: 2,
      gpuType,
      pools: [pool],
      graceSeconds: 0,
    });
    await ranFor(id, 1, 150);
    // (At least: on a loaded machine the lease may lapse before the kill, which only ends the attempt sooner.)
    await until("minutes 0 and 1 of the first attempt to be charged", async () => (await db.ledgerEntry.count({ where: { jobId: id } })) >= 2);

    first.child.kill("SIGKILL");
    await startAgent(lab, pool, gpuType);
    const job = await waitForEnd(owner.id, id, 90_000);
    expect(job.state).toBe("succeeded");
    expect(job.attempts[0]!.state).toBe("lost");
    expect(job.attempts.at(-1)!.state).toBe("succeeded");

    const { nodes } = await expectWholeLedger(id, owner.id);
    expect(nodes).toHaveLength(job.attempts.length);
    // The lost attempt is charged until its lease was taken back: its 2:30 moved start plus the seconds to the loss.
    const lost = nodes.find((n) => n.attempt.number === 1)!;
    expect((lost.endedAt!.getTime() - lost.attempt.startedAt!.getTime()) / 1000).toBeGreaterThan(150);
  }, 120_000);

  it("charges every minute once across a restart of the agent's server and a second app instance's supervisor", async () => {
    // A restart shorter than a lab's lease: the agent keeps its job running through it.
    const fileLease = env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS;
    env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS = 15;
    onTestFinished(() => void (env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS = fileLease));
    const { owner, project, pool, gpuType } = await pricedPool();
    let server = await serveApis();
    const port = server.port;
    // A second app instance: its supervisor competes with the lab's for the leadership that meters.
    let second = startSupervisor({ tickMs: 200 });
    try {
      await startAgent({ ...lab, url: server.url }, pool, gpuType);
      await price(pool, gpuType);
      const { id } = await submitJob({ actorId: owner.id, projectSlug: project.slug, command: "sleep 12; echo done", gpus: 1, gpuType, pools: [pool] });
      await ranFor(id, 1, 150);
      await until("minutes 0 and 1 to be charged", async () => (await db.ledgerEntry.count({ where: { jobId: id } })) >= 2);

      // The agent's server and the second instance go down together and come back on the same port.
      await Promise.all([server.stop(), second.stop()]);
      await new Promise((r) => setTimeout(r, 2000));
      server = await serveApis(port);
      second = startSupervisor({ tickMs: 200 });

      const job = await waitForEnd(owner.id, id, 60_000);
      expect(job.state).toBe("succeeded");
      const { nodes, total } = await expectWholeLedger(id, owner.id);
      expect(nodes).toHaveLength(1);
      // `benchtop jobs` shows the same cost beside the job.
      const { token } = await createApiToken({ actorId: owner.id, name: "cli" });
      const listed = await run(process.execPath, [path.resolve("bin/benchtop.mjs"), "jobs", "-p", project.slug], {
        cwd: lab.dir,
        env: { PATH: process.env.PATH, HOME: lab.dir, BENCHTOP_URL: server.url, BENCHTOP_TOKEN: token },
      });
      expect(listed.stdout).toMatch(/\bCOST\b/);
      expect(listed.stdout.split("\n").find((l) => l.startsWith(id))).toContain(formatMoney({ amount: total.toFixed(2), currency: "USD" }));
    } finally {
      await Promise.all([server.stop(), second.stop()]);
    }
  }, 120_000);
});
