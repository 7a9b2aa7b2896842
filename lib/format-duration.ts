// Durations as people read them ("3m 12s", "1h 04m"), and max runtimes as people type them
// ("30m", "4h", "1d 12h").

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

const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;

/** 14_400 -> "4h"; 5_400 -> "1h 30m"; 90 -> "1m 30s". */
export function formatRuntimeLimit(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(seconds));
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join(" ") || "0s";
}

/**
 * "4h", "90m", "1d 12h", "1.5h", "3600" (seconds) -> seconds; null when it is not a duration.
 * Units: d, h, m, s (also "min", "hr", "day" spelled out).
 */
export function parseRuntime(text: string): number | null {
  const input = text.trim().toLowerCase();
  if (!input) return null;
  if (/^\d+$/.test(input)) return Number(input);
  const re = /(\d+(?:\.\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)/y;
  let total = 0;
  let pos = 0;
  let matched = false;
  while (pos < input.length) {
    while (input[pos] === " " || input[pos] === ",") pos++;
    if (pos >= input.length) break;
    re.lastIndex = pos;
    const m = re.exec(input);
    if (!m) return null;
    total += Number(m[1]) * UNIT_SECONDS[m[2]![0] as keyof typeof UNIT_SECONDS];
    pos = re.lastIndex;
    matched = true;
  }
  return matched ? Math.round(total) : null;
}
