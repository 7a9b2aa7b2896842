"use client";

import { useDeferredValue, useEffect, useMemo, useState } from "react";
import type { LogBuffer } from "./log-buffer";

export type SearchLoading = { loaded: number; total: number };

/**
 * Search over the whole log: the lines that contain the text (case-insensitive), and which hit
 * is current. Lines not held yet are fetched first, with progress, so a hit is never missed.
 */
export function useLogSearch(
  buffer: LogBuffer,
  version: number,
  loadAll: (onProgress: (loaded: number, total: number) => void, signal: AbortSignal) => Promise<void>,
) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const [currentLine, setCurrentLine] = useState<number | null>(null);
  const [loading, setLoading] = useState<SearchLoading | null>(null);
  const searching = deferred.length > 0;

  useEffect(() => {
    if (!searching || buffer.loaded >= buffer.total) return;
    const abort = new AbortController();
    loadAll((loaded, total) => setLoading({ loaded, total }), abort.signal)
      .catch(() => undefined)
      .finally(() => setLoading(null));
    return () => abort.abort();
  }, [searching, buffer, loadAll]);

  // While lines are still arriving for the search, it waits for them all (scanning a growing
  // million lines after every page would cost more than the fetching itself).
  const ready = loading === null;
  const matches = useMemo(() => {
    if (!deferred || !ready) return [];
    return buffer.search(deferred.toLowerCase());
    // `version` stands for the buffer's contents, which change in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [buffer, deferred, version, ready]);

  const position = currentLine === null ? -1 : matches.indexOf(currentLine);

  /** The next hit after the current one (or after `fromLine`), wrapping around. */
  function step(direction: 1 | -1, fromLine?: number): number | null {
    if (matches.length === 0) return null;
    const from = currentLine ?? fromLine ?? (direction === 1 ? -1 : Number.MAX_SAFE_INTEGER);
    const next =
      direction === 1
        ? (matches.find((n) => n > from) ?? matches[0]!)
        : (matches.findLast((n) => n < from) ?? matches[matches.length - 1]!);
    setCurrentLine(next);
    return next;
  }

  function changeQuery(next: string) {
    setQuery(next);
    setCurrentLine(null);
  }

  return { query, setQuery: changeQuery, active: deferred, matches, position, currentLine, step, loading };
}
