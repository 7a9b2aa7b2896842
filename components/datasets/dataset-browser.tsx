"use client";

import { useQuery } from "@tanstack/react-query";
import { FolderOpen, SearchX, Upload } from "lucide-react";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingRows } from "@/components/ui/list-states";
import { cn } from "@/lib/cn";
import { useDebounced } from "@/lib/use-debounced";
import { formatBytes } from "@/lib/format-bytes";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import { Breadcrumbs, SearchBox, UploadMenu, ViewToggle, type View } from "./browser-toolbar";
import { useDataset } from "./dataset-context";
import { DeleteObjectsButton } from "./delete-objects-dialog";
import { ObjectDetails } from "./object-details";
import { ObjectGrid } from "./object-grid";
import { ObjectList, rowId } from "./object-list";
import type { BrowserRow, Sort, SortKey, TObject } from "./types";
import { filesFromDrop, isSystemJunk, type PickedFile } from "./upload/collect-files";
import { browseInput } from "./browse-key";
import { sortRows, useListing } from "./use-listing";

const VIEW_KEY = "benchtop.datasets.view";

/** One folder of a dataset: breadcrumbs, filter, sort, list or grid, details and upload by drop. */
export function DatasetBrowser({ prefix }: { prefix: string }) {
  const { projectSlug, dataset, canEdit, uploads } = useDataset();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferredSearch = useDebounced(search.trim(), 250);
  const [sort, setSort] = useState<Sort>({ by: "name", desc: false });
  const [view, changeView] = useViewPreference();
  const [selected, setSelected] = useState<TObject | null>(null);
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const [dragging, setDragging] = useState(false);


  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.querySelector("[role=dialog],[role=alertdialog]")) setSelected(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected]);

  const { query, rows } = useListing(browseInput(projectSlug, dataset, prefix, deferredSearch));
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const size = useQuery({
    ...trpc.datasets.folderSize.queryOptions({ projectSlug, dataset, prefix }),
    // After the first page, so a slow count never holds the listing back (they would share a batch).
    enabled: query.isSuccess,
    staleTime: 60_000,
  });

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const onSort = (by: SortKey) => setSort((s) => (s.by === by ? { by, desc: !s.desc } : { by, desc: by !== "name" }));
  const onCheck = useCallback((id: string, on: boolean) => {
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const onCheckAll = (on: boolean) => setChecked(on ? new Set(rows.map(rowId)) : new Set());
  const checkedRows = useMemo(() => rows.filter((r) => checked.has(rowId(r))), [rows, checked]);

  const enqueue = (files: PickedFile[]) => {
    const wanted = files.filter((f) => !isSystemJunk(f.path));
    if (wanted.length) uploads.add(wanted.map((f) => ({ file: f.file, key: prefix + f.path })));
  };
  const dropProps = canEdit
    ? {
        onDragOver: (e: DragEvent) => {
          if (!e.dataTransfer.types.includes("Files")) return;
          e.preventDefault();
          setDragging(true);
        },
        onDragLeave: (e: DragEvent) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        },
        onDrop: async (e: DragEvent) => {
          e.preventDefault();
          setDragging(false);
          enqueue(await filesFromDrop(e.dataTransfer));
        },
      }
    : {};

  const rowsProps = {
    projectSlug,
    dataset,
    rows: sorted,
    selectedKey: selected?.key ?? null,
    onSelect: (row: BrowserRow & { type: "object" }) => setSelected(row),
    checked: canEdit ? checked : null,
    onCheck,
    onCheckAll,
    hasMore: Boolean(hasNextPage),
    loadingMore: isFetchingNextPage,
    onLoadMore: loadMore,
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-2 lg:flex-row lg:items-center lg:justify-between">
        <Breadcrumbs projectSlug={projectSlug} dataset={dataset} prefix={prefix} />
        <div className="flex flex-wrap items-center gap-2">
          <SearchBox value={search} onChange={setSearch} />
          <ViewToggle view={view} onChange={changeView} />
          {canEdit && checkedRows.length > 0 ? (
            <DeleteObjectsButton
              projectSlug={projectSlug}
              dataset={dataset}
              prefix={prefix}
              rows={checkedRows}
              onDeleted={() => {
                setChecked(new Set());
                if (selected && checked.has(selected.key)) setSelected(null);
              }}
            />
          ) : null}
          {canEdit ? <UploadMenu onPick={enqueue} /> : null}
        </div>
      </div>

      <div
        {...dropProps}
        className={cn(
          "relative grid h-[calc(100dvh-26rem)] min-h-[24rem] overflow-hidden rounded-xl border border-border bg-card shadow-xs",
          selected ? "lg:grid-cols-[minmax(0,1fr)_22rem]" : "grid-cols-1",
        )}
      >
        <div className="flex min-h-0 flex-col">
          <div className="min-h-0 flex-1">
            {query.isPending ? (
              <div className="p-4">
                <LoadingRows rows={8} className="h-8" />
              </div>
            ) : query.isError ? (
              <div className="p-6">
                <p role="alert" className="text-sm text-destructive">
                  {errorMessageOf(query.error, "This folder could not be listed.")}
                </p>
                <Button variant="outline" size="sm" className="mt-3" onClick={() => void query.refetch()}>
                  Try again
                </Button>
              </div>
            ) : rows.length === 0 ? (
              <div className="p-6">
                {deferredSearch ? (
                  <EmptyState icon={SearchX} title={`Nothing here starts with “${deferredSearch}”`}>
                    The filter matches the beginning of names in this folder, letter for letter.
                  </EmptyState>
                ) : (
                  <EmptyState icon={FolderOpen} title={prefix ? "This folder is empty" : "This dataset is empty"}>
                    {canEdit ? "Drop files or a whole folder here, or use Upload. They go straight to the store." : "Nothing has been uploaded yet."}
                  </EmptyState>
                )}
              </div>
            ) : view === "list" ? (
              <ObjectList {...rowsProps} sort={sort} onSort={onSort} />
            ) : (
              <ObjectGrid {...rowsProps} />
            )}
          </div>
          <StatusBar rows={rows} more={Boolean(hasNextPage)} sorted={sort.by !== "name" || sort.desc} size={size.data} />
        </div>
        {selected ? (
          <div className="absolute inset-0 z-10 border-border bg-card lg:static lg:border-l">
            <ObjectDetails key={selected.key} projectSlug={projectSlug} dataset={dataset} object={selected} onClose={() => setSelected(null)} />
          </div>
        ) : null}
        {dragging ? (
          <div className="pointer-events-none absolute inset-2 z-20 flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-primary bg-primary/5 text-sm font-medium text-primary backdrop-blur-[1px]">
            <Upload className="size-6" aria-hidden />
            Drop to upload to {dataset}/{prefix}
          </div>
        ) : null}
      </div>
    </div>
  );
}


/** List or grid, remembered in this browser (the server's HTML is always the list). */
function useViewPreference(): [View, (v: View) => void] {
  const view = useSyncExternalStore(
    (onChange) => {
      window.addEventListener("storage", onChange);
      window.addEventListener(VIEW_KEY, onChange);
      return () => {
        window.removeEventListener("storage", onChange);
        window.removeEventListener(VIEW_KEY, onChange);
      };
    },
    () => (window.localStorage.getItem(VIEW_KEY) === "grid" ? "grid" : "list"),
    () => "list" as const,
  );
  const change = (v: View) => {
    window.localStorage.setItem(VIEW_KEY, v);
    window.dispatchEvent(new Event(VIEW_KEY));
  };
  return [view, change];
}

function StatusBar({ rows, more, sorted, size }: { rows: BrowserRow[]; more: boolean; sorted: boolean; size?: { objects: number; bytes: number; complete: boolean } }) {
  let folders = 0;
  let objects = 0;
  for (const r of rows) {
    if (r.type === "folder") folders += 1;
    else objects += 1;
  }
  const n = (v: number) => v.toLocaleString("en-US");
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-t border-border bg-muted/30 px-4 py-2 text-xs text-muted-foreground">
      <span>
        {folders > 0 ? `${n(folders)} ${folders === 1 ? "folder" : "folders"} · ` : ""}
        {n(objects)} {objects === 1 ? "object" : "objects"}
        {more ? " loaded, more below" : ""}
        {sorted && more ? " (sorted among those loaded)" : ""}
      </span>
      {size ? (
        <span className="font-mono tabular-nums" title={size.complete ? "Everything under this folder, subfolders included" : "Counting stopped at a limit; the folder holds more."}>
          {size.complete ? "" : "at least "}
          {n(size.objects)} {size.objects === 1 ? "object" : "objects"} · {formatBytes(size.bytes)} here and below
        </span>
      ) : null}
    </div>
  );
}
