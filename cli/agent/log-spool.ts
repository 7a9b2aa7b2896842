// A node's log lines on disk before they reach the server. Lines are gathered into batches
// (5,000 lines, 1 MiB of text or 100 ms, whichever comes first); each batch gets the next `seq`
// and is appended as one JSON line to <run-dir>/logs.jsonl before it may be sent. A batch's
// content is fixed once written, so a resend after a failure or a server restart is the very same
// batch and the server's seq check drops it if it had it: no duplicates, no gaps, in order.
// Only the offsets of unacknowledged batches stay in memory; a long outage costs disk, not RAM.
import fs from "node:fs/promises";

export type LogBatch = { seq: number; lines: string[] };

export const BATCH_MAX_LINES = 5_000;
export const BATCH_MAX_CHARS = 1024 * 1024;
export const BATCH_MAX_WAIT_MS = 100;

type Entry = { seq: number; offset: number; length: number; chars: number; lines: string[] | null };

export class LogSpool {
  private open: string[] = [];
  private openChars = 0;
  private timer: NodeJS.Timeout | null = null;
  private nextSeq = 0;
  private size = 0;
  /** Sealed batches not yet acknowledged, in seq order. */
  private readonly unacked: Entry[] = [];
  private writes: Promise<void> = Promise.resolve();
  private writeError: Error | null = null;
  private closed = false;
  ackedThrough = -1;
  linesAppended = 0;
  /** Called when a sealed batch is ready to send. */
  onReady: () => void = () => {};

  private constructor(
    readonly file: string,
    private readonly handle: fs.FileHandle,
  ) {}

  static async create(file: string): Promise<LogSpool> {
    return new LogSpool(file, await fs.open(file, "a"));
  }

  /** A spool left by an earlier agent process: every batch after the last acknowledged one is unacknowledged again. */
  static async reopen(file: string): Promise<LogSpool> {
    const text = await fs.readFile(file, "utf8").catch(() => "");
    const acked = Number((await fs.readFile(`${file}.acked`, "utf8").catch(() => "-1")).trim());
    const spool = new LogSpool(file, await fs.open(file, "a"));
    spool.ackedThrough = Number.isInteger(acked) ? acked : -1;
    let offset = 0;
    for (const record of text.split("\n")) {
      const length = Buffer.byteLength(record) + 1;
      if (record !== "") {
        try {
          const batch = JSON.parse(record) as LogBatch;
          if (batch.seq > spool.ackedThrough) spool.unacked.push({ seq: batch.seq, offset, length, chars: record.length, lines: null });
          spool.nextSeq = batch.seq + 1;
        } catch {
          // A record cut off by a crash mid-write: everything before it is whole.
          break;
        }
      }
      offset += length;
    }
    spool.size = offset;
    spool.closed = true;
    return spool;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get hasUnacked(): boolean {
    return this.unacked.length > 0;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  append(line: string): void {
    if (this.closed) return;
    this.open.push(line);
    this.openChars += line.length;
    this.linesAppended++;
    if (this.open.length >= BATCH_MAX_LINES || this.openChars >= BATCH_MAX_CHARS) this.seal();
    else this.timer ??= setTimeout(() => this.seal(), BATCH_MAX_WAIT_MS);
  }

  /** Makes the open lines a batch with the next seq and queues it for the file. */
  seal(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.open.length === 0) return;
    const batch: LogBatch = { seq: this.nextSeq++, lines: this.open };
    this.open = [];
    this.openChars = 0;
    const record = Buffer.from(JSON.stringify(batch) + "\n");
    // The lines stay in memory until they are on disk; if the disk fails they stay there.
    const entry: Entry = { seq: batch.seq, offset: this.size, length: record.length, chars: record.length, lines: batch.lines };
    this.size += record.length;
    this.unacked.push(entry);
    this.writes = this.writes.then(async () => {
      // After a disk error the file's offsets can no longer be trusted: memory only from then on.
      if (!this.writeError) {
        try {
          // appendFile loops until every byte is written; a short write would shift every later offset.
          await this.handle.appendFile(record);
          entry.lines = null;
        } catch (e) {
          this.writeError = e as Error;
        }
      }
      this.onReady();
    });
  }

  /** Seals what is open and waits until every batch is on disk (or kept in memory after a disk error). */
  async close(): Promise<void> {
    this.seal();
    this.closed = true;
    await this.writes;
    await this.handle.close().catch(() => undefined);
    this.onReady();
  }

  /** The first disk error, if any (the lines were kept in memory instead). */
  get diskError(): Error | null {
    return this.writeError;
  }

  /** The oldest unacknowledged batches, in order, up to the limits (always at least one when any is ready). */
  async readUnacked(maxBatches = 100, maxChars = 4 * 1024 * 1024): Promise<LogBatch[]> {
    await this.writes;
    const chosen: Entry[] = [];
    let chars = 0;
    for (const entry of this.unacked) {
      if (chosen.length >= maxBatches || (chosen.length > 0 && chars + entry.chars > maxChars)) break;
      chosen.push(entry);
      chars += entry.chars;
    }
    // Taken now: a write finishing during the read below drops an entry's in-memory lines.
    const inMemory = new Map(chosen.filter((e) => e.lines !== null).map((e) => [e.seq, e.lines!]));
    const fromDisk = chosen.filter((e) => !inMemory.has(e.seq));
    const parsed = new Map<number, string[]>();
    if (fromDisk.length > 0) {
      const first = fromDisk[0]!;
      const last = fromDisk[fromDisk.length - 1]!;
      const buffer = Buffer.alloc(last.offset + last.length - first.offset);
      const reader = await fs.open(this.file, "r");
      try {
        for (let got = 0; got < buffer.length; ) {
          const { bytesRead } = await reader.read(buffer, got, buffer.length - got, first.offset + got);
          if (bytesRead === 0) throw new Error(`${this.file} is shorter than its batches (at byte ${first.offset + got})`);
          got += bytesRead;
        }
      } finally {
        await reader.close();
      }
      for (const e of fromDisk) {
        const at = e.offset - first.offset;
        parsed.set(e.seq, (JSON.parse(buffer.subarray(at, at + e.length).toString("utf8")) as LogBatch).lines);
      }
    }
    return chosen.map((e) => ({ seq: e.seq, lines: inMemory.get(e.seq) ?? parsed.get(e.seq)! }));
  }

  /** The server has every batch through `seq`. */
  acknowledge(seq: number): void {
    if (seq <= this.ackedThrough) return;
    this.ackedThrough = seq;
    while (this.unacked.length > 0 && this.unacked[0]!.seq <= seq) this.unacked.shift();
    this.persistAck();
  }

  private ackWrite: Promise<void> | null = null;

  /** For a restarted agent; losing this write only means resending batches the server skips. One write at a time, the newest value last. */
  private persistAck(): void {
    if (this.ackWrite) return;
    const seq = this.ackedThrough;
    this.ackWrite = fs
      .writeFile(`${this.file}.acked`, String(seq))
      .catch(() => undefined)
      .then(() => {
        this.ackWrite = null;
        if (this.ackedThrough !== seq) this.persistAck();
      });
  }
}
