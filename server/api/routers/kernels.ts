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
import { authedProcedure, createTRPCRouter, projectProcedure } from "../trpc";

const TAG = "Kernels";
const ZKernelParams = z.object({ kernelId: z.string().min(1).meta({ description: "The kernel's id" }) });
const ZSpecs = z.array(ZKernelSpec);
const ZKernels = z.array(ZKernelView);
/** A kernel action over REST: POST /kernels/{kernelId}/<action>, the body (if any) beside the id. */
const action = (name: string, summary: string, body?: z.ZodObject) => ({ method: "POST" as const, path: `/kernels/{kernelId}/${name}`, tag: TAG, summary, params: ZKernelParams, ...(body ? { body } : {}) });

// Kernels are the notebook's: their output streams to the browser over kernels.events (SSE).
// Over REST a script can start one, run code and read the state; the events are the browser's.
export const kernelsRouter = createTRPCRouter({
  specs: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/kernels/specs",
        tag: TAG,
        summary: "The kernels this server can start (Jupyter kernelspecs)",
        response: z.object({ specs: ZSpecs }),
        output: (specs: z.infer<typeof ZSpecs>) => ({ specs }),
      },
    })
    .output(ZSpecs)
    .query(() => listKernelSpecs()),

  /** The caller's kernel for a notebook, started on demand (editors and owners). */
  start: projectProcedure("editor")
    .meta({ rest: { method: "POST", path: "/kernels", tag: TAG, summary: "Start (or find) your kernel for a notebook (editors and owners)", body: ZStartKernelInput } })
    .input(ZStartKernelInput)
    .output(ZStartKernelOutput)
    .mutation(({ ctx, input }) => startKernel({ actorId: ctx.actor.id, access: ctx.access, ...input })),

  execute: authedProcedure
    .meta({ rest: action("execute", "Run code in the kernel; its output is the notebook's (kernels.events)", ZExecuteInput.omit({ kernelId: true })) })
    .input(ZExecuteInput)
    .output(ZExecuteOutput)
    .mutation(async ({ ctx, input }) => {
      const kernel = await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId });
      return { msgId: await kernel.execute(input.code, input.cellId) };
    }),

  input: authedProcedure
    .meta({ rest: action("input", "Answer the kernel's input() prompt", ZInputInput.omit({ kernelId: true })) })
    .input(ZInputInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await (await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId })).input(input.value);
      return { ok: true as const };
    }),

  interrupt: authedProcedure
    .meta({ rest: action("interrupt", "Interrupt what the kernel runs") })
    .input(ZKernelId)
    .output(ZKernelStateOutput)
    .mutation(async ({ ctx, input }) => {
      const kernel = await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId });
      await kernel.interrupt();
      return { state: kernel.state };
    }),

  restart: authedProcedure
    .meta({ rest: action("restart", "Restart the kernel; its variables are gone") })
    .input(ZKernelId)
    .output(ZKernelStateOutput)
    .mutation(async ({ ctx, input }) => {
      const kernel = await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId });
      await kernel.restart("Restarted on request; its variables are gone.");
      return { state: kernel.state };
    }),

  shutdown: authedProcedure
    .meta({ rest: action("shutdown", "Shut the kernel down") })
    .input(ZKernelId)
    .output(ZKernelStateOutput)
    .mutation(async ({ ctx, input }) => {
      await shutdownKernel({ actorId: ctx.actor.id, kernelId: input.kernelId });
      return { state: "shutdown" as const };
    }),

  /** The caller's kernels, with their notebooks, states and last activity. */
  mine: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/kernels",
        tag: TAG,
        summary: "Your kernels, with their notebooks, states and last activity",
        response: z.object({ kernels: ZKernels }),
        output: (kernels: z.infer<typeof ZKernels>) => ({ kernels }),
      },
    })
    .output(ZKernels)
    .query(({ ctx }) => myKernels({ actorId: ctx.actor.id })),

  /**
   * What the kernel does, live (server-sent events). Each event is tracked by its id, so a
   * reconnecting client resumes after the last one it saw. Ends when the kernel is shut down.
   */
  events: authedProcedure.input(ZEventsInput).subscription(async function* ({ ctx, input, signal }) {
    const kernel = await requireKernelAccess({ actorId: ctx.actor.id, kernelId: input.kernelId });
    for await (const event of kernel.subscribe(input.lastEventId, signal)) yield tracked(event.id, event);
  }),
});
