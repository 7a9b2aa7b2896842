"use client";

import { format, formatDistanceToNowStrict } from "date-fns";
import { useEffect, useState } from "react";

/**
 * "3 minutes ago", with the exact time on hover. Rendered on the server too, so the text may
 * differ by a few seconds from the browser's; hydration is told not to mind.
 */
export function RelativeTime({ date, className }: { date: Date; className?: string }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 60_000);
    return () => clearInterval(id);
  }, []);
  return (
    <time dateTime={date.toISOString()} title={format(date, "PPpp")} className={className} suppressHydrationWarning>
      {relative(date)}
    </time>
  );
}

function relative(date: Date): string {
  if (Math.abs(Date.now() - date.getTime()) < 45_000) return "just now";
  return formatDistanceToNowStrict(date, { addSuffix: true });
}
