import { z } from "zod";
import { costsDashboard, SERIES_DIMENSIONS } from "../../costs/dashboard";
import { DIMENSIONS } from "../../costs/ledger-sums";
import { costsReport } from "../../costs/report";
import { ZMoney } from "../../queue/schemas";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZRangeQuery = {
  from: z.string().min(1).optional().meta({ description: "Start (YYYY-MM-DD at 00:00 UTC, or an ISO time); the first of this UTC month by default", example: "2026-12-01" }),
  to: z.string().min(1).optional().meta({ description: "End, exclusive (YYYY-MM-DD at 00:00 UTC, or an ISO time); the first of the next month by default", example: "2027-01-01" }),
  project: z.string().min(1).optional().meta({ description: "Only this project's spend (slug)", example: "demo" }),
};
export const ZCostsQuery = z.object({
  ...ZRangeQuery,
  groupBy: z.enum(DIMENSIONS).optional().meta({ description: "How to group the spend (default project)" }),
  person: z.string().min(1).optional().meta({ description: "Only this person's spend (email)" }),
  pool: z.string().min(1).optional().meta({ description: "Only this pool's spend (name)" }),
});
const ZDashboardQuery = z.object({ ...ZRangeQuery, by: z.enum(SERIES_DIMENSIONS).optional().meta({ description: "What the daily bars are stacked by (default project)" }) });

const ZGroup = z.object({
  key: z.string().meta({ description: "The id (project, person, pool, job), GPU type (\"\" for a CPU slot) or day (YYYY-MM-DD)" }),
  label: z.string(),
  href: z.string().nullable().meta({ description: "The group's page in the app, where it has one" }),
  amount: ZMoney,
  gpuHours: z.number().meta({ description: "GPU-hours (CPU slots count none), to 0.01 h" }),
  seeded: z.boolean().meta({ description: "Some of it is the demo's seeded history" }),
});
const ZTotal = z.object({ amount: ZMoney, gpuHours: z.number() });
export const ZCostsReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(DIMENSIONS),
  scope: z.enum(["lab", "own"]).meta({ description: "lab: everything (directors, admins); own: your own spend and your projects'" }),
  groups: z.array(ZGroup),
  omitted: z.number().int().meta({ description: "Groups left out past the first 1000 (by job); the total counts them" }),
  total: ZTotal,
  includesSeeded: z.boolean(),
});
const ZBurn = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  spent: ZMoney,
  forecast: ZMoney.meta({ description: "Spent plus the last 7 days' daily average for each day left" }),
  percent: z.number().int(),
  forecastPercent: z.number().int(),
  burn: z.array(z.object({ day: z.string(), actual: z.string().nullable(), forecast: z.string().nullable() })),
});
const ZBudgetLine = ZBurn.extend({ scope: z.enum(["lab", "project"]), project: z.string().nullable(), amount: ZMoney });
export const ZCostsDashboard = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(SERIES_DIMENSIONS),
  currency: z.string(),
  total: ZTotal,
  includesSeeded: z.boolean(),
  series: z.object({
    keys: z.array(z.object({ key: z.string(), label: z.string() })),
    days: z.array(z.object({ day: z.string(), values: z.record(z.string(), z.string()) })),
  }),
  groups: z.array(ZGroup),
  budgets: z.array(ZBudgetLine),
  month: ZBurn.extend({ budget: ZMoney.nullable() }).meta({ description: "This UTC month: spent, forecast to its end, the budget that covers it" }),
  pools: z
    .array(z.object({ pool: z.string(), gpus: z.number().int(), ownedGpuHours: z.number(), usedGpuHours: z.number(), idleShare: z.number() }))
    .nullable()
    .meta({ description: "The lab's own GPUs used vs owned per pool (directors, admins; null for others)" }),
  topJobs: z.array(ZGroup),
});

export const costsRouter = createTRPCRouter({
  report: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/costs",
        tag: "Costs",
        summary: "Spend over [from, to) grouped by project, person, pool, gpuType, day or job, with GPU-hours and a total (directors see the lab; others their own and their projects'); format=csv (or /costs.csv) gives it as CSV",
        query: ZCostsQuery.extend({ format: z.enum(["json", "csv"]).optional().meta({ description: "csv: the same report as text/csv, as GET /costs.csv answers it" }) }),
        input: ({ query }) => query,
      },
    })
    .input(ZCostsQuery)
    .output(ZCostsReport)
    .query(({ ctx, input }) => costsReport({ actorId: ctx.actor.id, from: input.from, to: input.to, groupBy: input.groupBy, projectSlug: input.project, person: input.person, pool: input.pool })),

  dashboard: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/costs/dashboard",
        tag: "Costs",
        summary: "The /costs page's data: daily spend stacked by project, person, pool or GPU type; budgets with forecasts; own GPUs used vs owned; the costliest jobs",
        query: ZDashboardQuery,
        input: ({ query }) => query,
      },
    })
    .input(ZDashboardQuery)
    .output(ZCostsDashboard)
    .query(({ ctx, input }) => costsDashboard({ actorId: ctx.actor.id, from: input.from, to: input.to, by: input.by, projectSlug: input.project })),
});
