"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Links to a line, as GitHub does: #L123 in the address opens the log there, and clicking a line
 * number selects it and puts its link in the address bar to copy.
 */
export function useLineLink({
  total,
  ready,
  scrollTo,
  pauseFollow,
}: {
  total: number;
  ready: boolean;
  scrollTo: (n: number) => void;
  pauseFollow: () => void;
}) {
  const [selectedLine, setSelectedLine] = useState<number | null>(null);
  const linked = useRef<number | null>(null);

  useEffect(() => {
    const id = requestAnimationFrame(() => {
      const match = /^#L(\d+)$/.exec(window.location.hash);
      if (!match) return;
      linked.current = Number(match[1]) - 1;
      setSelectedLine(linked.current);
      pauseFollow();
    });
    return () => cancelAnimationFrame(id);
  }, [pauseFollow]);

  // Once the log knows that many lines, go there (once).
  useEffect(() => {
    const n = linked.current;
    if (n === null || !ready || n >= total) return;
    linked.current = null;
    scrollTo(n);
  }, [total, ready, scrollTo]);

  const selectLine = useCallback(
    (n: number) => {
      setSelectedLine(n);
      pauseFollow();
      window.history.replaceState(null, "", `#L${n + 1}`);
    },
    [pauseFollow],
  );

  return { selectedLine, selectLine };
}
