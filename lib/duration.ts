// The one duration grammar: the CLI's --max-runtime and the web submit form's "Max runtime" both
// read durations here. A duration is numbers with units, summed: "90m", "2h30m", "1d 12h", "1.5h"
// (d, h, m, s; also "min", "hr", "day" spelled out). A number without a unit is refused: Slurm
// reads `--time=90` as minutes, and a bare "90" must never quietly become 90 seconds.

const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;
const PART = /(\d+(?:\.\d+)?)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])/y;

export type ParsedDuration = { ok: true; seconds: number } | { ok: false; problem: string };

/**
 * "2h30m" -> { ok: true, seconds: 9000 }. When it is not a duration, `problem` says why in words
 * that follow the field's name ("--max-runtime \"90\" needs a unit: ...", "Max runtime needs a unit: ...").
 */
export function parseDuration(text: string): ParsedDuration {
  const input = text.trim().toLowerCase();
  if (!input) return { ok: false, problem: "is empty: give a duration such as 90m, 2h30m or 1d 12h" };
  if (/^\d+(?:\.\d+)?$/.test(input)) {
    return { ok: false, problem: `needs a unit: ${input}m (minutes), ${input}h (hours) or ${input}s (seconds)` };
  }
  let total = 0;
  let pos = 0;
  while (pos < input.length) {
    while (input[pos] === " " || input[pos] === ",") pos++;
    if (pos >= input.length) break;
    PART.lastIndex = pos;
    const m = PART.exec(input);
    if (!m) {
      const rest = input.slice(pos);
      if (/^\d+(?:\.\d+)?$/.test(rest)) return { ok: false, problem: `needs a unit after ${rest} (m, h or s)` };
      return { ok: false, problem: "must be a duration such as 90m, 2h30m or 1d 12h" };
    }
    total += Number(m[1]) * UNIT_SECONDS[m[2]![0] as keyof typeof UNIT_SECONDS];
    pos = PART.lastIndex;
  }
  return { ok: true, seconds: Math.round(total) };
}

/** Seconds, or null when the text is not a duration (for callers that only need the value). */
export function durationSeconds(text: string): number | null {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed.seconds : null;
}

/** 14_400 -> "4h"; 5_400 -> "1h 30m"; 90 -> "1m 30s": the grammar's own spelling, read back by parseDuration. */
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
