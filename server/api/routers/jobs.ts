import { tracked } from "@trpc/server";
import { z } from "zod";
import { FINAL_STATES, ZJobDetail, ZJobState, ZJobSummary, ZSubmitJobInput } from "../../queue/schemas";
import { cancelJob } from "../../queue/cancel-job";
import { listAgents, ZAgentView } from "../../queue/list-agents";
import { CHANNEL, notifications } from "../../queue/notify";
import { queueOverview, ZQueueEntry } from "../../queue/queue-overview";
import { getJob, listArtifacts, listJobs, readLogLines, readMetrics } from "../../queue/read-jobs";
import { submitJob } from "../../queue/submit-job";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZHeldReason = z.string().nullable().meta({ description: "Why a budget holds it until an owner or director approves it; null when it is queued to run" });
const ZJobId = z.object({ jobId: z.string().min(1) });
const ZJobParams = z.object({ jobId: z.string().min(1).meta({ description: "The job's id" }) });
const intQuery = (max: number, min = 0) => z.coerce.number().int().min(min).max(max);
/** ?state=queued,running: each one a state, and an error names the field `state`. */
const ZStatesQuery = z
  .string()
  .transform((v, ctx) => {
    const states = v.split(",").map((s) => s.trim());
    const unknown = states.filter((s) => !ZJobState.safeParse(s).success);
    if (unknown.length) ctx.addIssue({ code: "custom", message: `must be states among ${ZJobState.options.join(", ")} (not ${unknown.map((s) => `"${s}"`).join(", ")})` });
    return states as z.infer<typeof ZJobState>[];
  })
  .meta({ description: "Comma-separated states, e.g. queued,running" });
const ZJobSummaries = z.array(ZJobSummary);
const ZLogLines = z.object({
  lines: z.array(z.object({ n: z.number().int(), attempt: z.number().int(), node: z.number().int(), text: z.string() })),
  total: z.number().int(),
  state: ZJobState,
  next: z.number().int(),
});
const ZMetricPoints = z.array(z.object({ id: z.string(), key: z.string(), step: z.number().int().nullable(), value: z.number(), at: z.date(), attemptNumber: z.number().int() }));
const ZArtifacts = z.array(z.object({ path: z.string(), sizeBytes: z.number(), sha256: z.string(), attemptNumber: z.number().int() }));
const ZAgentViews = z.array(ZAgentView);

export const jobsRouter = createTRPCRouter({
  list: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/jobs",
        tag: "Jobs",
        summary: "List jobs in your projects, newest first; pass the last job's id as before for the next page",
        query: z.object({
          project: z.string().optional().meta({ description: "Only this project's jobs (slug)" }),
          state: ZStatesQuery.optional(),
          mine: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
          limit: intQuery(500, 1).optional(),
          before: z.string().min(1).optional().meta({ description: "The last job id of the previous page" }),
        }),
        input: ({ query }) => ({ projectSlug: query.project, states: query.state, mine: query.mine, limit: query.limit, before: query.before }),
        response: z.object({ jobs: ZJobSummaries }),
        output: (jobs: z.infer<typeof ZJobSummaries>) => ({ jobs }),
      },
    })
    .input(
      z.object({
        projectSlug: z.string().optional(),
        states: z.array(ZJobState).optional(),
        mine: z.boolean().optional(),
        limit: z.number().int().min(1).max(500).default(50),
        /** The last job id of the previous page. */
        before: z.string().optional(),
      }),
    )
    .output(ZJobSummaries)
    .query(({ ctx, input }) => listJobs({ actorId: ctx.actor.id, ...input })),

  get: authedProcedure
    .meta({ rest: { method: "GET", path: "/jobs/{jobId}", tag: "Jobs", summary: "A job: its state and why, attempts, where it ran", params: ZJobParams } })
    .input(ZJobId).output(ZJobDetail).query(({ ctx, input }) => getJob({ actorId: ctx.actor.id, jobId: input.jobId })),

  /** Submit from the browser: on the project's files as stored (no snapshotId). Re-run: pass rerunOfId. */
  submit: authedProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/jobs",
        tag: "Jobs",
        summary: "Submit a job (editors and owners of the project)",
        body: ZSubmitJobInput,
        status: 201,
        response: z.object({ id: z.string(), url: z.string(), heldReason: ZHeldReason }),
        output: ({ id, heldReason }: { id: string; heldReason: string | null }, { baseUrl }) => ({ id, url: `${baseUrl}/jobs/${id}`, heldReason }),
      },
    })
    .input(ZSubmitJobInput.extend({ rerunOfId: z.string().optional() }))
    .output(z.object({ id: z.string(), heldReason: ZHeldReason }))
    .mutation(({ ctx, input }) => submitJob({ actorId: ctx.actor.id, ...input })),

  cancel: authedProcedure
    .meta({ rest: { method: "POST", path: "/jobs/{jobId}/cancel", tag: "Jobs", summary: "Cancel a job in any state (its submitter, editors, owners)", params: ZJobParams } })
    .input(ZJobId).output(z.object({ state: ZJobState })).mutation(({ ctx, input }) => cancelJob({ actorId: ctx.actor.id, jobId: input.jobId })),

  /** Log lines from `from` on; with waitMs, waits for new lines (long poll) until the job ends. */
  logs: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/jobs/{jobId}/logs",
        tag: "Jobs",
        summary: "Log lines from `from` on; with waitMs, waits for new lines (long poll) until the job ends",
        params: ZJobParams,
        query: z.object({ from: intQuery(1e9).default(0), limit: intQuery(50_000, 1).default(10_000), waitMs: intQuery(60_000).default(0) }),
      },
    })
    .input(ZJobId.extend({ from: z.number().int().min(0), limit: z.number().int().min(1).max(50_000).default(5_000), waitMs: z.number().int().min(0).max(60_000).default(0) }))
    .output(ZLogLines)
    .query(async ({ ctx, input, signal }) => {
      const deadline = Date.now() + input.waitMs;
      for (;;) {
        const job = await getJob({ actorId: ctx.actor.id, jobId: input.jobId });
        const { lines, total } = await readLogLines({ actorId: ctx.actor.id, jobId: input.jobId, from: input.from, limit: input.limit });
        const final = FINAL_STATES.includes(job.state);
        if (lines.length > 0 || final || Date.now() >= deadline || signal?.aborted) {
          return { lines, total, state: job.state, next: lines.length ? lines[lines.length - 1]!.n + 1 : input.from };
        }
        await notifications.wait(CHANNEL.job, input.jobId, Math.min(5_000, deadline - Date.now()), signal);
      }
    }),

  /**
   * Live log lines from `from` on, as they arrive (server-sent events). Each event is a batch;
   * its id is the next line number, so a reconnecting client resumes without gaps or repeats.
   */
  logStream: authedProcedure.input(ZJobId.extend({ from: z.number().int().min(0), lastEventId: z.string().nullish() })).subscription(async function* ({ ctx, input, signal }) {
    let from = input.lastEventId ? Number(input.lastEventId) : input.from;
    for (;;) {
      if (signal?.aborted) return;
      const { lines, total } = await readLogLines({ actorId: ctx.actor.id, jobId: input.jobId, from, limit: 20_000 });
      if (lines.length) {
        from = lines[lines.length - 1]!.n + 1;
        yield tracked(String(from), { lines, total });
        continue;
      }
      const job = await getJob({ actorId: ctx.actor.id, jobId: input.jobId });
      if (FINAL_STATES.includes(job.state) && from >= job.logLineCount) return;
      await notifications.wait(CHANNEL.job, input.jobId, 10_000, signal);
    }
  }),

  /** Metric points in arrival order; with afterId, only those that arrived since (for live charts). */
  metrics: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/jobs/{jobId}/metrics",
        tag: "Jobs",
        summary: "Metric points the job reported (::metric lines)",
        params: ZJobParams,
        response: z.object({ points: ZMetricPoints }),
        output: (points: z.infer<typeof ZMetricPoints>) => ({ points }),
      },
    })
    .input(ZJobId.extend({ afterId: z.string().regex(/^\d+$/).optional() }))
    .query(({ ctx, input }) => readMetrics({ actorId: ctx.actor.id, jobId: input.jobId, afterId: input.afterId ? BigInt(input.afterId) : undefined })),

  artifacts: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/jobs/{jobId}/artifacts",
        tag: "Jobs",
        summary: "Files the job left in BENCHTOP_OUTPUT_DIR (download each at /jobs/{jobId}/artifacts/download?path=...)",
        params: ZJobParams,
        response: z.object({ artifacts: ZArtifacts }),
        output: (artifacts: z.infer<typeof ZArtifacts>) => ({ artifacts }),
      },
    })
    .input(ZJobId)
    .query(({ ctx, input }) => listArtifacts({ actorId: ctx.actor.id, jobId: input.jobId })),

  /** The lab-wide queue page: capacity, and the jobs waiting and running in the caller's projects. */
  agents: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/agents",
        tag: "Agents",
        summary: "The lab's agents and their GPUs, free and busy",
        response: z.object({ agents: ZAgentViews }),
        output: (agents: z.infer<typeof ZAgentViews>) => ({ agents }),
      },
    })
    .output(ZAgentViews)
    .query(({ ctx }) => listAgents({ actorId: ctx.actor.id })),

  queue: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/queue",
        tag: "Jobs",
        summary: "The jobs waiting and running in your projects, with their places and estimates",
        response: z.object({ queue: z.array(ZQueueEntry) }),
        output: (queue: z.infer<typeof ZQueueEntry>[]) => ({ queue }),
      },
    })
    .output(z.array(ZQueueEntry))
    .query(({ ctx }) => queueOverview({ actorId: ctx.actor.id })),
});
