// Ledger rows written directly, with the meter's semantics: one row per (node, minute), amount =
// hourly x gpus (1 for a CPU slot) x seconds / 3600, startsAt in the minute it covers; the ledger's
// trigger adds them to the daily rollups, as for the meter's own inserts.
import { randomUUID } from "node:crypto";
import { db, Prisma } from "../../server/db/client";

export async function writeLedger(opts: {
  projectId: string;
  userId: string;
  startsAt: Date;
  minutes: number;
  hourly: string;
  gpus?: number;
  /** null: a CPU slot. Default "A100". */
  gpuType?: string | null;
  poolId?: string;
  jobId?: string;
  seeded?: boolean;
}): Promise<{ jobId: string; attemptNodeId: string }> {
  const node = randomUUID();
  const gpuType = opts.gpuType === undefined ? "A100" : opts.gpuType;
  const gpus = gpuType === null ? 0 : (opts.gpus ?? 1);
  const jobId = opts.jobId ?? `job-${node}`;
  const rows = Array.from({ length: opts.minutes }, (_, k) => {
    const startsAt = new Date(opts.startsAt.getTime() + k * 60_000);
    return {
      attemptNodeId: node, minute: k, startsAt, endsAt: new Date(startsAt.getTime() + 60_000),
      jobId, attemptId: `att-${node}`, projectId: opts.projectId, userId: opts.userId,
      poolId: opts.poolId ?? "pool-fixture", agentId: "agent-fixture", gpuType, gpus, seeded: opts.seeded ?? false,
      hourly: new Prisma.Decimal(opts.hourly), amount: new Prisma.Decimal(opts.hourly).times(Math.max(gpus, 1)).times(60).div(3600).toDecimalPlaces(6),
    };
  });
  await db.ledgerEntry.createMany({ data: rows });
  return { jobId, attemptNodeId: node };
}
