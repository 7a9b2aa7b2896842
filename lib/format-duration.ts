// Durations as people read them ("3m 12s", "1h 04m"). What people type ("30m", "1d 12h") is
// read by lib/duration.ts, the one grammar the CLI and the submit form share.

/** 192_000 -> "3m 12s"; 3_840_000 -> "1h 04m"; 183_600_000 -> "2d 3h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`;
}

/** A time from start to end, or to now while it runs. */
export function elapsedMs(start: Date | null, end: Date | null, now = Date.now()): number | null {
  if (!start) return null;
  return (end?.getTime() ?? now) - start.getTime();
}

// A max runtime's spelling belongs to the duration grammar (lib/duration.ts); re-exported for the job page.
export { formatRuntimeLimit } from "./duration";
