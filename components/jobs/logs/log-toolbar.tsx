"use client";

import { ArrowDownToLine, ChevronDown, ChevronUp, Download, Loader2, Maximize2, Minimize2, RotateCcw, Search } from "lucide-react";
import type { KeyboardEvent, RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { LiveDot } from "../job-state-badge";
import type { StreamStatus } from "./use-job-log";
import type { SearchLoading } from "./use-log-search";

type Props = {
  total: number;
  status: StreamStatus;
  onReconnect: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery: (q: string) => void;
  matchCount: number;
  position: number;
  searchLoading: SearchLoading | null;
  onStep: (direction: 1 | -1) => void;
  follow: boolean;
  /** Absent once the job has ended (nothing more will arrive). */
  onFollow?: (next: boolean) => void;
  downloading: SearchLoading | null;
  onDownload: () => void;
  expanded: boolean;
  onExpand: (next: boolean) => void;
};

export function LogToolbar({ searchRef, ...p }: Props) {
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter") {
      e.preventDefault();
      p.onStep(e.shiftKey ? -1 : 1);
    } else if (e.key === "Escape" && p.query) {
      e.preventDefault();
      e.stopPropagation();
      p.onQuery("");
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-border px-4 py-2.5">
      <div className="flex min-w-0 items-center gap-2.5">
        <h2 id="logs-heading" className="text-sm font-semibold">
          Logs
        </h2>
        <span className="text-xs text-muted-foreground tabular-nums">
          {p.total.toLocaleString()} {p.total === 1 ? "line" : "lines"}
        </span>
        <StreamBadge status={p.status} onReconnect={p.onReconnect} />
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-1.5">
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            ref={searchRef}
            type="search"
            aria-label="Search the log"
            title="Search every line (Ctrl+F inside the log)"
            placeholder="Search"
            value={p.query}
            onChange={(e) => p.onQuery(e.target.value)}
            onKeyDown={onKeyDown}
            className="h-8 w-44 pr-16 pl-8 text-xs sm:w-56"
          />
          {p.query ? (
            <span aria-live="polite" className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-[11px] text-muted-foreground tabular-nums">
              {p.searchLoading ? (
                <Loader2 className="size-3.5 motion-safe:animate-spin" aria-label="Searching" />
              ) : p.matchCount === 0 ? (
                "none"
              ) : (
                `${p.position >= 0 ? p.position + 1 : "–"} / ${p.matchCount.toLocaleString()}`
              )}
            </span>
          ) : null}
        </div>
        <Button variant="ghost" size="icon-sm" aria-label="Previous match (Shift+Enter)" disabled={p.matchCount === 0} onClick={() => p.onStep(-1)}>
          <ChevronUp aria-hidden />
        </Button>
        <Button variant="ghost" size="icon-sm" aria-label="Next match (Enter)" disabled={p.matchCount === 0} onClick={() => p.onStep(1)}>
          <ChevronDown aria-hidden />
        </Button>
        <span aria-hidden className="mx-0.5 h-5 w-px bg-border" />
        {p.onFollow ? (
          <Button
            variant="ghost"
            size="sm"
            aria-pressed={p.follow}
            onClick={() => p.onFollow?.(!p.follow)}
            className={cn("h-8 text-xs", p.follow && "bg-primary/10 text-primary hover:bg-primary/15 hover:text-primary")}
            title="Keep the newest line in view"
          >
            <ArrowDownToLine aria-hidden />
            Follow
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" className="h-8 text-xs" onClick={p.onDownload} disabled={p.downloading !== null || p.total === 0}>
          {p.downloading ? <Loader2 className="motion-safe:animate-spin" aria-hidden /> : <Download aria-hidden />}
          {p.downloading ? `${Math.floor((100 * p.downloading.loaded) / Math.max(1, p.downloading.total))}%` : "Download"}
        </Button>
        <Button variant="ghost" size="icon-sm" aria-label={p.expanded ? "Leave full screen" : "Show the log full screen"} onClick={() => p.onExpand(!p.expanded)}>
          {p.expanded ? <Minimize2 aria-hidden /> : <Maximize2 aria-hidden />}
        </Button>
      </div>
      {p.searchLoading ? (
        <p className="w-full text-xs text-muted-foreground" role="status">
          Fetching lines to search: {p.searchLoading.loaded.toLocaleString()} of {p.searchLoading.total.toLocaleString()}…
        </p>
      ) : null}
    </div>
  );
}

function StreamBadge({ status, onReconnect }: { status: StreamStatus; onReconnect: () => void }) {
  if (status === "live") {
    return (
      <span className="inline-flex items-center gap-1.5 text-xs font-medium text-success">
        <LiveDot />
        Live
      </span>
    );
  }
  if (status === "connecting") {
    return (
      <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
        <Loader2 className="size-3 motion-safe:animate-spin" aria-hidden />
        Connecting…
      </span>
    );
  }
  if (status === "signed_out") {
    return <span className="text-xs text-muted-foreground">Not live: signed out</span>;
  }
  if (status === "error") {
    return (
      <Button variant="ghost" size="sm" className="h-6 px-1.5 text-xs text-destructive" onClick={onReconnect}>
        <RotateCcw aria-hidden />
        Disconnected, reconnect
      </Button>
    );
  }
  return null;
}
