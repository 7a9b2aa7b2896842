import { z } from "zod";
import { approveJob } from "../../costs/approve";
import { getLabBudget, getProjectBudget, setLabBudget, setProjectBudget } from "../../costs/budgets";
import { estimateJob } from "../../costs/estimate";
import { ZMoney, ZSubmitJobInput } from "../../queue/schemas";
import { authedProcedure, createTRPCRouter } from "../trpc";

export const ZBudget = z.object({
  scope: z.enum(["lab", "project"]),
  project: z.string().nullable(),
  amount: ZMoney,
  period: z.enum(["month", "until"]),
  periodStart: z.string(),
  periodEnd: z.string(),
  thresholds: z.array(z.number().int()),
  policy: z.enum(["warn", "hold", "stop"]),
  spent: ZMoney,
  left: ZMoney,
  percent: z.number().int(),
});
const ZBudgetOut = z.object({ budget: ZBudget.nullable() });
const ZProjectParams = z.object({ projectSlug: z.string().min(1).meta({ description: "The project's slug", example: "demo" }) });
export const ZBudgetInput = z.object({
  amount: z.string().min(1).meta({ description: "The budget, in the lab's currency", example: "400" }),
  until: z.string().nullish().meta({ description: "Last day (YYYY-MM-DD) of a fixed-span budget; omit for a monthly budget", example: "2027-06-30" }),
  startsAt: z.string().nullish().meta({ description: "First day (YYYY-MM-DD) of a fixed-span budget; today by default" }),
  thresholds: z.array(z.number().int()).optional().meta({ description: "Percentages at which owners and directors are told, once per period", example: [50, 80, 100] }),
  policy: z.enum(["warn", "hold", "stop"]).optional().meta({ description: "At 100 %: warn only, hold new jobs, or also stop running ones" }),
});

export const ZJobEstimate = z.object({
  worstCase: ZMoney.nullable().meta({ description: "The most it can cost: nodes x GPUs x the highest rate among the pools it may use x its max runtime; null when none of them has a rate" }),
  pool: z.string().nullable(),
  gpuType: z.string().nullable().meta({ description: "The GPU type the worst case is priced at; null for CPU slots" }),
  maxRuntimeSeconds: z.number().int(),
  expected: ZMoney.nullable().meta({ description: "From the median run time of your last (up to 10) succeeded runs of this command in the project; null when there are none" }),
  runs: z.number().int(),
  heldReason: z.string().nullable().meta({ description: "Why a budget would hold it at submit; null when it would run" }),
  sentence: z.string().meta({ example: "at most $4.20 on lab A100 (4 h max); expected ~$1.10 from your last 6 runs of this command" }),
  startsAt: z.date().nullable().meta({ description: "When it would start if submitted now (a dry pass of the scheduler over the queue as it is); null when no estimate can be made" }),
  start: z.string().meta({ description: "The start in words", example: "starts in ~40m 00s" }),
});

export const budgetsRouter = createTRPCRouter({
  estimateJob: authedProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/projects/{projectSlug}/jobs/estimate",
        tag: "Costs",
        summary: "What a job would cost, at most and as expected, and whether a budget would hold it; submits nothing (the body is the submit's)",
        params: ZProjectParams,
        body: ZSubmitJobInput.partial({ projectSlug: true }),
        input: (req) => ({ ...(req.body as object), projectSlug: req.params.projectSlug }),
      },
    })
    .input(ZSubmitJobInput)
    .output(ZJobEstimate)
    .query(({ ctx, input }) => estimateJob({ actorId: ctx.actor.id, ...input })),

  project: authedProcedure
    .meta({ rest: { method: "GET", path: "/projects/{projectSlug}/budget", tag: "Costs", summary: "A project's budget with what it spent and has left this period (null when it has none)", params: ZProjectParams } })
    .input(ZProjectParams)
    .output(ZBudgetOut)
    .query(async ({ ctx, input }) => ({ budget: await getProjectBudget({ actorId: ctx.actor.id, projectSlug: input.projectSlug }) })),

  setProject: authedProcedure
    .meta({ rest: { method: "PUT", path: "/projects/{projectSlug}/budget", tag: "Costs", summary: "Set a project's budget (owners, directors)", params: ZProjectParams, body: ZBudgetInput } })
    .input(ZProjectParams.extend(ZBudgetInput.shape))
    .output(ZBudgetOut)
    .mutation(async ({ ctx, input }) => ({ budget: await setProjectBudget({ actorId: ctx.actor.id, ...input }) })),

  lab: authedProcedure
    .meta({ rest: { method: "GET", path: "/budget", tag: "Costs", summary: "The lab's budget (directors, admins)" } })
    .output(ZBudgetOut)
    .query(async ({ ctx }) => ({ budget: await getLabBudget({ actorId: ctx.actor.id }) })),

  setLab: authedProcedure
    .meta({ rest: { method: "PUT", path: "/budget", tag: "Costs", summary: "Set the lab's budget (directors, admins)", body: ZBudgetInput } })
    .input(ZBudgetInput)
    .output(ZBudgetOut)
    .mutation(async ({ ctx, input }) => ({ budget: await setLabBudget({ actorId: ctx.actor.id, ...input }) })),

  approveJob: authedProcedure
    .meta({ rest: { method: "POST", path: "/jobs/{jobId}/approve", tag: "Costs", summary: "Approve a job held by its budget (owners, directors); it then runs", params: z.object({ jobId: z.string().min(1) }) } })
    .input(z.object({ jobId: z.string().min(1) }))
    .output(z.object({ id: z.string(), heldReason: z.string().nullable(), approvedAt: z.date().nullable() }))
    .mutation(({ ctx, input }) => approveJob({ actorId: ctx.actor.id, jobId: input.jobId })),
});
