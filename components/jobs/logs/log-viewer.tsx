"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ScrollText } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { TJob } from "@/components/trpc/router-types";
import { isActive } from "../job-state-badge";
import { AttemptSeparator } from "./attempt-separator";
import { downloadFromServer, logFileName, saveTextFile } from "./download-log";
import { LastError } from "./last-error";
import { LogLine, ROW_HEIGHT, SEPARATOR_HEIGHT } from "./log-line";
import { LogToolbar } from "./log-toolbar";
import { useFollow } from "./use-follow";
import { useJobLog } from "./use-job-log";
import { useLineLink } from "./use-line-link";
import { useLogSearch, type SearchLoading } from "./use-log-search";

/**
 * The job's log, live: virtualized (only the rows in view are in the page, so a million lines
 * scroll like a hundred), following the end until the reader scrolls up, searchable, downloadable.
 */
export function LogViewer({ job }: { job: TJob }) {
  const log = useJobLog({ jobId: job.id, initialTotal: job.logLineCount, live: isActive(job.state) });
  const { buffer, version } = log;
  useEffect(() => buffer.setTotal(job.logLineCount), [buffer, job.logLineCount]);
  const search = useLogSearch(buffer, version, log.loadAll);

  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [downloading, setDownloading] = useState<SearchLoading | null>(null);

  const count = buffer.total;
  // The virtualizer's functions change as it scrolls, so the compiler leaves this component as
  // written (it re-renders on every scroll frame anyway, which is what virtualization needs).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ROW_HEIGHT + (buffer.startsAttempt(i) ? SEPARATOR_HEIGHT : 0),
    overscan: 30,
  });
  // Row heights change only where an attempt's first line is learned; the buffer says when.
  useEffect(() => buffer.onLayout(() => virtualizer.measure()), [buffer, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    for (let n = first; n <= last; n++) if (!buffer.has(n)) log.ensureLine(n);
  }, [first, last, version, buffer, log]);

  const { follow, changeFollow, newLines, handlers } = useFollow(scrollRef, count, version, expanded);
  const pauseFollow = useCallback(() => changeFollow(false), [changeFollow]);
  const scrollTo = useCallback((n: number) => virtualizer.scrollToIndex(n, { align: "center" }), [virtualizer]);
  const { selectedLine, selectLine } = useLineLink({ total: count, ready: log.tailLoaded, scrollTo, pauseFollow });

  useEffect(() => {
    if (!expanded) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setExpanded(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [expanded]);

  function stepSearch(direction: 1 | -1) {
    const n = search.step(direction, first);
    if (n === null) return;
    changeFollow(false);
    virtualizer.scrollToIndex(n, { align: "center" });
  }

  async function download() {
    // A log not held here yet comes straight from the server, streamed, rather than page by page.
    if (buffer.loaded < buffer.total) {
      downloadFromServer(`/api/v1/jobs/${encodeURIComponent(job.id)}/logs/download`);
      return;
    }
    setDownloading({ loaded: buffer.loaded, total: buffer.total });
    try {
      await log.loadAll((loaded, total) => setDownloading({ loaded, total }));
      saveTextFile(buffer.textParts(), logFileName(job.name, job.id));
    } catch {
      toast.error("The log could not be downloaded. Try again in a moment.");
    } finally {
      setDownloading(null);
    }
  }

  const gutter = `calc(${Math.max(4, String(count).length)}ch + 1.25rem)`;
  const attempts = new Map(job.attempts.map((a) => [a.number, a]));
  const live = isActive(job.state);
  // Short logs take the room they need; long ones scroll inside 32rem (or the whole screen).
  const height = expanded ? undefined : count === 0 ? 160 : Math.min(512, Math.max(160, virtualizer.getTotalSize() + 2));

  return (
    <section
      aria-labelledby="logs-heading"
      onKeyDown={(e) => {
        // The browser's find sees only the rows on screen; inside the log, Ctrl+F searches it all.
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "f") {
          e.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
        }
      }}
      className={cn(
        "flex flex-col overflow-hidden rounded-xl border border-border bg-card shadow-xs",
        expanded && "fixed inset-2 z-50 shadow-2xl sm:inset-4",
      )}
    >
      <LogToolbar
        total={count}
        status={log.status}
        onReconnect={log.reconnect}
        searchRef={searchRef}
        query={search.query}
        onQuery={search.setQuery}
        matchCount={search.matches.length}
        position={search.position}
        searchLoading={search.loading}
        onStep={stepSearch}
        follow={follow}
        onFollow={live ? changeFollow : undefined}
        downloading={downloading}
        onDownload={() => void download()}
        expanded={expanded}
        onExpand={setExpanded}
      />
      {job.state === "failed" || job.state === "timed_out" ? (
        <LastError
          buffer={buffer}
          version={version}
          onShow={(n) => {
            changeFollow(false);
            virtualizer.scrollToIndex(n, { align: "center" });
          }}
        />
      ) : null}
      <div className="relative min-h-0 flex-1">
        <div
          ref={scrollRef}
          role="log"
          aria-label={`Log of ${job.name}`}
          tabIndex={0}
          {...handlers}
          className={cn(
            "overflow-auto font-mono text-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset",
            "bg-(--log-bg) [--log-bg:oklch(0.985_0.003_250)] dark:[--log-bg:oklch(0.165_0.012_260)]",
            expanded && "h-full",
          )}
          style={{ height }}
        >
          {count === 0 ? (
            <EmptyLog job={job} loading={!log.tailLoaded && !log.tailError} failed={log.tailError} />
          ) : (
            <div
              className="relative"
              style={{ height: virtualizer.getTotalSize(), minWidth: "100%", width: `calc(${buffer.longest}ch + ${gutter} + 2rem)` }}
            >
              {items.map((item) => {
                const n = item.index;
                const attempt = buffer.attempt(n);
                const separator = buffer.startsAttempt(n) ? <AttemptSeparator attempt={attempts.get(attempt)} number={attempt} /> : null;
                return (
                  <div key={item.key} className="absolute top-0 left-0 w-full" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                    <LogLine
                      n={n}
                      text={buffer.text(n)}
                      node={buffer.node(n)}
                      gutter={gutter}
                      query={search.active}
                      current={search.currentLine === n}
                      selected={selectedLine === n}
                      onSelect={selectLine}
                      showNode={job.nodes > 1}
                      separator={separator}
                    />
                  </div>
                );
              })}
            </div>
          )}
        </div>
        {!follow && count > 0 ? (
          <Button size="sm" className="absolute right-5 bottom-4 shadow-lg" onClick={() => changeFollow(true)}>
            <ArrowDown aria-hidden />
            Jump to end{newLines > 0 ? ` · ${newLines.toLocaleString()} new` : ""}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function EmptyLog({ job, loading, failed }: { job: TJob; loading: boolean; failed: boolean }) {
  const text = failed
    ? "The log could not be loaded. Reload the page to try again."
    : loading
      ? "Loading the log…"
      : job.state === "queued" || job.state === "starting"
        ? "Nothing yet: lines appear here as soon as the job prints them."
        : isActive(job.state)
          ? "Running; the job has printed nothing yet."
          : "The job printed nothing.";
  return (
    <div className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center font-sans text-sm text-muted-foreground">
      <ScrollText className="size-5" aria-hidden />
      <p role={failed ? "alert" : undefined}>{text}</p>
    </div>
  );
}
