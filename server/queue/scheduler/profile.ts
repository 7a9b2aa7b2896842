// Free units (GPUs, or CPU slots) of one agent over time, from `now` on: a step function that
// rises as running attempts reach their expected end and falls where a placement or a
// reservation takes units. Per agent it holds a handful of steps (its running attempts plus the
// reservations on it), so scanning one is cheap; the scheduler never builds a global timeline.

export class FreeProfile {
  /** times[i] is where step i starts; step i lasts until times[i + 1] (the last one forever). */
  private readonly times: number[];
  private readonly free: number[];

  constructor(now: number, freeNow: number, releases: { at: number; count: number }[]) {
    this.times = [now];
    this.free = [freeNow];
    const sorted = releases.filter((r) => r.count > 0).sort((a, b) => a.at - b.at);
    let level = freeNow;
    for (const r of sorted) {
      const at = Math.max(r.at, now + 1);
      level += r.count;
      if (this.times[this.times.length - 1] === at) this.free[this.free.length - 1] = level;
      else {
        this.times.push(at);
        this.free.push(level);
      }
    }
  }

  get freeNow(): number {
    return this.free[0]!;
  }

  /** Free units at time t (t >= now). */
  freeAt(t: number): number {
    return this.free[this.stepAt(t)]!;
  }

  /** Fewest free units at any moment of [t0, t1). */
  minFree(t0: number, t1: number): number {
    let i = this.stepAt(t0);
    let min = this.free[i]!;
    for (i++; i < this.times.length && this.times[i]! < t1; i++) min = Math.min(min, this.free[i]!);
    return min;
  }

  /** Takes `count` units over [t0, t1). */
  take(t0: number, t1: number, count: number): void {
    const first = this.splitAt(t0);
    const end = t1 === Infinity ? this.times.length : this.splitAt(t1);
    for (let i = first; i < end; i++) this.free[i]! -= count;
  }

  /**
   * Every start t at which `count` units stay free for all of [t, t + duration): appended to
   * `out` as closed intervals [from, to] (flattened pairs; `to` may be Infinity). Each `from`
   * is a step boundary, so the earliest common start of several agents is one of them.
   */
  feasibleStarts(count: number, duration: number, out: number[]): void {
    let runStart = -1;
    for (let i = 0; i < this.times.length; i++) {
      if (this.free[i]! >= count) {
        if (runStart < 0) runStart = this.times[i]!;
      } else if (runStart >= 0) {
        if (this.times[i]! - runStart >= duration) out.push(runStart, this.times[i]! - duration);
        runStart = -1;
      }
    }
    if (runStart >= 0) out.push(runStart, Infinity);
  }

  /** The earliest start with `count` units free for `duration`, or null if there is none. */
  firstFeasibleStart(count: number, duration: number): number | null {
    let runStart = -1;
    for (let i = 0; i < this.times.length; i++) {
      if (this.free[i]! >= count) {
        if (runStart < 0) runStart = this.times[i]!;
      } else if (runStart >= 0) {
        if (this.times[i]! - runStart >= duration) return runStart;
        runStart = -1;
      }
    }
    return runStart >= 0 ? runStart : null;
  }

  private stepAt(t: number): number {
    let i = 0;
    while (i + 1 < this.times.length && this.times[i + 1]! <= t) i++;
    return i;
  }

  /** Index of the step that starts exactly at t, splitting the step that contains it. */
  private splitAt(t: number): number {
    const i = this.stepAt(t);
    if (this.times[i] === t) return i;
    this.times.splice(i + 1, 0, t);
    this.free.splice(i + 1, 0, this.free[i]!);
    return i + 1;
  }
}
