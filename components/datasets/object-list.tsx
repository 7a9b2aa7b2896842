"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { LoadMore } from "@/components/ui/list-states";
import { cn } from "@/lib/cn";
import { formatBytes } from "@/lib/format-bytes";
import { ObjectIcon } from "./object-kind";
import { datasetHref } from "./paths";
import type { BrowserRow, Sort, SortKey } from "./types";

const ROW_HEIGHT = 40;

export type RowsProps = {
  projectSlug: string;
  dataset: string;
  rows: BrowserRow[];
  selectedKey: string | null;
  onSelect: (row: BrowserRow & { type: "object" }) => void;
  /** Ticked rows (editors), by key or folder prefix. */
  checked: ReadonlySet<string> | null;
  onCheck: (id: string, on: boolean) => void;
  /** Ticks or clears every loaded row. */
  onCheckAll: (on: boolean) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  footer?: ReactNode;
};

export function rowId(row: BrowserRow): string {
  return row.type === "folder" ? row.prefix : row.key;
}

/** Virtualised rows: a prefix of millions of objects scrolls as smoothly as one of ten. */
export function ObjectList({ sort, onSort, ...props }: RowsProps & { sort: Sort; onSort: (by: SortKey) => void }) {
  const { rows, hasMore, loadingMore, onLoadMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualiser's functions cannot be memoised; this component re-renders on scroll anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rendered on the server too, so the first rows are in the page's HTML.
    initialRect: { width: 900, height: 640 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 40) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  return (
    <div role="table" aria-label="Objects" aria-rowcount={rows.length} className="flex h-full min-h-0 flex-col">
      <div role="rowgroup" className="border-b border-border bg-muted/30">
        <div role="row" className="grid h-9 grid-cols-[1.5rem_minmax(0,1fr)_4.5rem] sm:grid-cols-[2rem_minmax(0,1fr)_6rem_10rem] items-center gap-3 px-4 text-xs font-medium text-muted-foreground">
          <span role="columnheader" aria-label="Select">
            {props.checked ? (
              <input
                type="checkbox"
                aria-label="Select all loaded"
                checked={rows.length > 0 && props.checked.size >= rows.length && rows.every((r) => props.checked!.has(rowId(r)))}
                onChange={(e) => props.onCheckAll(e.target.checked)}
                className="size-3.5 accent-primary"
              />
            ) : null}
          </span>
          <SortHeader label="Name" by="name" sort={sort} onSort={onSort} />
          <SortHeader label="Size" by="size" sort={sort} onSort={onSort} align="right" />
          <SortHeader label="Modified" by="modified" sort={sort} onSort={onSort} className="hidden sm:block" />
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="min-h-0 flex-1 overflow-y-auto overscroll-contain" data-testid="object-rows">
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={rowId(row)}
                className="absolute inset-x-0"
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                <ObjectRow {...props} row={row} rowIndex={item.index} />
              </div>
            );
          })}
        </div>
        {hasMore || loadingMore ? (
          <LoadMore loading={loadingMore} onLoadMore={onLoadMore} className="border-t border-border" />
        ) : (
          props.footer
        )}
      </div>
    </div>
  );
}

function SortHeader({
  label,
  by,
  sort,
  onSort,
  align,
  className,
}: {
  label: string;
  by: SortKey;
  sort: Sort;
  onSort: (by: SortKey) => void;
  align?: "right";
  className?: string;
}) {
  const active = sort.by === by;
  const Arrow = sort.desc ? ArrowDown : ArrowUp;
  return (
    <span role="columnheader" aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"} className={cn(align === "right" && "text-right", className)}>
      <button
        type="button"
        onClick={() => onSort(by)}
        className={cn(
          "inline-flex items-center gap-1 rounded-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
          active && "text-foreground",
        )}
      >
        {label}
        {active ? <Arrow className="size-3" aria-hidden /> : null}
      </button>
    </span>
  );
}

function ObjectRow({ row, rowIndex, projectSlug, dataset, selectedKey, onSelect, checked, onCheck }: RowsProps & { row: BrowserRow; rowIndex: number }) {
  const id = rowId(row);
  const selected = row.type === "object" && row.key === selectedKey;
  const base = "grid h-10 grid-cols-[1.5rem_minmax(0,1fr)_4.5rem] sm:grid-cols-[2rem_minmax(0,1fr)_6rem_10rem] items-center gap-3 border-b border-border/60 px-4 text-sm";
  const checkbox = checked ? (
    <input
      type="checkbox"
      aria-label={`Select ${row.name}`}
      checked={checked.has(id)}
      onChange={(e) => onCheck(id, e.target.checked)}
      onClick={(e) => e.stopPropagation()}
      className="size-3.5 accent-primary"
    />
  ) : (
    <span />
  );
  if (row.type === "folder") {
    return (
      <div role="row" aria-rowindex={rowIndex + 1} className={cn(base, "hover:bg-muted/50")}>
        <span role="cell">{checkbox}</span>
        <span role="cell" className="min-w-0">
          <Link
            href={datasetHref(projectSlug, dataset, row.prefix)}
            className="flex min-w-0 items-center gap-2 rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <ObjectIcon name={row.name} folder />
            <span className="truncate">{row.name}</span>
          </Link>
        </span>
        <span role="cell" className="text-right text-xs text-muted-foreground">—</span>
        <span role="cell" className="hidden text-xs text-muted-foreground sm:block">Folder</span>
      </div>
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 1}
      aria-selected={selected}
      onClick={() => onSelect(row)}
      className={cn(base, "cursor-pointer hover:bg-muted/50", selected && "bg-primary/8 hover:bg-primary/10")}
    >
      <span role="cell">{checkbox}</span>
      <span role="cell" className="min-w-0">
        <button
          type="button"
          onClick={(e) => {
            e.stopPropagation();
            onSelect(row);
          }}
          className="flex max-w-full min-w-0 items-center gap-2 rounded-sm text-left outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <ObjectIcon name={row.name} />
          <span className="truncate">{row.name}</span>
        </button>
      </span>
      <span role="cell" className="text-right font-mono text-xs tabular-nums text-muted-foreground">
        {formatBytes(row.size)}
      </span>
      <span role="cell" className="hidden truncate text-xs tabular-nums text-muted-foreground sm:block" suppressHydrationWarning>
        {formatModified(new Date(row.modifiedAt))}
      </span>
    </div>
  );
}

const SHORT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** "24 Nov 2026, 09:14" in the reader's time zone (the server's HTML may differ; hydration is told). */
export function formatModified(date: Date): string {
  return Number.isNaN(date.getTime()) ? "—" : SHORT.format(date);
}
