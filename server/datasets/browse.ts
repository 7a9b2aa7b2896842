// Reading a dataset: one folder page per store call, object details, folder size (counted up to a
// cap), and short-lived download URLs. Keys in and out are relative to the dataset's root.
import { AppError } from "../errors";
import { contentTypeOf } from "../storage/content-type";
import { StorageKeyError, StoreAccessError, type ObjectStore } from "../storage/object-store";
import type { ProjectArgs } from "../projects/access";
import { loadDataset, type DatasetArgs } from "./open-store";
import type { TBrowseInput, TBrowseOutput } from "./schemas";

type Ref = DatasetArgs;

export const DOWNLOAD_URL_SECONDS = 600;
/** Folder size: at most this many listing pages (of 1000) are summed; past that the figure is a floor. */
export const FOLDER_SIZE_PAGES = 20;

/** A store's refusal or a bad key as the caller's error, in the store's words. */
export async function storeCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof StorageKeyError) throw new AppError("BAD_REQUEST", e.message);
    if (e instanceof StoreAccessError) throw new AppError("UNAVAILABLE", e.message);
    throw e;
  }
}

const nameOf = (key: string) => key.replace(/\/$/, "").slice(key.replace(/\/$/, "").lastIndexOf("/") + 1);

/**
 * The continuation token handed out: the store's own, with the listing it continues. A token is
 * opaque to callers; one that is not ours, or continues another folder or search, is refused
 * instead of silently listing from the start (the local store's tokens are keys, and any string
 * is a key) or failing in the store.
 */
function pageToken(listing: string, storeToken: string | null): string | null {
  return storeToken === null ? null : Buffer.from(JSON.stringify({ l: listing, t: storeToken })).toString("base64url");
}

function storeTokenOf(listing: string, token: string): string {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const p = parsed as { l?: unknown; t?: unknown } | null;
  if (p && p.l === listing && typeof p.t === "string") return p.t;
  throw new AppError("BAD_REQUEST", "The token is not the nextToken of a page of this folder and search; list again without a token to start from the top.", { token: ["is not a continuation token of this listing"] });
}

/** One page of a folder, in the store's key order: one list call, never a full listing. */
export async function browseDataset(args: ProjectArgs & TBrowseInput): Promise<TBrowseOutput> {
  const { objects } = await loadDataset({ ...args, atLeast: "viewer" });
  const prefix = args.prefix ?? "";
  if (args.search?.includes("/")) throw new AppError("BAD_REQUEST", "Search names within one folder: leave out the /.", { search: ["cannot hold /"] });
  const listing = prefix + (args.search ?? "");
  const token = args.token ? storeTokenOf(listing, args.token) : null;
  const page = await storeCall(() => objects.list(listing, { delimiter: "/", token, limit: args.limit ?? 200 }));
  return {
    folders: page.prefixes.map((p) => ({ name: nameOf(p), prefix: p })),
    objects: page.objects.map((o) => ({ key: o.key, name: nameOf(o.key), size: o.size, modifiedAt: o.modifiedAt, etag: o.etag })),
    nextToken: pageToken(listing, page.nextToken),
  };
}

export async function headDatasetObject(args: Ref & { key: string }) {
  const { objects } = await loadDataset({ ...args, atLeast: "viewer" });
  const info = await storeCall(() => objects.head(args.key));
  if (!info) throw new AppError("NOT_FOUND", `There is no object "${args.key}" in dataset "${args.dataset}".`);
  return { key: info.key, size: info.size, modifiedAt: info.modifiedAt, etag: info.etag, contentType: info.contentType ?? contentTypeOf(info.key) };
}

/**
 * The objects and bytes under a folder. S3 cannot tell a folder's size without listing it, so
 * this sums up to FOLDER_SIZE_PAGES pages (20,000 objects); beyond that `complete` is false and
 * the figures are a floor ("at least").
 */
export async function datasetFolderSize(args: Ref & { prefix: string }) {
  const { objects } = await loadDataset({ ...args, atLeast: "viewer" });
  return storeCall(() => folderSize(objects, args.prefix));
}

export async function folderSize(objects: ObjectStore, prefix: string, maxPages = FOLDER_SIZE_PAGES) {
  let count = 0;
  let bytes = 0;
  let token: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const listed = await objects.list(prefix, { token, limit: 1000 });
    count += listed.objects.length;
    for (const o of listed.objects) bytes += o.size;
    token = listed.nextToken;
    if (!token) return { objects: count, bytes, complete: true };
  }
  return { objects: count, bytes, complete: false };
}

export async function datasetDownloadUrl(args: Ref & { key: string }): Promise<{ url: string; expiresAt: Date }> {
  const { objects } = await loadDataset({ ...args, atLeast: "viewer" });
  const info = await storeCall(() => objects.head(args.key));
  if (!info) throw new AppError("NOT_FOUND", `There is no object "${args.key}" in dataset "${args.dataset}".`);
  const url = await storeCall(() => objects.presignGet(args.key, { expiresIn: DOWNLOAD_URL_SECONDS, filename: nameOf(args.key) }));
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_URL_SECONDS * 1000) };
}
