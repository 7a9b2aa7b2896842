"use client";
// One prefix of a dataset, page by page with the store's continuation token: never the whole
// listing.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPCClient } from "@/components/trpc/trpc";
import { browseKey, type BrowseInput } from "./browse-key";
import type { BrowserRow, Sort, TBrowsePage } from "./types";

export function useListing(input: BrowseInput) {
  const client = useTRPCClient();
  const query = useInfiniteQuery({
    queryKey: browseKey(input),
    queryFn: ({ pageParam, signal }) => client.datasets.browse.query({ ...input, token: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: TBrowsePage) => last.nextToken ?? undefined,
    staleTime: 30_000,
    // While a new filter loads, the old rows stay instead of a flash of placeholders.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1].input.prefix === input.prefix ? previous : undefined),
  });
  const rows = useMemo<BrowserRow[]>(() => {
    const pages = query.data?.pages ?? [];
    const folders: BrowserRow[] = [];
    const objects: BrowserRow[] = [];
    for (const p of pages) {
      for (const f of p.folders) folders.push({ type: "folder", ...f });
      for (const o of p.objects) objects.push({ type: "object", ...o });
    }
    return [...folders, ...objects];
  }, [query.data]);
  return { query, rows };
}

/** Sorts what has loaded: folders stay first; names compare as people read them (file2 < file10). */
export function sortRows(rows: BrowserRow[], sort: Sort): BrowserRow[] {
  if (sort.by === "name" && !sort.desc) return rows;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  const sign = sort.desc ? -1 : 1;
  const compare = (a: BrowserRow, b: BrowserRow): number => {
    if (a.type !== b.type) return a.type === "folder" ? -1 : 1;
    if (sort.by === "size" && a.type === "object" && b.type === "object") return sign * (a.size - b.size);
    if (sort.by === "modified" && a.type === "object" && b.type === "object") {
      return sign * (new Date(a.modifiedAt).getTime() - new Date(b.modifiedAt).getTime());
    }
    return sign * collator.compare(a.name, b.name);
  };
  return [...rows].sort(compare);
}
