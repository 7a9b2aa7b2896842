import { z } from "zod";
import { listFiles, ZFileEntry } from "../../files/list-files";
import { createTRPCRouter, projectProcedure } from "../trpc";

export const filesRouter = createTRPCRouter({
  list: projectProcedure("viewer")
    .output(z.array(ZFileEntry))
    .query(({ ctx, input }) => listFiles({ actorId: ctx.actor.id, projectSlug: input.projectSlug })),
});
