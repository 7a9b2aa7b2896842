"use client";
// The two server contracts the notebook speaks: the files API (read and save with versions) and
// the kernels API (start, execute, a resumable stream of events). One interface, so the model
// code (model/*) stays plain TypeScript and the read-only job viewer can leave kernels out.
import { useMemo } from "react";
import type { RouterInputs, RouterOutputs } from "@/components/trpc/router-types";
import { useTRPCClient } from "@/components/trpc/trpc";
import type { TKernelEvent } from "@/server/kernels/events";

export type { TKernelEvent, TKernelSpec, TKernelState, TKernelView } from "@/server/kernels/events";

type Out<R extends keyof RouterOutputs, P extends keyof RouterOutputs[R]> = Promise<RouterOutputs[R][P]>;
type In<R extends keyof RouterInputs, P extends keyof RouterInputs[R]> = RouterInputs[R][P];

export type NotebookApi = {
  readFile(input: In<"files", "read">): Out<"files", "read">;
  saveFile(input: In<"files", "save">): Out<"files", "save">;
  specs(): Out<"kernels", "specs">;
  start(input: In<"kernels", "start">): Out<"kernels", "start">;
  execute(input: In<"kernels", "execute">): Out<"kernels", "execute">;
  input(input: In<"kernels", "input">): Out<"kernels", "input">;
  interrupt(input: In<"kernels", "interrupt">): Out<"kernels", "interrupt">;
  restart(input: In<"kernels", "restart">): Out<"kernels", "restart">;
  shutdown(input: In<"kernels", "shutdown">): Out<"kernels", "shutdown">;
  events(
    input: { kernelId: string; lastEventId?: string },
    handlers: { onData: (event: TKernelEvent) => void; onError: (error: unknown) => void },
  ): { unsubscribe: () => void };
};

export function useNotebookApi(): NotebookApi {
  const client = useTRPCClient();
  return useMemo(
    (): NotebookApi => ({
      readFile: (input) => client.files.read.query(input),
      saveFile: (input) => client.files.save.mutate(input),
      specs: () => client.kernels.specs.query(),
      start: (input) => client.kernels.start.mutate(input),
      execute: (input) => client.kernels.execute.mutate(input),
      input: (input) => client.kernels.input.mutate(input),
      interrupt: (input) => client.kernels.interrupt.mutate(input),
      restart: (input) => client.kernels.restart.mutate(input),
      shutdown: (input) => client.kernels.shutdown.mutate(input),
      // tracked() events arrive as { id, data }; httpSubscriptionLink resumes after the last id.
      events: (input, handlers) =>
        client.kernels.events.subscribe(input, {
          onData: (tracked) => handlers.onData(tracked.data as TKernelEvent),
          onError: handlers.onError,
        }),
    }),
    [client],
  );
}
