"use client";

import { format } from "date-fns";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** True in the browser after hydration; false while rendering on the server. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A clock time in the viewer's own time zone ("d MMM, HH:mm:ss" by default). The server does not
 * know that zone, so its render leaves the text empty and the browser fills it in.
 */
export function LocalTime({ date, pattern = "d MMM, HH:mm:ss", className }: { date: Date; pattern?: string; className?: string }) {
  const client = useIsClient();
  return (
    <time dateTime={date.toISOString()} title={client ? format(date, "PPpp") : undefined} className={className}>
      {client ? format(date, pattern) : "\u00a0"}
    </time>
  );
}
