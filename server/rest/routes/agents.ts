import { z } from "zod";
import { AppError } from "../../errors";
import { createAgent, setAgentDraining, ZCreateAgentInput } from "../../queue/agents";
import { listAgents, ZAgentView } from "../../queue/list-agents";
import { listPools, updatePool, ZPoolView, ZUpdatePoolInput } from "../../queue/pools";
import { isDirector } from "../../users/users";
import { defineRoute } from "../define-route";
import type { Actor } from "../../auth/actor";

function requireLabManager(actor: Actor, what = "agents") {
  if (!isDirector(actor.labRole)) throw new AppError("FORBIDDEN", `Only lab admins and directors manage ${what}.`);
}

const ZName = z.object({ name: z.string().min(1) });

export const agentRoutes = [
  defineRoute({
    method: "GET",
    path: "/agents",
    tag: "Agents",
    summary: "The lab's agents and their GPUs, free and busy",
    response: z.object({ agents: z.array(ZAgentView) }),
    handler: async ({ actor }) => ({ agents: await listAgents({ actorId: actor.id }) }),
  }),
  defineRoute({
    method: "POST",
    path: "/agents",
    tag: "Agents",
    summary: "Create an agent (lab admins and directors); the response holds its token, shown once",
    body: ZCreateAgentInput,
    response: z.object({ name: z.string(), token: z.string() }),
    status: 201,
    handler: async ({ actor, body }) => {
      requireLabManager(actor);
      const { token } = await createAgent({ actorId: actor.id, ...body });
      return { name: body.name, token };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/agents/{name}/drain",
    tag: "Agents",
    summary: "Drain an agent: it finishes running work and takes no more",
    params: ZName,
    response: undefined,
    status: 204,
    handler: async ({ actor, params }) => {
      requireLabManager(actor);
      await setAgentDraining({ actorId: actor.id, name: params.name, draining: true });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/agents/{name}/undrain",
    tag: "Agents",
    summary: "Let a drained agent take work again",
    params: ZName,
    response: undefined,
    status: 204,
    handler: async ({ actor, params }) => {
      requireLabManager(actor);
      await setAgentDraining({ actorId: actor.id, name: params.name, draining: false });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/pools",
    tag: "Agents",
    summary: "The pools of capacity: their agents and whether their jobs reach the network",
    response: z.object({ pools: z.array(ZPoolView) }),
    handler: async () => ({ pools: await listPools() }),
  }),
  defineRoute({
    method: "PATCH",
    path: "/pools/{name}",
    tag: "Agents",
    summary: "Set whether a pool's jobs reach the network (lab admins and directors; audited; applies to jobs that start after)",
    params: ZName,
    body: ZUpdatePoolInput,
    response: z.object({ pool: ZPoolView }),
    handler: async ({ actor, params, body }) => {
      requireLabManager(actor, "pools");
      return { pool: await updatePool({ actorId: actor.id, name: params.name, ...body }) };
    },
  }),
];
