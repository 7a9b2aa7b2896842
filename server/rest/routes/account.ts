import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken, ZApiToken, ZCreateApiTokenInput } from "../../tokens/api-tokens";
import { ZUser } from "../../users/users";
import { defineRoute } from "../define-route";

export const accountRoutes = [
  defineRoute({
    method: "GET",
    path: "/me",
    tag: "Account",
    summary: "Who the token or session belongs to",
    response: ZUser.extend({ authenticatedBy: z.enum(["token", "session"]) }),
    handler: async ({ actor }) => {
      const { via, ...user } = actor;
      return { ...user, authenticatedBy: via };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/tokens",
    tag: "Account",
    summary: "List your API tokens (never their secret part)",
    response: z.object({ tokens: z.array(ZApiToken) }),
    handler: async ({ actor }) => ({ tokens: await listApiTokens({ actorId: actor.id }) }),
  }),
  defineRoute({
    method: "POST",
    path: "/tokens",
    tag: "Account",
    summary: "Create an API token; the response is the only time the token is shown",
    body: ZCreateApiTokenInput,
    response: z.object({ token: z.string(), apiToken: ZApiToken }),
    status: 201,
    handler: ({ actor, body }) => createApiToken({ actorId: actor.id, ...body }),
  }),
  defineRoute({
    method: "DELETE",
    path: "/tokens/{tokenId}",
    tag: "Account",
    summary: "Revoke an API token",
    params: z.object({ tokenId: z.string().min(1) }),
    response: ZApiToken,
    handler: ({ actor, params }) => revokeApiToken({ actorId: actor.id, tokenId: params.tokenId }),
  }),
];
