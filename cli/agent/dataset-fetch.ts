// Puts one frozen dataset (a snapshot's keys, sizes and ETags) into a job's folder: pages of
// objects with presigned URLs from the server, in key order, 8 downloads at a time through the
// agent's dataset cache, each file hard-linked into place under its key. A link appears whole at
// its name (link(2) is atomic), so in stream mode a job never sees half a file.
//
// Reproducible or loud: every GET carries the snapshot's ETag (If-Match, through the headers the
// server sends), and a 412, a 404, another ETag or another size means the object is no longer
// what the snapshot froze. Then nothing more is downloaded and the fetch fails with a sentence
// naming the dataset, its version and the first keys that changed.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { formatBytes } from "../../lib/format-bytes";
import type { TAssignmentDataset, TDatasetObject, ZDatasetObjectsResponse } from "../../contract/agent-protocol";
import { backoffDelay, sleep } from "./backoff";
import type { AgentClient } from "./client";
import { DatasetCache, ObjectChangedError, TransientFetchError, UrlRefusedError } from "./dataset-cache";
import type { Progress } from "./progress";
import { retryUntilDone } from "./retry";
import { isSafeRelativePath } from "./snapshot";

type TDatasetObjectsPage = z.infer<typeof ZDatasetObjectsResponse>;

const PAGE_SIZE = 1000;
const TRIES = 6;

export type DatasetSummary = { files: number; bytes: number; fromCache: number; seconds: number };

/** A fetch that cannot succeed by trying again; its message is the sentence for the job's reason. */
export class DatasetFetchError extends Error {
  override name = "DatasetFetchError";
}

export type FetchDatasetArgs = {
  client: Pick<AgentClient, "datasetObjects">;
  cache: DatasetCache;
  nodeId: string;
  fencingToken: string;
  dataset: TAssignmentDataset;
  dir: string;
  signal: AbortSignal;
  progress: Progress;
  label: string;
  concurrency?: number;
  /** Every 2 s while it fetches: what is in place so far. */
  onProgress?: (so: { files: number; bytes: number; fromCache: number }) => void;
};

export const describeDataset = (ds: { name: string; version: number }) => `dataset ${ds.name} v${ds.version}`;

export async function fetchDataset(args: FetchDatasetArgs): Promise<DatasetSummary> {
  const { client, cache, dataset: ds, signal, progress, label } = args;
  const began = Date.now();
  const totals = { files: 0, bytes: 0, fromCache: 0 };
  const changed: ObjectChangedError[] = [];
  const page = (after: string, limit: number) =>
    retryUntilDone(() => client.datasetObjects(args.nodeId, ds.name, { fencingToken: args.fencingToken, after, limit }, signal), {
      what: `list ${describeDataset(ds)} for ${label}`,
      signal,
      progress,
    });

  /** One object, from the cache or the store, linked into place; retried while the store is flaky. */
  const place = async (first: TDatasetObject, after: string) => {
    if (first.key.endsWith("/")) return; // a "folder" marker object, not a file
    if (!isSafeRelativePath(first.key)) throw new DatasetFetchError(`${describeDataset(ds)} holds the object key "${first.key}", which cannot be a file path`);
    const target = path.join(args.dir, ...first.key.split("/"));
    let object = first;
    for (let attempt = 0; ; attempt++) {
      if (changed.length) return;
      try {
        const got = await cache.ensure(ds.cacheScope, object, signal);
        await linkInto(got.file, target);
        totals.files++;
        totals.bytes += object.size;
        if (got.fromCache) totals.fromCache++;
        return;
      } catch (e) {
        if (signal.aborted) throw signal.reason;
        if (e instanceof ObjectChangedError) return void changed.push(e);
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST" || code === "ENOTDIR") {
          throw new DatasetFetchError(`${describeDataset(ds)} holds "${object.key}" both as a file and as a folder, which cannot both be on disk`);
        }
        const evicted = code === "ENOENT"; // the cache let the file go between ensure and link: fetch it again
        if (attempt >= TRIES || !(e instanceof UrlRefusedError || e instanceof TransientFetchError || evicted)) throw e;
        if (e instanceof TransientFetchError) await sleep(backoffDelay(attempt, { capMs: 10_000 }), signal);
        // A refused URL has most likely expired: ask for this one object again, freshly signed.
        if (e instanceof UrlRefusedError) object = (await page(after, 1)).objects.find((o) => o.key === first.key) ?? object;
      }
    }
  };

  const ticker = setInterval(() => {
    progress("dataset.fetching", { node: label, dataset: ds.name, version: ds.version, files: `${totals.files}/${ds.objectCount}`, bytes: totals.bytes, fromCache: totals.fromCache });
    args.onProgress?.({ ...totals });
  }, 2_000);
  try {
    await fs.mkdir(args.dir, { recursive: true });
    let after = "";
    let current: Promise<TDatasetObjectsPage> | null = page(after, PAGE_SIZE);
    while (current && !changed.length) {
      const { objects, next }: TDatasetObjectsPage = await current;
      // The next page is listed while this one downloads, so the workers never wait on it.
      current = next ? page(next, PAGE_SIZE) : null;
      const items = objects.map((object, i) => ({ object, after: i === 0 ? after : objects[i - 1]!.key }));
      let cursor = 0;
      const worker = async () => {
        while (cursor < items.length && !changed.length) {
          const item = items[cursor++]!;
          await place(item.object, item.after);
        }
      };
      await Promise.all(Array.from({ length: Math.min(args.concurrency ?? 8, items.length) }, worker));
      if (next) after = next;
    }
    await current?.catch(() => undefined);
  } finally {
    clearInterval(ticker);
  }
  if (changed.length) {
    const first = changed.slice(0, 5).map((c) => `${c.key} (${c.how})`);
    throw new DatasetFetchError(
      `${describeDataset(ds)} is no longer what was frozen: ${first.join(", ")}${changed.length > 5 ? " and more" : ""}; ` +
        `attach its latest version to read the objects as they are now`,
    );
  }
  return { ...totals, seconds: (Date.now() - began) / 1000 };
}

/** A hard link appears whole at its name; where links cannot be made (another filesystem), a read-only copy renamed into place. */
async function linkInto(cached: string, target: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.link(cached, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") throw e;
    const tmp = path.join(path.dirname(target), `.benchtop-partial-${randomUUID()}`);
    await fs.copyFile(cached, tmp);
    await fs.chmod(tmp, 0o444);
    await fs.rename(tmp, target);
  }
}


/** "1,204 files, 2.1 GB (1,100 from cache)" */
export function describeSummary(s: { files: number; bytes: number; fromCache: number }): string {
  return `${s.files.toLocaleString("en-US")} file${s.files === 1 ? "" : "s"}, ${formatBytes(s.bytes)} (${s.fromCache.toLocaleString("en-US")} from cache)`;
}
