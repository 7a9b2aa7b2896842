"use client";

import { useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { LoadMore } from "@/components/ui/list-states";
import { cn } from "@/lib/cn";
import { formatBytes } from "@/lib/format-bytes";
import { useTRPCClient } from "@/components/trpc/trpc";
import { rowId, type RowsProps } from "./object-list";
import { isImageName, ObjectIcon } from "./object-kind";
import { useViewableUrl } from "./use-viewable-url";
import { datasetHref } from "./paths";
import type { BrowserRow } from "./types";

const CELL = 168;
const GAP = 12;

/** Tiles in virtualised rows; an image tile fetches its presigned URL only once it is on screen. */
export function ObjectGrid(props: RowsProps) {
  const { rows, hasMore, loadingMore, onLoadMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const columns = Math.max(1, Math.floor((width - 2 * GAP + GAP) / (CELL + GAP)));
  const rowCount = Math.ceil(rows.length / columns);
  // The virtualiser's functions cannot be memoised; this component re-renders on scroll anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CELL + GAP,
    overscan: 3,
    initialRect: { width: 900, height: 640 },
  });
  const items = virtualizer.getVirtualItems();
  const lastRow = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastRow >= rowCount - 4) onLoadMore();
  }, [hasMore, loadingMore, lastRow, rowCount, onLoadMore]);

  return (
    <div ref={scrollRef} className="h-full min-h-0 overflow-y-auto overscroll-contain p-3" role="list" aria-label="Objects">
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <div
            key={item.key}
            className="absolute inset-x-0 grid"
            style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: GAP }}
          >
            {rows.slice(item.index * columns, item.index * columns + columns).map((row) => (
              <div key={rowId(row)} role="listitem" className="min-w-0">
                <Tile row={row} {...props} />
              </div>
            ))}
          </div>
        ))}
      </div>
      {hasMore || loadingMore ? (
        <LoadMore loading={loadingMore} onLoadMore={onLoadMore} />
      ) : null}
    </div>
  );
}

function Tile({ row, projectSlug, dataset, selectedKey, onSelect }: RowsProps & { row: BrowserRow }) {
  const frame = "flex h-[168px] flex-col overflow-hidden rounded-lg border border-border bg-card text-left shadow-xs outline-none transition-colors hover:border-primary/40 focus-visible:ring-[3px] focus-visible:ring-ring/50";
  if (row.type === "folder") {
    return (
      <Link href={datasetHref(projectSlug, dataset, row.prefix)} className={cn(frame, "w-full")}>
        <span className="flex flex-1 items-center justify-center bg-sky-500/5">
          <ObjectIcon name={row.name} folder className="size-12 stroke-[1.25]" />
        </span>
        <span className="truncate border-t border-border px-2.5 py-2 text-xs font-medium">{row.name}</span>
      </Link>
    );
  }
  const selected = row.key === selectedKey;
  return (
    <button
      type="button"
      onClick={() => onSelect(row)}
      aria-pressed={selected}
      className={cn(frame, "w-full", selected && "border-primary ring-2 ring-primary/30")}
    >
      <span className="flex min-h-0 flex-1 items-center justify-center bg-muted/40">
        {isImageName(row.name) ? <Thumbnail projectSlug={projectSlug} dataset={dataset} objectKey={row.key} name={row.name} /> : <ObjectIcon name={row.name} className="size-10 stroke-[1.25]" />}
      </span>
      <span className="border-t border-border px-2.5 py-1.5">
        <span className="block truncate text-xs font-medium">{row.name}</span>
        <span className="block font-mono text-[11px] tabular-nums text-muted-foreground">{formatBytes(row.size)}</span>
      </span>
    </button>
  );
}

function Thumbnail({ projectSlug, dataset, objectKey, name }: { projectSlug: string; dataset: string; objectKey: string; name: string }) {
  const client = useTRPCClient();
  // Presigned URLs live 10 minutes; one is reused for 8. Asked for only while the tile is mounted,
  // which the virtualiser limits to the tiles on screen.
  const url = useQuery({
    queryKey: ["datasets", "thumbnail", projectSlug, dataset, objectKey],
    queryFn: () => client.datasets.downloadUrl.mutate({ projectSlug, dataset, key: objectKey }),
    staleTime: 8 * 60_000,
    gcTime: 8 * 60_000,
  });
  const [failed, setFailed] = useState(false);
  const viewable = useViewableUrl(url.data?.url);
  if (!viewable.src || failed || viewable.failed) {
    return <ObjectIcon name={name} className={cn("size-10 stroke-[1.25]", url.isPending && !failed && "animate-pulse")} />;
  }
  return (
    // Presigned store URLs (S3 ones as blob:): next/image would proxy them through the server, which we avoid.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={viewable.src} alt="" loading="lazy" decoding="async" onError={() => setFailed(true)} className="h-full w-full object-cover" />
  );
}
