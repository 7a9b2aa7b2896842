// One kernel session: its state, the cells it runs and the events it produced (kept in a bounded
// buffer so a browser that reconnects resumes where it stopped). The process under it
// (kernel-process.ts) is replaced on restart; the kernel id stays the same.
import { randomUUID } from "node:crypto";
import { env } from "../env";
import { AppError } from "../errors";
import { log } from "../log";
import type { Channel } from "./channels";
import type { TKernelEvent, TKernelEventBody, TKernelState, TKernelView } from "./events";
import { exitDescription, KernelProcess, signalOf, type KernelOwner } from "./kernel-process";
import type { KernelSpec } from "./kernelspecs";
import type { JupyterMessage } from "./wire";

export type { KernelOwner } from "./kernel-process";

const MAX_EVENTS = 5_000;
const MAX_EVENT_BYTES = 64 * 1024 * 1024;
/** After an execute_reply, how long to wait for the iopub idle that follows the last output. */
const OUTPUT_SETTLE_MS = 1_000;

type Execution = { cellId: string; reply: Record<string, unknown> | null; idle: boolean; timer: NodeJS.Timeout | null };

export class Kernel {
  readonly id = randomUUID();
  state: TKernelState = "starting";
  readonly startedAt = new Date();
  lastActivityAt = new Date();

  private events: TKernelEvent[] = [];
  private firstSeq = 1;
  private seq = 0;
  private eventBytes = 0;
  private wakers = new Set<() => void>();

  /** The current process; null before it answers, after it exits, between restarts. */
  private proc: KernelProcess | null = null;
  private cells = new Map<string, string>();
  private executions = new Map<string, Execution>();
  private pendingInput: JupyterMessage | null = null;
  private ready: Promise<void> = Promise.resolve();

  constructor(
    readonly spec: KernelSpec,
    readonly owner: KernelOwner,
  ) {}

  view(): TKernelView {
    return {
      kernelId: this.id,
      kernelName: this.spec.name,
      displayName: this.spec.displayName,
      language: this.spec.language,
      projectSlug: this.owner.projectSlug,
      notebookPath: this.owner.notebookPath,
      state: this.state,
      startedAt: this.startedAt,
      lastActivityAt: this.lastActivityAt,
      lastEventId: String(this.seq),
    };
  }

  get alive(): boolean {
    return this.state !== "dead" && this.state !== "shutdown";
  }

  /** Executions sent and not yet answered: a kernel with any is never idle. */
  get running(): number {
    return this.executions.size;
  }

  // ---- events ----

  private emit(cellId: string | null, body: TKernelEventBody) {
    const event = { id: String(++this.seq), cellId, ...body } as TKernelEvent;
    this.events.push(event);
    this.eventBytes += approximateSize(event);
    while (this.events.length > MAX_EVENTS || (this.eventBytes > MAX_EVENT_BYTES && this.events.length > 1)) {
      this.eventBytes -= approximateSize(this.events.shift()!);
      this.firstSeq++;
    }
    for (const wake of this.wakers) wake();
  }

  private setState(state: TKernelState, cellId: string | null = null, reason?: string) {
    if (this.state === state && !reason) return;
    this.state = state;
    this.emit(cellId, reason ? { type: "status", state, reason } : { type: "status", state });
  }

  /**
   * Events after `lastEventId`, then live ones as they come, until the kernel is shut down or
   * `signal` aborts. Without lastEventId it starts with the current state.
   */
  async *subscribe(lastEventId: string | null | undefined, signal?: AbortSignal): AsyncGenerator<TKernelEvent> {
    let after = lastEventId && /^\d+$/.test(lastEventId) ? Number(lastEventId) : null;
    if (after === null) {
      yield { id: String(this.seq), cellId: null, type: "status", state: this.state };
      after = this.seq;
    }
    while (!signal?.aborted) {
      const from = Math.max(0, after + 1 - this.firstSeq);
      const batch = this.events.slice(from);
      for (const event of batch) {
        yield event;
        after = Number(event.id);
      }
      if (this.state === "shutdown" && after >= this.seq) return;
      if (after < this.seq) continue;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.wakers.delete(wake);
          signal?.removeEventListener("abort", wake);
          resolve();
        };
        this.wakers.add(wake);
        signal?.addEventListener("abort", wake);
      });
    }
  }

  // ---- life ----

  /** Starts the process and resolves once it answers on shell and iopub. */
  start(): Promise<void> {
    this.ready = this.launch();
    return this.ready;
  }

  private async launch(): Promise<void> {
    try {
      this.proc = await KernelProcess.launch({
        kernelId: this.id,
        spec: this.spec,
        owner: this.owner,
        events: { onMessage: (channel, msg) => this.onMessage(channel, msg), onExit: (code, sig) => this.onExit(code, sig) },
      });
    } catch (e) {
      const reason = `The ${this.spec.displayName} kernel did not start: ${(e as Error).message}.`;
      this.abortExecutions();
      this.setState("dead", null, reason);
      throw new AppError("UNAVAILABLE", reason);
    }
    this.lastActivityAt = new Date();
    this.setState("idle");
  }

  private onExit(code: number | null, sig: NodeJS.Signals | null) {
    this.proc = null;
    this.abortExecutions();
    if (!this.alive || this.state === "starting") return;
    let reason = `The kernel stopped unexpectedly: ${exitDescription(code, sig)}.`;
    if (signalOf(code, sig) === "SIGKILL") reason += ` It may have run out of memory (the limit is ${env.BENCHTOP_KERNEL_MEMORY_MB} MiB, BENCHTOP_KERNEL_MEMORY_MB).`;
    log.warn({ kernelId: this.id, code, signal: sig }, "kernel died");
    this.setState("dead", null, reason + " Restart it to go on.");
  }

  private abortExecutions() {
    for (const [msgId, ex] of this.executions) {
      if (ex.timer) clearTimeout(ex.timer);
      this.emit(ex.cellId, { type: "execute_reply", status: "aborted", executionCount: null });
      this.executions.delete(msgId);
    }
    this.pendingInput = null;
  }

  private async stopProcess(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    await proc?.stop();
    this.abortExecutions();
  }

  async restart(reason?: string): Promise<void> {
    if (this.state === "shutdown") throw new AppError("CONFLICT", "This kernel was shut down; start a new one.");
    await this.ready.catch(() => undefined);
    this.setState("restarting", null, reason);
    // Requests made meanwhile wait for the new process (live() awaits `ready`).
    this.ready = (async () => {
      await this.stopProcess();
      this.setState("starting");
      await this.launch();
    })();
    await this.ready;
  }

  async shutdown(reason?: string): Promise<void> {
    if (this.state === "shutdown") return;
    await this.ready.catch(() => undefined);
    await this.stopProcess();
    this.setState("shutdown", null, reason);
    log.info({ kernelId: this.id, reason }, "kernel shut down");
  }

  // ---- requests ----

  private async live(): Promise<KernelProcess> {
    await this.ready.catch(() => undefined);
    if (!this.proc?.connected || !this.alive) {
      throw new AppError("CONFLICT", this.state === "shutdown" ? "This kernel was shut down; start a new one." : "The kernel is not running; restart it first.");
    }
    return this.proc;
  }

  async execute(code: string, cellId: string): Promise<string> {
    const proc = await this.live();
    const msg = proc.message("execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: true, stop_on_error: true });
    const msgId = msg.header.msg_id;
    this.cells.set(msgId, cellId);
    if (this.cells.size > 10_000) this.cells.delete(this.cells.keys().next().value!);
    this.executions.set(msgId, { cellId, reply: null, idle: false, timer: null });
    this.lastActivityAt = new Date();
    this.setState("busy", cellId);
    await proc.send("shell", msg);
    return msgId;
  }

  async input(value: string): Promise<void> {
    const proc = await this.live();
    const request = this.pendingInput;
    if (!request) throw new AppError("CONFLICT", "The kernel is not waiting for input.");
    this.pendingInput = null;
    await proc.send("stdin", proc.message("input_reply", { value }, request.header));
  }

  async interrupt(): Promise<void> {
    const proc = await this.live();
    this.pendingInput = null;
    await proc.interrupt();
  }

  // ---- messages from the kernel ----

  private onMessage(channel: Channel, msg: JupyterMessage) {
    const parentId = msg.parent_header.msg_id ?? "";
    const cellId = this.cells.get(parentId) ?? null;
    const c = msg.content as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const type = msg.header.msg_type;
    if (channel === "iopub") {
      switch (type) {
        case "status":
          if (c.execution_state === "idle") this.outputsSettled(parentId);
          return;
        case "execute_input":
          return this.emit(cellId, { type: "execute_input", executionCount: Number(c.execution_count) });
        case "stream":
          return this.emit(cellId, { type: "stream", name: c.name === "stderr" ? "stderr" : "stdout", text: String(c.text ?? "") });
        case "display_data":
        case "update_display_data":
        case "execute_result": {
          const displayId = c.transient?.display_id;
          return this.emit(cellId, {
            type,
            data: c.data ?? {},
            metadata: c.metadata ?? {},
            ...(typeof c.execution_count === "number" ? { executionCount: c.execution_count } : {}),
            ...(typeof displayId === "string" ? { displayId } : {}),
          });
        }
        case "error":
          return this.emit(cellId, { type: "error", ename: String(c.ename ?? ""), evalue: String(c.evalue ?? ""), traceback: (c.traceback ?? []).map(String) });
        case "clear_output":
          return this.emit(cellId, { type: "clear_output", wait: Boolean(c.wait) });
        default:
          return;
      }
    }
    if (channel === "shell") {
      if (type === "execute_reply") this.replied(parentId, c);
      return;
    }
    if (channel === "stdin" && type === "input_request") {
      this.pendingInput = msg;
      this.emit(cellId, { type: "input_request", prompt: String(c.prompt ?? ""), password: Boolean(c.password) });
    }
  }

  // An execution ends when both its execute_reply (shell) and its idle status (iopub, after its
  // last output) have arrived; the two sockets do not keep order between them, so the reply event
  // waits for the outputs (or OUTPUT_SETTLE_MS, should an idle status be lost).
  private replied(msgId: string, content: Record<string, unknown>) {
    const ex = this.executions.get(msgId);
    if (!ex) return;
    ex.reply = content;
    if (ex.idle) this.finish(msgId);
    else ex.timer = setTimeout(() => this.finish(msgId), OUTPUT_SETTLE_MS);
  }

  private outputsSettled(msgId: string) {
    const ex = this.executions.get(msgId);
    if (!ex) return;
    ex.idle = true;
    if (ex.reply) this.finish(msgId);
  }

  private finish(msgId: string) {
    const ex = this.executions.get(msgId);
    if (!ex?.reply) return;
    if (ex.timer) clearTimeout(ex.timer);
    this.executions.delete(msgId);
    const status = ex.reply.status === "ok" ? "ok" : ex.reply.status === "aborted" ? "aborted" : "error";
    const count = typeof ex.reply.execution_count === "number" ? ex.reply.execution_count : null;
    this.emit(ex.cellId, { type: "execute_reply", status, executionCount: count });
    this.lastActivityAt = new Date();
    if (this.executions.size === 0 && this.state === "busy") this.setState("idle", ex.cellId);
  }
}

function approximateSize(event: TKernelEvent): number {
  if (event.type === "stream") return event.text.length + 64;
  if (event.type === "display_data" || event.type === "execute_result" || event.type === "update_display_data") return JSON.stringify(event.data).length + 64;
  if (event.type === "error") return event.traceback.join("").length + 64;
  return 64;
}
