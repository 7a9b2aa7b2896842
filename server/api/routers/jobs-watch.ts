import { tracked } from "@trpc/server";
import { z } from "zod";
import { watchJob } from "../../queue/watch-job";
import { authedProcedure, createTRPCRouter } from "../trpc";

export const jobsWatchRouter = createTRPCRouter({
  /**
   * A job page's one live channel (server-sent events): the job, its new metric points, its
   * artifacts and its GPUs' readings, whenever they change; it ends after the job has ended, or
   * when the session that opened it does. Each event's id is the last metric point sent, so a
   * reconnecting client gets only the points it has not seen.
   */
  watch: authedProcedure
    .input(z.object({ jobId: z.string().min(1), lastEventId: z.string().regex(/^\d+$/).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const { lastMetricId, event } of watchJob({ actorId: ctx.actor.id, jobId: input.jobId, afterMetricId: input.lastEventId, signal })) {
        yield tracked(lastMetricId, event);
      }
    }),
});
