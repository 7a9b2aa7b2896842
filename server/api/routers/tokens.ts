import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken, ZApiToken, ZCreateApiTokenInput } from "../../tokens/api-tokens";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZApiTokenList = z.array(ZApiToken);
const ZCreated = z.object({ token: z.string(), apiToken: ZApiToken });

export const tokensRouter = createTRPCRouter({
  list: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/tokens",
        tag: "Account",
        summary: "List your API tokens (never their secret part)",
        response: z.object({ tokens: ZApiTokenList }),
        output: (tokens: z.infer<typeof ZApiTokenList>) => ({ tokens }),
      },
    })
    .output(ZApiTokenList)
    .query(({ ctx }) => listApiTokens({ actorId: ctx.actor.id })),

  create: authedProcedure
    .meta({ rest: { method: "POST", path: "/tokens", tag: "Account", summary: "Create an API token; the response is the only time the token is shown", body: ZCreateApiTokenInput, status: 201 } })
    .input(ZCreateApiTokenInput)
    .output(ZCreated)
    .mutation(({ ctx, input }) => createApiToken({ actorId: ctx.actor.id, ...input })),

  revoke: authedProcedure
    .meta({ rest: { method: "DELETE", path: "/tokens/{tokenId}", tag: "Account", summary: "Revoke an API token", params: z.object({ tokenId: z.string().min(1) }) } })
    .input(z.object({ tokenId: z.string() }))
    .output(ZApiToken)
    .mutation(({ ctx, input }) => revokeApiToken({ actorId: ctx.actor.id, tokenId: input.tokenId })),
});
