// The browse query's input and key, shared by the server page (which puts the first page in the
// HTML) and the browser (which loads the rest). The key has tRPC's shape, so invalidating
// datasets.browse refreshes it too.
import type { InfiniteData } from "@tanstack/react-query";
import type { TBrowsePage } from "./types";

export const BROWSE_PAGE_SIZE = 200;

export type BrowseInput = { projectSlug: string; dataset: string; prefix: string; search?: string; limit: number };

export function browseInput(projectSlug: string, dataset: string, prefix: string, search: string): BrowseInput {
  return { projectSlug, dataset, prefix, search: search || undefined, limit: BROWSE_PAGE_SIZE };
}

/** [["datasets","browse"], { input, type: "infinite" }], as @trpc/tanstack-react-query builds keys. */
export function browseKey(input: BrowseInput) {
  return [["datasets", "browse"], { input, type: "infinite" }] as const;
}

export function firstPageData(page: TBrowsePage): InfiniteData<TBrowsePage, string | undefined> {
  return { pages: [page], pageParams: [undefined] };
}
