"use client";

import { useEffect, useState } from "react";
import { elapsedMs, formatDuration } from "@/lib/format-duration";

/** How long something ran, or has been running: ticks every second until it has an end. */
export function ElapsedTime({ start, end, className }: { start: Date | null; end: Date | null; className?: string }) {
  const now = useNow(start && !end ? 1000 : null);
  const ms = elapsedMs(start, end, now);
  if (ms === null) return <span className={className}>—</span>;
  return (
    <span className={className} suppressHydrationWarning>
      {formatDuration(Math.max(0, ms))}
    </span>
  );
}

/** The current time, refreshed every `everyMs` (not at all when null). */
export function useNow(everyMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (everyMs === null) return;
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
