// The notebook's kernel: started on demand (the first run), its events applied to the cells,
// executions sent in order (the kernel queues them itself and aborts the rest after an error).
import type { TKernelState } from "@/server/kernels/events";
import type { NotebookApi } from "../api";
import { applyKernelEvent } from "./apply-event";
import type { NotebookModel } from "./notebook-model";

export type TKernelStatus = {
  kernelId: string | null;
  kernelName: string;
  /** "none": no kernel yet (one starts on the first run). */
  state: TKernelState | "none";
  /** Why the kernel stopped, from the server ("shut down after 30 minutes idle"). */
  reason: string | null;
  /** The last failure to start or reach the kernel, as a sentence. */
  error: string | null;
};

type Listener = () => void;

export class KernelSession {
  status: TKernelStatus;
  private starting: Promise<string> | null = null;
  private subscription: { unsubscribe: () => void } | null = null;
  private lastEventId: string | undefined;
  private listeners = new Set<Listener>();

  constructor(
    private api: NotebookApi,
    private model: NotebookModel,
    private target: { projectSlug: string; notebookPath: string },
    kernelName: string,
    private describeError: (error: unknown) => string,
  ) {
    this.status = { kernelId: null, kernelName, state: "none", reason: null, error: null };
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  private set(patch: Partial<TKernelStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l();
  }

  get alive() {
    return this.status.kernelId !== null && this.status.state !== "dead" && this.status.state !== "shutdown";
  }

  /** The kernel's id, starting one when there is none (or the last one died or was shut down). */
  ensureKernel(): Promise<string> {
    if (this.alive) return Promise.resolve(this.status.kernelId!);
    if (this.starting) return this.starting;
    this.set({ state: "starting", reason: null, error: null });
    this.starting = this.api
      .start({ ...this.target, kernelName: this.status.kernelName })
      .then((kernel) => {
        if (kernel.kernelId !== this.status.kernelId) this.listen(kernel.kernelId, kernel.lastEventId);
        this.set({ kernelId: kernel.kernelId, kernelName: kernel.kernelName, state: kernel.state });
        return kernel.kernelId;
      })
      .catch((error: unknown) => {
        this.set({ state: "none", error: this.describeError(error) });
        throw error;
      })
      .finally(() => {
        this.starting = null;
      });
    return this.starting;
  }

  /** Events after `fromEventId` (the start answer's): an execution sent before the stream connects still reaches the cells. */
  private listen(kernelId: string, fromEventId: string) {
    this.subscription?.unsubscribe();
    this.lastEventId = fromEventId;
    this.subscription = this.api.events(
      { kernelId, lastEventId: this.lastEventId },
      {
        onData: (event) => {
          this.lastEventId = event.id;
          if (event.type === "status") {
            this.set({ state: event.state, reason: event.reason ?? (event.state === "idle" || event.state === "busy" ? null : this.status.reason) });
            if (event.state === "restarting" || event.state === "dead" || event.state === "shutdown") this.settleAll();
            return;
          }
          applyKernelEvent(this.model, event);
        },
        onError: (error) => this.set({ error: this.describeError(error) }),
      },
    );
  }

  /** Cells still queued or running are not any more (the kernel restarted or stopped). */
  private settleAll() {
    for (const cell of this.model.cells) {
      if (cell.runState && cell.runState !== "idle") this.model.updateCell(cell.id, { runState: "idle", input: null }, false);
    }
  }

  /** Runs code cells in order (Markdown cells are rendered by the caller). */
  async run(cellIds: string[]) {
    const cells = cellIds.map((id) => this.model.cell(id)).filter((c) => c?.cell_type === "code");
    if (cells.length === 0) return;
    for (const cell of cells) {
      const empty = cell!.source.trim() === "";
      // Like JupyterLab: outputs go when the run is asked for; an empty cell just clears.
      this.model.updateCell(cell!.id, empty ? { outputs: [], execution_count: null, runState: "idle" } : { outputs: [], runState: "queued", clearOnNext: false });
    }
    const runnable = cells.filter((c) => c!.source.trim() !== "");
    if (runnable.length === 0) return;
    let kernelId: string;
    try {
      kernelId = await this.ensureKernel();
    } catch {
      this.settleAll();
      return;
    }
    for (const cell of runnable) {
      try {
        await this.api.execute({ kernelId, code: cell!.source, cellId: cell!.id });
      } catch (error) {
        this.set({ error: this.describeError(error) });
        this.settleAll();
        return;
      }
    }
  }

  async sendInput(cellId: string, value: string, password: boolean, prompt: string) {
    if (!this.status.kernelId) return;
    this.model.updateCell(cellId, (cell) => ({
      input: null,
      outputs: cell.cell_type === "code" ? [...cell.outputs, { output_type: "stream", name: "stdout", text: `${prompt}${password ? "········" : value}\n` }] : [],
    }));
    await this.api.input({ kernelId: this.status.kernelId, value }).catch((error: unknown) => this.set({ error: this.describeError(error) }));
  }

  async interrupt() {
    if (!this.status.kernelId) return;
    await this.api.interrupt({ kernelId: this.status.kernelId }).catch((error: unknown) => this.set({ error: this.describeError(error) }));
  }

  /** Restart the kernel (or start a fresh one when it is gone). Resolves when it is ready. */
  async restart() {
    this.settleAll();
    if (!this.alive) {
      await this.ensureKernel().catch(() => undefined);
      return;
    }
    this.set({ state: "restarting", reason: null, error: null });
    try {
      const answer = await this.api.restart({ kernelId: this.status.kernelId! });
      this.set({ state: answer.state });
    } catch (error) {
      this.set({ error: this.describeError(error) });
    }
  }

  /** Switching kernels: the old one is shut down and the next run starts the new kind. */
  async changeKernel(kernelName: string) {
    const old = this.status.kernelId;
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.settleAll();
    this.set({ kernelId: null, kernelName, state: "none", reason: null, error: null });
    if (old) await this.api.shutdown({ kernelId: old }).catch(() => undefined);
  }

  dispose() {
    this.subscription?.unsubscribe();
  }
}
