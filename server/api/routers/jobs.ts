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

const ZJobId = z.object({ jobId: z.string().min(1) });

export const jobsRouter = createTRPCRouter({
  list: authedProcedure
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
    .output(z.array(ZJobSummary))
    .query(({ ctx, input }) => listJobs({ actorId: ctx.actor.id, ...input })),

  get: authedProcedure.input(ZJobId).output(ZJobDetail).query(({ ctx, input }) => getJob({ actorId: ctx.actor.id, jobId: input.jobId })),

  /** Submit from the browser: on the project's files as stored (no snapshotId). Re-run: pass rerunOfId. */
  submit: authedProcedure
    .input(ZSubmitJobInput.extend({ rerunOfId: z.string().optional() }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => submitJob({ actorId: ctx.actor.id, ...input })),

  cancel: authedProcedure.input(ZJobId).output(z.object({ state: ZJobState })).mutation(({ ctx, input }) => cancelJob({ actorId: ctx.actor.id, jobId: input.jobId })),

  logs: authedProcedure
    .input(ZJobId.extend({ from: z.number().int().min(0), limit: z.number().int().min(1).max(50_000).default(5_000) }))
    .query(({ ctx, input }) => readLogLines({ actorId: ctx.actor.id, ...input })),

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
    .input(ZJobId.extend({ afterId: z.string().regex(/^\d+$/).optional() }))
    .query(({ ctx, input }) => readMetrics({ actorId: ctx.actor.id, jobId: input.jobId, afterId: input.afterId ? BigInt(input.afterId) : undefined })),

  artifacts: authedProcedure.input(ZJobId).query(({ ctx, input }) => listArtifacts({ actorId: ctx.actor.id, jobId: input.jobId })),

  /** The lab-wide queue page: capacity, and the jobs waiting and running in the caller's projects. */
  agents: authedProcedure.output(z.array(ZAgentView)).query(({ ctx }) => listAgents({ actorId: ctx.actor.id })),

  queue: authedProcedure.output(z.array(ZQueueEntry)).query(({ ctx }) => queueOverview({ actorId: ctx.actor.id })),
});
