"use client";

import { format, formatDistanceStrict } from "date-fns";
import { useIsClient } from "@/components/ui/local-time";
import { useNow } from "./elapsed-time";

/** "in 12 minutes", with the clock time on hover; "any moment now" once the estimate has passed. */
export function EstimatedStart({ at, className }: { at: Date | null; className?: string }) {
  const now = useNow(15_000);
  const client = useIsClient();
  if (!at) return <span className={className}>no estimate yet</span>;
  const text = at.getTime() - now < 30_000 ? "any moment now" : `in ${formatDistanceStrict(at, now)}`;
  return (
    <time dateTime={at.toISOString()} title={client ? format(at, "PPpp") : undefined} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
