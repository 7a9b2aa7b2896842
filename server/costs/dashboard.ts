// The director's dashboard (/costs): spend per day stacked by one dimension, budgets against what
// they spent with a forecast to their period's end, the lab's own GPUs used against owned, and the
// costliest jobs. Every figure comes from the same exact ledger sums as the report (ledger-sums.ts).
import { db, Prisma } from "../db/client";
import { budgetPeriod } from "./budgets";
import { gpuHoursOf, sumLedger, totalOf, type Dimension, type LedgerFilter, type LedgerScope, type LedgerSum } from "./ledger-sums";
import { labCurrency, money, type Money } from "./money";
import { filterOf, labelsOf, rangeOf, scopeOf, type CostsGroup, type CostsReport } from "./report";

export const SERIES_DIMENSIONS = ["project", "person", "pool", "gpuType"] as const;
export type SeriesDimension = (typeof SERIES_DIMENSIONS)[number];
const SERIES_KEYS = 8;
const DAY_MS = 86_400_000;

export type BudgetLine = {
  scope: "lab" | "project";
  project: string | null;
  amount: Money;
  periodStart: string;
  periodEnd: string;
  spent: Money;
  /** Spent plus the daily average of the last 7 whole UTC days and today so far (or the period so far, if shorter) for every day left. */
  forecast: Money;
  percent: number;
  forecastPercent: number;
  /** Cumulative spend at the end of each day of the period so far, then the forecast's line to the end. */
  burn: { day: string; actual: string | null; forecast: string | null }[];
};

export type PoolUse = { pool: string; gpus: number; ownedGpuHours: number; usedGpuHours: number; idleShare: number };

export type CostsDashboard = {
  from: string;
  to: string;
  by: SeriesDimension;
  currency: string;
  total: CostsReport["total"];
  includesSeeded: boolean;
  /** Per day, the amount (a decimal string) of each of the largest keys; the rest as "other". */
  series: { keys: { key: string; label: string }[]; days: { day: string; values: Record<string, string> }[] };
  groups: CostsGroup[];
  budgets: BudgetLine[];
  /** This UTC month for the page's scope and project: spent, forecast, and the budget that covers it (if any). */
  month: Omit<BudgetLine, "scope" | "project" | "amount"> & { budget: Money | null };
  pools: PoolUse[] | null;
  topJobs: CostsGroup[];
};

/** The forecast rule, in words (the page says it). */
export const FORECAST_RULE = "Forecast: what is spent so far plus the average daily spend of the last 7 days (and today so far) for each day left in the period.";

/** Spend, forecast and the daily burn of one scope over one period; `amount` null when it has no budget. */
async function burnLine(scope: LedgerScope, filter: LedgerFilter, period: { start: Date; end: Date }, amount: Prisma.Decimal | null, currency: string, now: Date) {
  const { start, end } = period;
  const until = now < end ? (now > start ? now : start) : end;
  // The last 7 days: the 7 whole UTC days before today and today so far (within the period), so the
  // average comes from the same day sums as the burn line, with no query of its own.
  const windowStart = new Date(Math.max(start.getTime(), Math.floor(until.getTime() / DAY_MS) * DAY_MS - 7 * DAY_MS));
  const windowDays = (until.getTime() - windowStart.getTime()) / DAY_MS;
  const days = await sumLedger({ scope, from: start, to: until > start ? until : end, dims: ["day"], filter });
  const byDay = new Map(days.map((r) => [r.keys[0]!, r.amount]));
  const spent = [...byDay.values()].reduce((a, b) => a.plus(b), new Prisma.Decimal(0));
  const firstDay = windowStart.toISOString().slice(0, 10);
  const recent = days.filter((r) => r.keys[0]! >= firstDay).reduce((a, r) => a.plus(r.amount), new Prisma.Decimal(0));
  const perDay = windowDays > 0 ? recent.div(windowDays) : new Prisma.Decimal(0);
  const daysLeft = Math.max(0, (end.getTime() - until.getTime()) / DAY_MS);
  const forecast = spent.plus(perDay.times(daysLeft));
  const pct = (d: Prisma.Decimal) => (!amount || amount.isZero() ? 0 : d.div(amount).times(100).floor().toNumber());
  const burn: BudgetLine["burn"] = [];
  let running = new Prisma.Decimal(0);
  for (let t = start.getTime(); t < end.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const dayEnd = t + DAY_MS;
    if (t < until.getTime()) {
      running = running.plus(byDay.get(day) ?? 0);
      burn.push({ day, actual: running.toFixed(2), forecast: dayEnd >= until.getTime() && daysLeft > 0 ? running.toFixed(2) : null });
    } else {
      burn.push({ day, actual: null, forecast: spent.plus(perDay.times((Math.min(dayEnd, end.getTime()) - until.getTime()) / DAY_MS)).toFixed(2) });
    }
  }
  return {
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
    spent: money(spent, currency),
    forecast: money(forecast, currency),
    percent: pct(spent),
    forecastPercent: pct(forecast),
    burn,
  };
}

async function budgetLine(row: { amount: Prisma.Decimal; startsAt: Date | null; endsAt: Date | null; projectId: string | null }, slug: string | null, currency: string, now: Date): Promise<BudgetLine> {
  const amount = new Prisma.Decimal(row.amount);
  // A budget counts every minute of its scope, whoever reads it (server/costs/budgets.ts).
  const line = await burnLine({ lab: true }, { projectId: row.projectId }, budgetPeriod(row, now), amount, currency, now);
  return { scope: row.projectId ? "project" : "lab", project: slug, amount: money(amount, currency), ...line };
}

/** The lab's budget (directors) and the budgets of the projects the caller may see, the filtered project's first. */
async function budgetsFor(scope: LedgerScope, projectId: string | null | undefined, currency: string, now: Date): Promise<BudgetLine[]> {
  const rows = await db.budget.findMany({
    where: scope.lab ? (projectId ? { projectId } : {}) : { projectId: { in: projectId ? [projectId] : scope.projectIds } },
    select: { amount: true, startsAt: true, endsAt: true, projectId: true, project: { select: { slug: true } } },
  });
  const lines = await Promise.all(rows.map((r) => budgetLine(r, r.project?.slug ?? null, currency, now)));
  return lines.sort((a, b) => (a.scope === b.scope ? (a.project ?? "").localeCompare(b.project ?? "") : a.scope === "lab" ? -1 : 1));
}

/** The lab's own GPUs (agents pools): owned = registered agents' GPUs x hours of the range so far; used = metered GPU-hours. */
async function poolUse(from: Date, to: Date, now: Date): Promise<PoolUse[]> {
  const until = to < now ? to : now;
  const hours = Math.max(0, (until.getTime() - from.getTime()) / 3_600_000);
  const owned = await db.$queryRaw<{ poolId: string; pool: string; gpus: number }[]>`
    SELECT p.id AS "poolId", p.name AS pool, COALESCE(sum(jsonb_array_length(a.gpus)), 0)::int AS gpus
      FROM "Pool" p JOIN "Agent" a ON a."poolId" = p.id AND a."registeredAt" IS NOT NULL
     WHERE p.kind = 'agents' GROUP BY p.id, p.name HAVING COALESCE(sum(jsonb_array_length(a.gpus)), 0) > 0 ORDER BY p.name`;
  if (owned.length === 0) return [];
  const used = new Map((await sumLedger({ scope: { lab: true }, from, to: until > from ? until : to, dims: ["pool"] })).map((r) => [r.keys[0]!, r.gpuSeconds]));
  return owned.map((p) => {
    const ownedGpuHours = Math.round(p.gpus * hours * 100) / 100;
    const usedGpuHours = gpuHoursOf(used.get(p.poolId) ?? new Prisma.Decimal(0));
    return { pool: p.pool, gpus: p.gpus, ownedGpuHours, usedGpuHours, idleShare: ownedGpuHours > 0 ? Math.max(0, Math.round((1 - usedGpuHours / ownedGpuHours) * 1000) / 1000) : 0 };
  });
}

async function groupsOf(dim: Dimension, rows: LedgerSum[], currency: string): Promise<CostsGroup[]> {
  const labels = await labelsOf(dim, rows.map((r) => r.keys[0]!));
  return rows.map((r) => ({ key: r.keys[0]!, ...labels.get(r.keys[0]!)!, amount: money(r.amount, currency), gpuHours: gpuHoursOf(r.gpuSeconds), seeded: r.seeded }));
}

export async function costsDashboard(q: { actorId: string; from?: string | null; to?: string | null; by?: SeriesDimension; projectSlug?: string | null; now?: Date }): Promise<CostsDashboard> {
  const now = q.now ?? new Date();
  const scope = await scopeOf(q.actorId);
  const { from, to } = rangeOf(q.from, q.to, now);
  const filter = await filterOf(scope, q);
  const by = q.by ?? "project";
  const currency = await labCurrency();
  const thisMonth = budgetPeriod({ startsAt: null, endsAt: null }, now);
  const [groupRows, total, cells, jobRows, budgets, pools, monthLine] = await Promise.all([
    sumLedger({ scope, from, to, dims: [by], filter }),
    totalOf({ scope, from, to, filter }),
    sumLedger({ scope, from, to, dims: ["day", by], filter }),
    sumLedger({ scope, from, to, dims: ["job"], filter, limit: 10 }),
    budgetsFor(scope, filter.projectId, currency, now),
    scope.lab ? poolUse(from, to, now) : Promise.resolve(null),
    burnLine(scope, filter, thisMonth, null, currency, now),
  ]);
  // The budget that covers this month for the page's scope: the project's, or the lab's (monthly ones only).
  const monthBudget = budgets.find((b) => (filter.projectId ? b.project === filter.projectSlug : b.scope === "lab") && b.periodEnd === thisMonth.end.toISOString());
  const pctOf = (m: Money) => (monthBudget && Number(monthBudget.amount.amount) > 0 ? new Prisma.Decimal(m.amount).div(monthBudget.amount.amount).times(100).floor().toNumber() : 0);
  const month = { ...monthLine, percent: pctOf(monthLine.spent), forecastPercent: pctOf(monthLine.forecast), budget: monthBudget?.amount ?? null };
  const groups = await groupsOf(by, groupRows, currency);
  const topJobs = await groupsOf("job", jobRows, currency);
  const top = groups.slice(0, SERIES_KEYS).map((g) => g.key);
  const keys = groups.slice(0, SERIES_KEYS).map((g) => ({ key: g.key, label: g.label }));
  if (groups.length > SERIES_KEYS) keys.push({ key: "other", label: "Other" });
  const days = new Map<string, Map<string, Prisma.Decimal>>();
  for (let t = from.getTime() - (from.getTime() % DAY_MS); t < to.getTime(); t += DAY_MS) days.set(new Date(t).toISOString().slice(0, 10), new Map());
  for (const c of cells) {
    const [day, key] = c.keys as [string, string];
    const slot = top.includes(key) ? key : "other";
    const m = days.get(day) ?? new Map<string, Prisma.Decimal>();
    m.set(slot, (m.get(slot) ?? new Prisma.Decimal(0)).plus(c.amount));
    days.set(day, m);
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    by,
    currency,
    total: { amount: money(total.amount, currency), gpuHours: gpuHoursOf(total.gpuSeconds) },
    includesSeeded: total.seeded,
    series: {
      keys,
      days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, m]) => ({ day, values: Object.fromEntries([...m].map(([k, v]) => [k, v.toFixed(2)])) })),
    },
    groups,
    budgets,
    month,
    pools,
    topJobs,
  };
}

export type OwnSpend = { spent: Money; gpuHours: number; includesSeeded: boolean; budgets: Omit<BudgetLine, "burn">[] };

/** For the home dashboard: what the caller's own jobs cost this UTC month, and their projects' budgets. */
export async function ownSpend(args: { actorId: string; now?: Date }): Promise<OwnSpend> {
  const now = args.now ?? new Date();
  const scope = await scopeOf(args.actorId);
  const { start, end } = budgetPeriod({ startsAt: null, endsAt: null }, now);
  const memberOf = (await db.member.findMany({ where: { userId: args.actorId }, select: { projectId: true } })).map((m) => m.projectId);
  const currency = await labCurrency();
  const [mine, budgets] = await Promise.all([
    totalOf({ scope, from: start, to: end, filter: { userId: args.actorId } }),
    budgetsFor({ lab: false, userId: args.actorId, projectIds: memberOf }, null, currency, now),
  ]);
  return { spent: money(mine.amount, currency), gpuHours: gpuHoursOf(mine.gpuSeconds), includesSeeded: mine.seeded, budgets: budgets.map(({ burn: _burn, ...b }) => b) };
}
