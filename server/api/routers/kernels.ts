import { tracked } from "@trpc/server";
import { z } from "zod";
import {
  ZEventsInput,
  ZExecuteInput,
  ZExecuteOutput,
  ZInputInput,
  ZKernelId,
  ZKernelSpec,
  ZKernelStateOutput,
  ZKernelView,
  ZStartKernelInput,
  ZStartKernelOutput,
} from "../../kernels/events";
import { listKernelSpecs, myKernels, requireKernelAccess, shutdownKernel, startKernel } from "../../kernels/registry";
import { authedProcedure, createTRPCRouter } from "../trpc";

export const kernelsRouter = createTRPCRouter({
  specs: authedProcedure.output(z.array(ZKernelSpec)).query(() => listKernelSpecs()),

  /** The caller's kernel for a notebook, started on demand (editors and owners). */
  start: authedProcedure
    .input(ZStartKernelInput)
    .output(ZStartKernelOutput)
    .mutation(({ ctx, input }) => startKernel({ actorId: ctx.actor.id, ...input })),

  execute: authedProcedure
    .input(ZExecuteInput)
    .output(ZExecuteOutput)
    .mutation(async ({ ctx, input }) => {
      const kernel = await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId });
      return { msgId: await kernel.execute(input.code, input.cellId) };
    }),

  input: authedProcedure
    .input(ZInputInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await (await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId })).input(input.value);
      return { ok: true as const };
    }),

  interrupt: authedProcedure
    .input(ZKernelId)
    .output(ZKernelStateOutput)
    .mutation(async ({ ctx, input }) => {
      const kernel = await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId });
      await kernel.interrupt();
      return { state: kernel.state };
    }),

  restart: authedProcedure
    .input(ZKernelId)
    .output(ZKernelStateOutput)
    .mutation(async ({ ctx, input }) => {
      const kernel = await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId });
      await kernel.restart("Restarted on request; its variables are gone.");
      return { state: kernel.state };
    }),

  shutdown: authedProcedure
    .input(ZKernelId)
    .output(ZKernelStateOutput)
    .mutation(async ({ ctx, input }) => {
      await shutdownKernel({ actorId: ctx.actor.id, kernelId: input.kernelId });
      return { state: "shutdown" as const };
    }),

  /** The caller's kernels, with their notebooks, states and last activity. */
  mine: authedProcedure.output(z.array(ZKernelView)).query(({ ctx }) => myKernels({ actorId: ctx.actor.id })),

  /**
   * What the kernel does, live (server-sent events). Each event is tracked by its id, so a
   * reconnecting client resumes after the last one it saw. Ends when the kernel is shut down.
   */
  events: authedProcedure.input(ZEventsInput).subscription(async function* ({ ctx, input, signal }) {
    const kernel = await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId });
    for await (const event of kernel.subscribe(input.lastEventId, signal)) yield tracked(event.id, event);
  }),
});
