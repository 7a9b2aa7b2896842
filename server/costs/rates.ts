// Rates: what an hour of one GPU (or one CPU slot) of a pool costs, from a date on. Rows are only
// ever added (a new price is a new row), so a minute is always charged at the rate of its time.
// This file is the read side every part of costs shares: the meter's SQL reads the same rule
// (the newest rate whose effectiveFrom is at or before the minute's start).
import { db, Prisma } from "../db/client";

export type RateView = {
  rateId: string;
  poolId: string;
  pool: string;
  /** null: one CPU slot of the pool. */
  gpuType: string | null;
  kind: "owned" | "on_demand" | "spot";
  hourly: Prisma.Decimal;
  effectiveFrom: Date;
  source: string;
};

/** The rate of every (pool, GPU type or CPU slot) in force at `at`. */
export async function ratesAt(at: Date = new Date()): Promise<RateView[]> {
  const rows = await db.$queryRaw<(Omit<RateView, "hourly"> & { hourly: string })[]>`
    SELECT DISTINCT ON (r."poolId", r."gpuType")
           r.id AS "rateId", r."poolId", p.name AS pool, r."gpuType", r.kind::text AS kind,
           r.hourly::text AS hourly, r."effectiveFrom", r.source
      FROM "Rate" r JOIN "Pool" p ON p.id = r."poolId"
     WHERE r."effectiveFrom" <= ${at}
     ORDER BY r."poolId", r."gpuType", r."effectiveFrom" DESC, r."createdAt" DESC`;
  return rows.map((r) => ({ ...r, hourly: new Prisma.Decimal(r.hourly) }));
}

/** The rate among `rates` for a GPU type (or, with null, a CPU slot) on a pool; undefined when it has none. */
export function rateFor(rates: RateView[], poolId: string, gpuType: string | null): RateView | undefined {
  return rates.find((r) => r.poolId === poolId && r.gpuType === gpuType);
}
