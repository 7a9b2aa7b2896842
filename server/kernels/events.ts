// The kernels' contract with the browser: what tRPC's `kernels` router takes and gives. The
// notebook UI builds against these schemas; the kernel manager (server/kernels/*) produces them.
//
// Events reach the browser through `kernels.events` (a tRPC subscription over server-sent
// events). Each one is yielded with `tracked(event.id, event)`, so the client receives
// `{ id, data: TKernelEvent }` and a dropped connection resumes after the last id it saw
// (httpSubscriptionLink sends it back as lastEventId). Ids are per kernel, increasing, and
// survive a restart (the kernel id stays the same across restarts).
import { z } from "zod";

/** A kernel's life, as the notebook shows it. `dead` and `shutdown` are final. */
export const ZKernelState = z.enum(["starting", "idle", "busy", "restarting", "dead", "shutdown"]);
export type TKernelState = z.infer<typeof ZKernelState>;

/** An installed kernel (from a kernelspec), e.g. `{ name: "python3", displayName: "Python 3 (ipykernel)", language: "python" }`. */
export const ZKernelSpec = z.object({ name: z.string(), displayName: z.string(), language: z.string() });
export type TKernelSpec = z.infer<typeof ZKernelSpec>;

const ZNotebookPath = z
  .string()
  .trim()
  .min(1, "is required")
  .max(1000, "must be at most 1000 characters")
  .refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), "must be a path inside the project");

export const ZKernelId = z.object({ kernelId: z.string().min(1) });

/** Start (or find) the caller's kernel for one notebook. Needs the editor role: viewers may not run code. */
export const ZStartKernelInput = z.object({
  projectSlug: z.string().min(1),
  notebookPath: ZNotebookPath,
  /** A kernelspec name from `kernels.specs()`; the notebook's `metadata.kernelspec.name`. Default python3. */
  kernelName: z.string().min(1).max(100).default("python3"),
});
export type TStartKernelInput = z.input<typeof ZStartKernelInput>;

export const ZKernelView = z.object({
  kernelId: z.string(),
  kernelName: z.string(),
  displayName: z.string(),
  language: z.string(),
  projectSlug: z.string(),
  notebookPath: z.string(),
  state: ZKernelState,
  startedAt: z.date(),
  /** The last execution request or output; idle shutdown counts from here. */
  lastActivityAt: z.date(),
  /**
   * The id of the kernel's latest event when this answer was made. Subscribing to `events` with
   * it as `lastEventId` misses nothing that happens after the answer, however late the
   * subscription connects (a fast cell can finish before it does).
   */
  lastEventId: z.string(),
});
export type TKernelView = z.infer<typeof ZKernelView>;

/** `kernels.start` answers the kernel (an existing one for that notebook when there is one). */
export const ZStartKernelOutput = ZKernelView;

export const ZExecuteInput = ZKernelId.extend({
  code: z.string().max(1_000_000, "must be at most 1,000,000 characters"),
  /** The notebook cell the code comes from; every event the execution causes carries it. */
  cellId: z.string().min(1).max(200),
});
export const ZExecuteOutput = z.object({ msgId: z.string() });

/** The answer to an `input_request` (Python's `input()`, `getpass()`). */
export const ZInputInput = ZKernelId.extend({ value: z.string().max(100_000) });

export const ZKernelStateOutput = z.object({ state: ZKernelState });

export const ZEventsInput = ZKernelId.extend({ lastEventId: z.string().nullish() });

const ZMimeBundle = z.record(z.string(), z.unknown());

/** One thing that happened in a kernel, in the order it happened. */
export const ZKernelEventBody = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("status"),
    state: ZKernelState,
    /** Why, in a sentence, when it is not the kernel's own doing: idle shutdown, a crash, a restart. */
    reason: z.string().optional(),
  }),
  z.object({ type: z.literal("execute_input"), executionCount: z.number().int() }),
  z.object({ type: z.literal("stream"), name: z.enum(["stdout", "stderr"]), text: z.string() }),
  z.object({
    type: z.enum(["display_data", "execute_result", "update_display_data"]),
    /** MIME type -> value, as Jupyter sends it (image/png is base64, text/html a string...). */
    data: ZMimeBundle,
    metadata: ZMimeBundle,
    executionCount: z.number().int().optional(),
    /** `display(..., display_id=...)`: update_display_data replaces the outputs with this id. */
    displayId: z.string().optional(),
  }),
  /** traceback lines keep their ANSI colours (render them with ansi_up). */
  z.object({ type: z.literal("error"), ename: z.string(), evalue: z.string(), traceback: z.array(z.string()) }),
  z.object({ type: z.literal("clear_output"), wait: z.boolean() }),
  /** The kernel waits for `kernels.input`. */
  z.object({ type: z.literal("input_request"), prompt: z.string(), password: z.boolean() }),
  /** The end of one execution. `aborted`: it never ran (an earlier cell failed or it was interrupted first). */
  z.object({ type: z.literal("execute_reply"), status: z.enum(["ok", "error", "aborted"]), executionCount: z.number().int().nullable() }),
]);
export type TKernelEventBody = z.infer<typeof ZKernelEventBody>;

export const ZKernelEvent = z.intersection(
  z.object({
    /** Increasing per kernel; the subscription's tracked id. */
    id: z.string(),
    /** The cell whose execution caused it; null for kernel-wide events (start, idle shutdown...). */
    cellId: z.string().nullable(),
  }),
  ZKernelEventBody,
);
export type TKernelEvent = { id: string; cellId: string | null } & TKernelEventBody;
