"use client";
// The two server contracts the notebook speaks: the files API (read/save with versions) and the
// kernels API (start, execute, a stream of events). Written against the agreed shapes so the
// notebook builds while those routers land; `useNotebookApi` is the one place that touches them.
import { useMemo } from "react";
import { useTRPCClient } from "@/lib/trpc";

export type TNotebookFile = {
  path: string;
  version: number;
  sizeBytes: number;
  updatedAt: Date | string;
  isText: boolean;
  content: string | null;
};

export type TKernelState = "starting" | "idle" | "busy" | "restarting" | "dead" | "shutdown";

export type TKernelSpec = { name: string; displayName: string; language: string };

export type TKernelEvent = {
  id: string;
  cellId: string | null;
  type: string;
  [key: string]: unknown;
};

export type NotebookApi = {
  readFile(input: { projectSlug: string; path: string }): Promise<TNotebookFile>;
  saveFile(input: { projectSlug: string; path: string; baseVersion: number; content: string }): Promise<{ version: number; updatedAt: Date | string }>;
  specs(): Promise<TKernelSpec[]>;
  start(input: { projectSlug: string; notebookPath: string; kernelName: string }): Promise<{ kernelId: string; kernelName: string; state: TKernelState }>;
  execute(input: { kernelId: string; code: string; cellId: string }): Promise<{ msgId: string }>;
  input(input: { kernelId: string; value: string }): Promise<unknown>;
  interrupt(input: { kernelId: string }): Promise<unknown>;
  restart(input: { kernelId: string }): Promise<unknown>;
  shutdown(input: { kernelId: string }): Promise<unknown>;
  events(
    input: { kernelId: string; lastEventId?: string },
    handlers: { onData: (event: TKernelEvent) => void; onError: (error: unknown) => void },
  ): { unsubscribe: () => void };
};

type Proc = { query?: (input: unknown) => Promise<unknown>; mutate?: (input: unknown) => Promise<unknown>; subscribe?: (input: unknown, opts: unknown) => { unsubscribe: () => void } };
type LooseClient = Record<string, Record<string, Proc> | undefined>;

function procedure(client: LooseClient, router: string, name: string): Proc {
  const proc = client[router]?.[name];
  if (!proc) throw new Error(`The server has no ${router}.${name} procedure yet.`);
  return proc;
}

export function useNotebookApi(): NotebookApi {
  const typed = useTRPCClient();
  return useMemo(() => {
    const client = typed as unknown as LooseClient;
    const q = (r: string, n: string, input?: unknown) => procedure(client, r, n).query!(input);
    const m = (r: string, n: string, input: unknown) => procedure(client, r, n).mutate!(input);
    return {
      readFile: (input) => q("files", "read", input) as Promise<TNotebookFile>,
      saveFile: (input) => m("files", "save", input) as Promise<{ version: number; updatedAt: Date | string }>,
      specs: () => q("kernels", "specs") as Promise<TKernelSpec[]>,
      start: (input) => m("kernels", "start", input) as ReturnType<NotebookApi["start"]>,
      execute: (input) => m("kernels", "execute", input) as Promise<{ msgId: string }>,
      input: (input) => m("kernels", "input", input),
      interrupt: (input) => m("kernels", "interrupt", input),
      restart: (input) => m("kernels", "restart", input),
      shutdown: (input) => m("kernels", "shutdown", input),
      events: (input, handlers) =>
        procedure(client, "kernels", "events").subscribe!(input, {
          onData: (data: unknown) => {
            // tRPC's tracked() events arrive as { id, data }.
            const tracked = data as { id?: string; data?: TKernelEvent };
            handlers.onData(tracked.data && typeof tracked.data === "object" ? { ...tracked.data, id: tracked.data.id ?? tracked.id ?? "" } : (data as TKernelEvent));
          },
          onError: handlers.onError,
        }),
    };
  }, [typed]);
}
