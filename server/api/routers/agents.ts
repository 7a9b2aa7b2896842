// The lab's capacity: agents (the machines that run jobs) and the pools they belong to. Lab
// admins and directors manage them; the list of agents is jobs.agents (everyone sees capacity).
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../errors";
import { createAgent, setAgentDraining, ZCreateAgentInput } from "../../queue/agents";
import { listPools, updatePool, ZPoolView, ZUpdatePoolInput } from "../../queue/pools";
import { isDirector } from "../../users/users";
import { authedProcedure, createTRPCRouter } from "../trpc";

function requireLabManager(actor: Actor, what = "agents") {
  if (!isDirector(actor.labRole)) throw new AppError("FORBIDDEN", `Only lab admins and directors manage ${what}.`);
}

const ZName = z.object({ name: z.string().min(1) });
const ZPools = z.array(ZPoolView);

export const agentsRouter = createTRPCRouter({
  create: authedProcedure
    .meta({
      rest: { method: "POST", path: "/agents", tag: "Agents", summary: "Create an agent (lab admins and directors); the response holds its token, shown once", body: ZCreateAgentInput, status: 201 },
    })
    .input(ZCreateAgentInput)
    .output(z.object({ name: z.string(), token: z.string() }))
    .mutation(async ({ ctx, input }) => {
      requireLabManager(ctx.actor);
      const { token } = await createAgent({ actorId: ctx.actor.id, ...input });
      return { name: input.name, token };
    }),

  setDraining: authedProcedure
    .meta({
      rest: [
        { method: "POST", path: "/agents/{name}/drain", tag: "Agents", summary: "Drain an agent: it finishes running work and takes no more", params: ZName, status: 204, input: ({ params }) => ({ ...params, draining: true }) },
        { method: "POST", path: "/agents/{name}/undrain", tag: "Agents", summary: "Let a drained agent take work again", params: ZName, status: 204, input: ({ params }) => ({ ...params, draining: false }) },
      ],
    })
    .input(ZName.extend({ draining: z.boolean() }))
    .output(z.void())
    .mutation(async ({ ctx, input }) => {
      requireLabManager(ctx.actor);
      await setAgentDraining({ actorId: ctx.actor.id, name: input.name, draining: input.draining });
    }),

  pools: createTRPCRouter({
    list: authedProcedure
      .meta({
        rest: {
          method: "GET",
          path: "/pools",
          tag: "Agents",
          summary: "The pools of capacity: their agents and whether their jobs reach the network",
          response: z.object({ pools: ZPools }),
          output: (pools: z.infer<typeof ZPools>) => ({ pools }),
        },
      })
      .output(ZPools)
      .query(() => listPools()),

    update: authedProcedure
      .meta({
        rest: {
          method: "PATCH",
          path: "/pools/{name}",
          tag: "Agents",
          summary: "Set whether a pool's jobs reach the network (lab admins and directors; audited; applies to jobs that start after)",
          params: ZName,
          body: ZUpdatePoolInput,
          response: z.object({ pool: ZPoolView }),
          output: (pool: z.infer<typeof ZPoolView>) => ({ pool }),
        },
      })
      .input(ZName.extend(ZUpdatePoolInput.shape))
      .output(ZPoolView)
      .mutation(({ ctx, input }) => {
        requireLabManager(ctx.actor, "pools");
        return updatePool({ actorId: ctx.actor.id, ...input });
      }),
  }),
});
