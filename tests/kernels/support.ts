// Helpers for the kernel tests: a tRPC caller as the browser's, and a cell run that collects the
// events the kernel sends for it (through the same subscription the notebook uses).
import { randomUUID } from "node:crypto";
import { createCaller } from "../../server/api/root";
import type { Actor } from "../../server/auth/actor";
import type { TKernelEvent } from "../../server/kernels/events";
import { log } from "../../server/log";
import { findUser } from "../../server/users/users";
import type { TestUser } from "../support/factories";

export type Caller = ReturnType<typeof createCaller>;

export async function callerFor(user: TestUser, signal?: AbortSignal): Promise<Caller> {
  const full = await findUser(user.id);
  return createCaller({ actor: { ...full!, via: "session" } as Actor, requestId: "test", log }, { signal });
}

/** A live view of one kernel's events, from now on. */
export async function watch(user: TestUser, kernelId: string) {
  const controller = new AbortController();
  const caller = await callerFor(user, controller.signal);
  // Called in process, a tracked event arrives as tRPC's envelope [id, data]; over HTTP the
  // client gets { id, data }.
  const stream = (await caller.kernels.events({ kernelId })) as unknown as AsyncIterable<[string, TKernelEvent]>;
  const iterator = stream[Symbol.asyncIterator]();
  await iterator.next(); // the current state
  const seen: TKernelEvent[] = [];
  async function until(done: (e: TKernelEvent) => boolean, timeoutMs = 30_000): Promise<TKernelEvent[]> {
    const start = seen.length;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = seen.slice(start).find(done);
      if (found) return seen.slice(start);
      const next = await Promise.race([iterator.next(), new Promise<"timeout">((r) => setTimeout(() => r("timeout"), Math.max(1, deadline - Date.now())))]);
      if (next === "timeout") throw new Error(`no such event within ${timeoutMs} ms; saw ${JSON.stringify(seen.slice(start)).slice(0, 2000)}`);
      if (next.done) throw new Error(`the event stream ended; saw ${JSON.stringify(seen.slice(start)).slice(0, 2000)}`);
      seen.push(next.value[1]);
    }
  }
  return {
    seen,
    until,
    /** Runs code as a cell and returns its events, up to and including its execute_reply. */
    async run(code: string, timeoutMs = 30_000): Promise<TKernelEvent[]> {
      const cellId = randomUUID();
      const startAt = seen.length;
      await caller.kernels.execute({ kernelId, code, cellId });
      await until((e) => e.type === "execute_reply" && e.cellId === cellId, timeoutMs);
      return seen.slice(startAt).filter((e) => e.cellId === cellId);
    },
    close: () => controller.abort(),
  };
}

export const stdoutOf = (events: TKernelEvent[]) =>
  events.map((e) => (e.type === "stream" && e.name === "stdout" ? e.text : "")).join("");
