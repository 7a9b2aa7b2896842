"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { ROW_HEIGHT } from "./log-line";

/**
 * Follow mode: the newest line stays in view as lines arrive, until the reader scrolls up (wheel,
 * touch, keys or the scrollbar, never our own scrolling); scrolling back to the end resumes it.
 */
export function useFollow(scrollRef: RefObject<HTMLDivElement | null>, total: number, version: number, expanded: boolean) {
  const [follow, setFollow] = useState(true);
  const [pausedAt, setPausedAt] = useState(0);
  const userScroll = useRef({ at: 0, held: false });
  // Read when following pauses, so changeFollow stays one function for the log's whole life.
  const totalRef = useRef(total);
  useEffect(() => {
    totalRef.current = total;
  }, [total]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (follow && el) el.scrollTop = el.scrollHeight;
  }, [scrollRef, follow, total, version, expanded]);

  const changeFollow = useCallback((next: boolean) => {
    setFollow(next);
    if (!next) setPausedAt(totalRef.current);
  }, []);

  useEffect(() => {
    const release = () => (userScroll.current.held = false);
    window.addEventListener("pointerup", release);
    return () => window.removeEventListener("pointerup", release);
  }, []);

  const markUserScroll = () => {
    userScroll.current.at = Date.now();
  };
  const handlers = {
    onScroll: () => {
      const el = scrollRef.current;
      if (!el) return;
      const fromUser = userScroll.current.held || Date.now() - userScroll.current.at < 800;
      if (!fromUser) return;
      const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT;
      if (atBottom !== follow) changeFollow(atBottom);
    },
    onWheel: markUserScroll,
    onTouchMove: markUserScroll,
    onKeyDown: markUserScroll,
    onPointerDown: () => {
      userScroll.current.held = true;
      markUserScroll();
    },
  };

  return { follow, changeFollow, newLines: follow ? 0 : Math.max(0, total - pausedAt), handlers };
}
