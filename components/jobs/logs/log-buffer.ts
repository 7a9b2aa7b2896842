// A job's log lines as the browser holds them: a sparse array by job-wide line number, filled
// from the live stream at the end and page by page wherever the reader scrolls. Components read
// it through useSyncExternalStore; changes are announced at most every FLUSH_MS, so a stream of
// thousands of lines a second costs a few renders a second.
import type { TLogLine } from "@/components/trpc/router-types";

const FLUSH_MS = 120;

export class LogBuffer {
  private texts: (string | undefined)[] = [];
  /** attempt * 256 + node rank, per line; packed so a million lines cost no million objects. */
  private where = new Int32Array(1024);
  private listeners = new Set<() => void>();
  private layoutListeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Lines the job has, as far as we know (the server's count). */
  total = 0;
  /** Lines held here. */
  loaded = 0;
  /** The longest line held, in characters (sets the log's scroll width). */
  longest = 0;
  /** Bumped on every change; the snapshot components render from. */
  version = 0;

  constructor(total = 0) {
    this.total = total;
  }

  text(n: number): string | undefined {
    return this.texts[n];
  }

  has(n: number): boolean {
    return this.texts[n] !== undefined;
  }

  attempt(n: number): number {
    return this.where[n]! >> 8;
  }

  node(n: number): number {
    return this.where[n]! & 0xff;
  }

  /** Whether line n starts an attempt (known once line n-1 is held too, or n is 0). */
  startsAttempt(n: number): boolean {
    if (this.texts[n] === undefined) return false;
    if (n === 0) return true;
    return this.texts[n - 1] !== undefined && this.attempt(n - 1) !== this.attempt(n);
  }

  insert(lines: TLogLine[], total?: number): void {
    let layout = false;
    const last = lines.at(-1);
    if (last && last.n >= this.where.length) {
      let size = this.where.length;
      while (size <= last.n) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.where);
      this.where = grown;
    }
    for (const l of lines) {
      if (this.texts[l.n] === undefined) this.loaded += 1;
      const text = cleanLine(l.text);
      this.texts[l.n] = text;
      this.where[l.n] = (l.attempt << 8) | (l.node & 0xff);
      if (text.length > this.longest) this.longest = Math.min(text.length, 4000);
      if (l.n + 1 > this.total) this.total = l.n + 1;
      // A new attempt's first line, or the line after one we already hold.
      if (this.startsAttempt(l.n) || this.startsAttempt(l.n + 1)) layout = true;
    }
    if (total !== undefined && total > this.total) this.total = total;
    if (layout) for (const listener of this.layoutListeners) listener();
    this.changed();
  }

  setTotal(total: number): void {
    if (total <= this.total) return;
    this.total = total;
    this.changed();
  }

  /** The first line not held in [from, to), or -1. */
  firstMissing(from: number, to: number): number {
    for (let n = Math.max(0, from); n < Math.min(to, this.total); n++) if (this.texts[n] === undefined) return n;
    return -1;
  }

  /** The numbers of the held lines whose text contains `needle` (lower case), case-insensitively. */
  search(needle: string): number[] {
    const found: number[] = [];
    for (let n = 0; n < this.texts.length; n++) {
      const text = this.texts[n];
      if (text !== undefined && text.toLowerCase().includes(needle)) found.push(n);
    }
    return found;
  }

  /** The whole log as file parts (call once everything is held). */
  textParts(): string[] {
    const parts: string[] = [];
    for (let start = 0; start < this.total; start += 10_000) {
      const chunk: string[] = [];
      for (let n = start; n < Math.min(this.total, start + 10_000); n++) chunk.push(this.texts[n] ?? "");
      parts.push(chunk.join("\n") + "\n");
    }
    return parts;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Calls `listener` when an attempt's first line is learned (row heights change there). */
  onLayout(listener: () => void): () => void {
    this.layoutListeners.add(listener);
    return () => this.layoutListeners.delete(listener);
  }

  private changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.version += 1;
      for (const listener of this.listeners) listener();
    }, FLUSH_MS);
  }
}

// Terminal colour codes and progress bars (tqdm redraws its line with \r) read badly as text;
// a line shows what a terminal would have left on screen.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

export function cleanLine(text: string): string {
  let line = text.includes("\x1b") ? text.replace(ANSI, "") : text;
  if (line.includes("\r")) {
    const parts = line.split("\r").filter((p) => p.length > 0);
    line = parts.at(-1) ?? "";
  }
  return line;
}
