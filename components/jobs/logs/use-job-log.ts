"use client";

import { skipToken } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTRPC, useTRPCClient } from "@/components/trpc/trpc";
import { LogBuffer } from "./log-buffer";

/** Lines fetched per page when the reader scrolls to lines not held yet. */
const PAGE = 2_000;
/** Lines fetched per request when everything is wanted (search, download). */
const BULK = 50_000;
/** Requests in flight at once while fetching everything. */
const PARALLEL = 3;

/** signed_out: the stream ended with the session; a reconnect cannot help, a sign-in does (the page says so). */
export type StreamStatus = "idle" | "connecting" | "live" | "error" | "signed_out";

/**
 * A job's log: the last screenful first (jobs.logs), then every new line as it is written
 * (jobs.logStream over server-sent events, resuming by line number after a dropped connection),
 * and any earlier page when it scrolls into view.
 */
export function useJobLog({ jobId, initialTotal, live }: { jobId: string; initialTotal: number; live: boolean }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [buffer] = useState(() => new LogBuffer(initialTotal));
  const version = useSyncExternalStore(buffer.subscribe, buffer.getVersion, buffer.getVersion);
  const [streamFrom, setStreamFrom] = useState<number | null>(null);
  const [tailLoaded, setTailLoaded] = useState(false);
  const [tailError, setTailError] = useState(false);
  const pending = useRef(new Set<number>());
  // Once the job has been live here, the stream stays open until the server ends it (after the
  // last line), so a job that ends between two polls still delivers its final lines.
  const [streaming, setStreaming] = useState(live);
  if (live && !streaming) setStreaming(true);

  // The tail, so the first screen is there at once; the stream takes over after it.
  useEffect(() => {
    let cancelled = false;
    const from = Math.max(0, initialTotal - PAGE);
    client.jobs.logs
      .query({ jobId, from, limit: PAGE })
      .then(({ lines, total }) => {
        if (cancelled) return;
        buffer.insert(lines, total);
        setStreamFrom(lines.length ? lines[lines.length - 1]!.n + 1 : from);
        setTailLoaded(true);
      })
      .catch(() => !cancelled && setTailError(true));
    return () => {
      cancelled = true;
    };
    // Once per job: the buffer keeps what later renders learn.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId]);

  const subscription = useSubscription(
    trpc.jobs.logStream.subscriptionOptions(streaming && streamFrom !== null ? { jobId, from: streamFrom } : skipToken, {
      onData: (event) => buffer.insert(event.data.lines, event.data.total),
    }),
  );

  /** Fetches the page holding line n, once. */
  const ensureLine = useCallback(
    (n: number) => {
      const page = Math.floor(n / PAGE);
      if (pending.current.has(page)) return;
      pending.current.add(page);
      client.jobs.logs
        .query({ jobId, from: page * PAGE, limit: PAGE })
        .then(({ lines, total }) => buffer.insert(lines, total))
        .catch(() => undefined)
        .finally(() => pending.current.delete(page));
    },
    [buffer, client, jobId],
  );

  /** Every line, fetched in big pages a few at a time; reports progress as lines held / total. */
  const loadAll = useCallback(
    async (onProgress?: (loaded: number, total: number) => void, signal?: AbortSignal) => {
      const ranges: number[] = [];
      for (let start = 0; start < buffer.total; start += BULK) if (buffer.firstMissing(start, start + BULK) >= 0) ranges.push(start);
      const worker = async () => {
        for (let start = ranges.shift(); start !== undefined && !signal?.aborted; start = ranges.shift()) {
          const from = buffer.firstMissing(start, start + BULK);
          if (from < 0) continue;
          const { lines, total } = await client.jobs.logs.query({ jobId, from, limit: start + BULK - from }, { signal });
          buffer.insert(lines, total);
          onProgress?.(buffer.loaded, buffer.total);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    },
    [buffer, client, jobId],
  );

  const status: StreamStatus = !streaming || !tailLoaded
    ? "idle"
    : subscription.status === "pending"
      ? "live"
      : subscription.status === "connecting"
        ? "connecting"
        : subscription.status === "error"
          ? subscription.error?.data?.code === "UNAUTHORIZED"
            ? "signed_out"
            : "error"
          : "idle";

  return { buffer, version, tailLoaded, tailError, status, reconnect: subscription.reset, ensureLine, loadAll };
}
