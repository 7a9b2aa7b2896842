// Ledger rows written directly, with the meter's semantics: one row per (node, minute), amount =
// hourly x gpus x seconds / 3600, startsAt in the minute it covers.
import { randomUUID } from "node:crypto";
import { db, Prisma } from "../../server/db/client";

export async function writeLedger(opts: { projectId: string; userId: string; startsAt: Date; minutes: number; hourly: string; gpus?: number }) {
  const node = randomUUID();
  const gpus = opts.gpus ?? 1;
  const rows = Array.from({ length: opts.minutes }, (_, k) => {
    const startsAt = new Date(opts.startsAt.getTime() + k * 60_000);
    return {
      attemptNodeId: node, minute: k, startsAt, endsAt: new Date(startsAt.getTime() + 60_000),
      jobId: `job-${node}`, attemptId: `att-${node}`, projectId: opts.projectId, userId: opts.userId,
      poolId: "pool-fixture", agentId: "agent-fixture", gpuType: "A100", gpus,
      hourly: new Prisma.Decimal(opts.hourly), amount: new Prisma.Decimal(opts.hourly).times(gpus).times(60).div(3600),
    };
  });
  await db.ledgerEntry.createMany({ data: rows });
}
