import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken, ZApiToken, ZCreateApiTokenInput } from "../../tokens/api-tokens";
import { authedProcedure, createTRPCRouter } from "../trpc";

export const tokensRouter = createTRPCRouter({
  list: authedProcedure.output(z.array(ZApiToken)).query(({ ctx }) => listApiTokens({ actorId: ctx.actor.id })),

  create: authedProcedure
    .input(ZCreateApiTokenInput)
    .output(z.object({ token: z.string(), apiToken: ZApiToken }))
    .mutation(({ ctx, input }) => createApiToken({ actorId: ctx.actor.id, ...input })),

  revoke: authedProcedure
    .input(z.object({ tokenId: z.string() }))
    .output(ZApiToken)
    .mutation(({ ctx, input }) => revokeApiToken({ actorId: ctx.actor.id, tokenId: input.tokenId })),
});
