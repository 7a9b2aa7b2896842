// Ships a node's spooled log batches to the server in seq order, as many as fit one request,
// and keeps at it (with backoff) while the server is down; the job runs on meanwhile and its
// lines wait on disk. At ~5,000 lines/s a batch seals every 100 ms and one request carries what
// gathered while the previous one was in flight, so the lag stays about one round trip.
import { backoffDelay, sleep } from "./backoff";
import { AgentApiError, LeaseLostError, type AgentClient } from "./client";
import type { LogBatch, LogSpool } from "./log-spool";
import type { Progress } from "./progress";
import { describeError } from "./retry";

export type SendResult = "delivered" | "gave_up" | "lease_lost" | "stopped";

export class LogSender {
  private wakeUp: (() => void) | null = null;
  private readonly abort = new AbortController();
  readonly done: Promise<SendResult>;
  requests = 0;

  constructor(
    private readonly spool: LogSpool,
    private readonly client: Pick<AgentClient, "logs">,
    private readonly nodeId: string,
    private readonly fencingToken: string,
    private readonly opts: {
      progress?: Progress;
      onLeaseLost?: () => void;
      label?: string;
      /** Up to the protocol's 100 batches per request. */
      maxBatchesPerRequest?: number;
      retry?: { baseMs: number; capMs: number };
    } = {},
  ) {
    spool.onReady = () => this.wake();
    this.done = this.loop();
  }

  wake(): void {
    this.wakeUp?.();
  }

  /** Stops sending at once (agent shutting down, or the lease is gone); what is spooled stays on disk. */
  stop(): void {
    this.abort.abort(new Error("stopped"));
    this.wake();
  }

  /** Closes the spool and resolves when the server has every batch (or sending ended for another reason). */
  async flush(): Promise<SendResult> {
    await this.spool.close();
    this.wake();
    return this.done;
  }

  private async loop(): Promise<SendResult> {
    let failures = 0;
    const signal = this.abort.signal;
    while (!signal.aborted) {
      if (!this.spool.hasUnacked) {
        if (this.spool.isClosed) return "delivered";
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
        this.wakeUp = null;
        continue;
      }
      let batches: LogBatch[] = [];
      try {
        batches = await this.spool.readUnacked(this.opts.maxBatchesPerRequest ?? 100);
        if (batches.length === 0) continue;
        this.requests++;
        const { acknowledgedThroughSeq } = await this.client.logs(this.nodeId, { fencingToken: this.fencingToken, batches }, signal);
        const before = this.spool.ackedThrough;
        // Trust an acknowledgement only for what this request carried.
        this.spool.acknowledge(Math.min(acknowledgedThroughSeq, batches[batches.length - 1]!.seq));
        if (this.spool.ackedThrough === before) throw new AgentApiError(`the server acknowledged seq ${acknowledgedThroughSeq}, still short of ${before + 1}`, 503);
        if (failures > 0) this.opts.progress?.("logs.resumed", { node: this.opts.label ?? this.nodeId, afterFailures: failures });
        failures = 0;
      } catch (e) {
        if (signal.aborted) break;
        if (e instanceof LeaseLostError) {
          this.opts.onLeaseLost?.();
          return "lease_lost";
        }
        if (!(e instanceof AgentApiError) || !e.retryable) {
          // Retrying cannot fix a refused request, and an endless loop here would hold the
          // node's `ended` report back forever. Batch by batch, one the server refuses as bad
          // input is replaced in the job's log by a line saying so, and the rest go on.
          if (e instanceof AgentApiError && (await this.sendAroundRefused(batches, signal))) continue;
          // Even the line saying so was refused: the lines stay in the spool file.
          this.opts.progress?.("logs.refused", { node: this.opts.label ?? this.nodeId, error: describeError(e) });
          return "gave_up";
        }
        const waitMs = backoffDelay(failures, this.opts.retry ?? { baseMs: 500, capMs: 10_000 });
        if (failures % 10 === 0) this.opts.progress?.("logs.waiting", { node: this.opts.label ?? this.nodeId, error: e.message, unsentFromSeq: this.spool.ackedThrough + 1 });
        failures++;
        await sleep(waitMs, signal).catch(() => undefined);
      }
    }
    return "stopped";
  }

  /**
   * Sends `batches` one at a time; each the server refuses (a 4xx other than a lost lease) goes
   * instead as one line under the same seq that says what was left out and why. False when even
   * that line was refused; a retryable failure or a lost lease goes back to the main loop.
   */
  private async sendAroundRefused(batches: LogBatch[], signal: AbortSignal): Promise<boolean> {
    const label = this.opts.label ?? this.nodeId;
    for (const batch of batches) {
      if (batch.seq <= this.spool.ackedThrough) continue;
      let send = batch;
      for (;;) {
        try {
          const { acknowledgedThroughSeq } = await this.client.logs(this.nodeId, { fencingToken: this.fencingToken, batches: [send] }, signal);
          this.spool.acknowledge(Math.min(acknowledgedThroughSeq, send.seq));
          break;
        } catch (e) {
          if (!(e instanceof AgentApiError) || e.retryable || e instanceof LeaseLostError) return true;
          if (send !== batch) return false;
          this.opts.progress?.("logs.batch_refused", { node: label, seq: batch.seq, lines: batch.lines.length, error: describeError(e) });
          send = { seq: batch.seq, lines: [`[benchtop agent] the server refused ${batch.lines.length} line(s) of this log here, so they are left out: ${e.serverMessage ?? `it answered ${e.status}`}`] };
        }
      }
    }
    return true;
  }
}
