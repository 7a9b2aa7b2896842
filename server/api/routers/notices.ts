import { z } from "zod";
import { listNotices, markNoticesRead } from "../../notices/notices";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZNotice = z.object({
  id: z.string(),
  kind: z.string().meta({ description: "What it is about", example: "budget.threshold" }),
  text: z.string().meta({ example: "Project demo has spent $412.00 (82 %) of its $500.00 December budget" }),
  href: z.string().nullable().meta({ description: "The page it is about", example: "/projects/demo/settings" }),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
const ZListInput = z.object({ limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: "How many, newest first (20 by default)" }) });
const ZReadInput = z.object({ ids: z.array(z.string().min(1)).max(100).optional().meta({ description: "The notices to mark read; all of yours when omitted" }) });

export const noticesRouter = createTRPCRouter({
  list: authedProcedure
    .meta({ rest: { method: "GET", path: "/notices", tag: "Notices", summary: "Your notices, newest first, and how many are unread", query: ZListInput } })
    .input(ZListInput.optional())
    .output(z.object({ notices: z.array(ZNotice), unread: z.number().int() }))
    .query(({ ctx, input }) => listNotices({ actorId: ctx.actor.id, limit: input?.limit })),

  markRead: authedProcedure
    .meta({ rest: { method: "POST", path: "/notices/read", tag: "Notices", summary: "Mark your notices read (the given ones, or all)", body: ZReadInput } })
    .input(ZReadInput)
    .output(z.object({ marked: z.number().int() }))
    .mutation(({ ctx, input }) => markNoticesRead({ actorId: ctx.actor.id, ids: input.ids })),
});
