// Exact sums of the ledger over an instant range [from, to), grouped by up to two dimensions. Whole
// UTC days are read from the daily rollups (LedgerDay, or LedgerJobDay when grouping by job: a year is
// thousands of rows, not a million); only the partial days at the range's edges read LedgerEntry. Sums are numeric in SQL and stay Prisma.Decimal; rounding happens once, in
// money(), when an answer is shaped. A minute belongs to the day and range its startsAt falls in, as
// it does for budgets (server/costs/budgets.ts) and the rollups (server/queue/sql/meter.ts).
import { db, Prisma } from "../db/client";

export const DIMENSIONS = ["project", "person", "pool", "gpuType", "day", "job"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Who may be counted: the whole lab, or one person's own minutes plus their projects'. */
export type LedgerScope = { lab: true } | { lab: false; userId: string; projectIds: string[] };

export type LedgerFilter = { projectId?: string | null; userId?: string | null; poolId?: string | null };

export type LedgerSum = {
  /** One key per dimension asked for: an id, a GPU type ("" for a CPU slot) or a day (YYYY-MM-DD). */
  keys: string[];
  amount: Prisma.Decimal;
  /** GPU-seconds (CPU slots count none). */
  gpuSeconds: Prisma.Decimal;
  /** Some of it is seeded demo history. */
  seeded: boolean;
};

const DAY_KEY: Record<Dimension, string> = {
  project: `"projectId"`,
  person: `"userId"`,
  pool: `"poolId"`,
  gpuType: `"gpuType"`,
  day: `to_char(day, 'YYYY-MM-DD')`,
  job: `"jobId"`, // LedgerJobDay only
};
const ENTRY_KEY: Record<Dimension, string> = {
  project: `"projectId"`,
  person: `"userId"`,
  pool: `"poolId"`,
  gpuType: `COALESCE("gpuType", '')`,
  day: `to_char("startsAt"::date, 'YYYY-MM-DD')`,
  job: `"jobId"`,
};
const DAY_GPU_SECONDS = `CASE WHEN "gpuType" <> '' THEN seconds ELSE 0 END`;
const ENTRY_GPU_SECONDS = `CASE WHEN "gpuType" IS NOT NULL THEN gpus * EXTRACT(EPOCH FROM "endsAt" - "startsAt") ELSE 0 END`;

const DAY_MS = 86_400_000;
const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
const ceilDay = (d: Date) => new Date(Math.ceil(d.getTime() / DAY_MS) * DAY_MS);

function whereOf(scope: LedgerScope, f: LedgerFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (!scope.lab) parts.push(Prisma.sql`("userId" = ${scope.userId} OR "projectId" = ANY(${scope.projectIds}::text[]))`);
  if (f.projectId) parts.push(Prisma.sql`"projectId" = ${f.projectId}`);
  if (f.userId) parts.push(Prisma.sql`"userId" = ${f.userId}`);
  if (f.poolId) parts.push(Prisma.sql`"poolId" = ${f.poolId}`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * Sums of the ledger in [from, to) grouped by `dims` (none: one total row), largest first; `limit`
 * keeps the largest groups only.
 */
export async function sumLedger(args: { scope: LedgerScope; from: Date; to: Date; dims: Dimension[]; filter?: LedgerFilter; limit?: number }): Promise<LedgerSum[]> {
  const { scope, from, to, dims } = args;
  const where = whereOf(scope, args.filter ?? {});
  const columns = (map: Partial<Record<Dimension, string>>, gpuSeconds: string) =>
    Prisma.raw(dims.map((d, i) => `${map[d]} AS k${i}`).concat(["amount", `${gpuSeconds} AS gpu_seconds`, "seeded"]).join(", "));
  const dayStart = ceilDay(from);
  const dayEnd = floorDay(to);
  const entries = (a: Date, b: Date) =>
    Prisma.sql`SELECT ${columns(ENTRY_KEY, ENTRY_GPU_SECONDS)}
                 FROM "LedgerEntry" WHERE "startsAt" >= ${a} AND "startsAt" < ${b}${where}`;
  let rows: Prisma.Sql;
  if (dayStart >= dayEnd) {
    rows = entries(from, to);
  } else {
    const table = Prisma.raw(dims.includes("job") ? `"LedgerJobDay"` : `"LedgerDay"`);
    const days = Prisma.sql`SELECT ${columns(DAY_KEY, DAY_GPU_SECONDS)}
                              FROM ${table} WHERE day >= ${dayStart}::date AND day < ${dayEnd}::date${where}`;
    const parts = [days];
    if (from < dayStart) parts.push(entries(from, dayStart));
    if (dayEnd < to) parts.push(entries(dayEnd, to));
    rows = Prisma.join(parts, " UNION ALL ");
  }
  const keys = dims.map((_, i) => `k${i}`);
  const select = keys.map((k) => `${k}::text AS ${k}`).concat([`sum(amount)::text AS amount`, `sum(gpu_seconds)::text AS gpu_seconds`, `COALESCE(bool_or(seeded), false) AS seeded`]).join(", ");
  const groupBy = keys.length ? Prisma.raw(` GROUP BY ${keys.join(", ")}`) : Prisma.empty;
  const limit = args.limit ? Prisma.sql` LIMIT ${args.limit}` : Prisma.empty;
  const found = await db.$queryRaw<Record<string, string | boolean | null>[]>`
    SELECT ${Prisma.raw(select)} FROM (${rows}) r${groupBy}
     ORDER BY sum(amount) DESC NULLS LAST${Prisma.raw(keys.length ? `, ${keys.join(", ")}` : "")}${limit}`;
  return found
    .filter((r) => keys.length > 0 || r.amount !== null)
    .map((r) => ({
      keys: keys.map((k) => String(r[k] ?? "")),
      amount: new Prisma.Decimal((r.amount as string | null) ?? "0"),
      gpuSeconds: new Prisma.Decimal((r.gpu_seconds as string | null) ?? "0"),
      seeded: r.seeded === true,
    }));
}

/** The sum of everything in [from, to) (zero when nothing is there). */
export async function totalOf(args: { scope: LedgerScope; from: Date; to: Date; filter?: LedgerFilter }): Promise<LedgerSum> {
  const [row] = await sumLedger({ ...args, dims: [] });
  return row ?? { keys: [], amount: new Prisma.Decimal(0), gpuSeconds: new Prisma.Decimal(0), seeded: false };
}

/** GPU-seconds as GPU-hours, to 0.01 h. */
export const gpuHoursOf = (gpuSeconds: Prisma.Decimal) => gpuSeconds.div(3600).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP).toNumber();
