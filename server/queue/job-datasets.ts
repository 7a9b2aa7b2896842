// Datasets attached to jobs: checked and frozen at submit, handed to agents with the assignment,
// listed page by page with presigned URLs for the node that holds the job's live lease, and shown
// on the job's page. "The job records which version it used": every attachment stores the
// snapshot it reads (the pinned one, or one frozen at submit), and a re-run reads the same ones.
import { createHash } from "node:crypto";
import type { TAssignmentDataset, TDatasetObject } from "../../contract/agent-protocol";
import { db, type Tx } from "../db/client";
import { iterateDatasetObjects, iterateSnapshot, presignDatasetGet, snapshotDataset } from "../datasets/job-access";
import { env } from "../env";
import { compareKeys } from "../storage/key-order";
import { AppError } from "../errors";
import { requireLease } from "./lease";
import { datasetEnvName, type TJobDatasetAttachment } from "./schemas";

export type JobDatasetRow = { datasetId: string; mode: "copy" | "stream"; requestedVersion: number | null; snapshotId: string };

/**
 * What a job will read, checked in words (unknown dataset, unknown version, one dataset twice, two
 * names that would share a variable) and frozen: a pinned version is that snapshot; otherwise the
 * dataset as it is now, frozen into a new snapshot unless the latest one still matches it. Without
 * `attachments`, a re-run reads exactly what the job it repeats read.
 */
export async function resolveJobDatasets(args: {
  actorId: string;
  projectId: string;
  attachments: TJobDatasetAttachment[] | undefined;
  rerunOfId?: string;
}): Promise<JobDatasetRow[]> {
  if (args.attachments === undefined) {
    if (!args.rerunOfId) return [];
    const used = await db.jobDataset.findMany({
      where: { jobId: args.rerunOfId, job: { projectId: args.projectId }, snapshotId: { not: null } },
      select: { datasetId: true, mode: true, requestedVersion: true, snapshotId: true },
    });
    return used.map((u) => ({ ...u, snapshotId: u.snapshotId! }));
  }
  const attachments = args.attachments.map((a) => ({ name: a.name.trim(), version: a.version ?? null, mode: a.mode ?? "copy" }));
  const seen = new Map<string, string>();
  for (const a of attachments) {
    if (seen.has(a.name)) throw new AppError("BAD_REQUEST", `The dataset "${a.name}" is attached twice; attach each dataset once.`, { datasets: [`"${a.name}" is attached twice`] });
    const envName = datasetEnvName(a.name);
    const clash = [...seen.entries()].find(([, e]) => e === envName);
    if (clash) {
      throw new AppError("BAD_REQUEST", `The datasets "${clash[0]}" and "${a.name}" would both be ${envName} in the job; attach only one of them.`, {
        datasets: [`"${clash[0]}" and "${a.name}" share ${envName}`],
      });
    }
    seen.set(a.name, envName);
  }
  if (attachments.length === 0) return [];
  const datasets = await db.dataset.findMany({
    where: { projectId: args.projectId, name: { in: attachments.map((a) => a.name) } },
    select: { id: true, name: true },
  });
  const rows: JobDatasetRow[] = [];
  for (const a of attachments) {
    const dataset = datasets.find((d) => d.name === a.name);
    if (!dataset) {
      throw new AppError("BAD_REQUEST", `This project has no dataset named "${a.name}".`, { datasets: [`"${a.name}" is not a dataset of this project`] });
    }
    let snapshotId: string;
    if (a.version !== null) {
      const pinned = await db.datasetSnapshot.findUnique({ where: { datasetId_version: { datasetId: dataset.id, version: a.version } }, select: { id: true } });
      if (!pinned) {
        const latest = await db.datasetSnapshot.findFirst({ where: { datasetId: dataset.id }, orderBy: { version: "desc" }, select: { version: true } });
        const known = latest ? `its versions are 1 to ${latest.version}` : "it has no versions yet (snapshot it first, or attach it without a version)";
        throw new AppError("BAD_REQUEST", `The dataset "${a.name}" has no version ${a.version}; ${known}.`, { datasets: [`"${a.name}" has no version ${a.version}`] });
      }
      snapshotId = pinned.id;
    } else {
      snapshotId = await freezeDataset(dataset.id, args.actorId);
    }
    rows.push({ datasetId: dataset.id, mode: a.mode, requestedVersion: a.version, snapshotId });
  }
  return rows;
}

/** The latest snapshot when the dataset still holds exactly its keys and ETags, else a new one. */
async function freezeDataset(datasetId: string, actorId: string): Promise<string> {
  const latest = await db.datasetSnapshot.findFirst({ where: { datasetId }, orderBy: { version: "desc" }, select: { id: true } });
  if (latest && (await sameObjects(iterateSnapshot(latest.id), iterateDatasetObjects(datasetId)))) return latest.id;
  const snapshot = await snapshotDataset({ datasetId, actorId, note: "frozen for a job" });
  return snapshot.id;
}

/** Walks both listings in step and stops at the first difference (both are in the store's key order). */
async function sameObjects(a: AsyncIterable<{ key: string; etag: string; size: number }>, b: AsyncIterable<{ key: string; etag: string; size: number }>): Promise<boolean> {
  const left = a[Symbol.asyncIterator]();
  const right = b[Symbol.asyncIterator]();
  try {
    for (;;) {
      const [x, y] = await Promise.all([left.next(), right.next()]);
      if (x.done || y.done) return Boolean(x.done && y.done);
      if (x.value.key !== y.value.key || x.value.etag !== y.value.etag || x.value.size !== y.value.size) return false;
    }
  } finally {
    await Promise.all([left.return?.(), right.return?.()]);
  }
}

export async function createJobDatasets(tx: Tx, jobId: string, rows: JobDatasetRow[]): Promise<void> {
  if (rows.length) await tx.jobDataset.createMany({ data: rows.map((r) => ({ jobId, ...r })) });
}

export type ClaimedDatasetRow = {
  name: string;
  mode: "copy" | "stream";
  snapshotId: string;
  version: number;
  objectCount: number;
  totalBytes: number | string;
  storeId: string;
  bucket: string;
  prefix: string;
};

/** The claim statement's rows as the protocol's datasets. The store, bucket and prefix reach the agent only as a hash. */
export function assignmentDatasets(rows: ClaimedDatasetRow[]): TAssignmentDataset[] {
  return rows.map((r) => ({
    name: r.name,
    envName: datasetEnvName(r.name),
    mode: r.mode,
    snapshotId: r.snapshotId,
    version: r.version,
    objectCount: r.objectCount,
    totalBytes: Number(r.totalBytes),
    cacheScope: createHash("sha256").update(`${r.storeId}\0${r.bucket}\0${r.prefix}`).digest("hex").slice(0, 32),
  }));
}

// A snapshot never changes, so its listing is kept in memory for the pages that follow: an agent
// asks for page after page, and re-reading the manifest for each would be quadratic. Most
// recently used last; the oldest go once more than MAX_CACHED_ENTRIES are held.
type Entry = { key: string; size: number; etag: string };
const listings = new Map<string, Promise<Entry[]>>();
const held = new Map<string, number>();
const MAX_CACHED_ENTRIES = 2_000_000;

function snapshotListing(snapshotId: string): Promise<Entry[]> {
  const hit = listings.get(snapshotId);
  if (hit) {
    listings.delete(snapshotId);
    listings.set(snapshotId, hit);
    return hit;
  }
  const listing = (async () => {
    const entries: Entry[] = [];
    for await (const e of iterateSnapshot(snapshotId)) entries.push({ key: e.key, size: e.size, etag: e.etag });
    // Manifests are written in key order; sorting again costs little and makes the search below safe.
    entries.sort((x, y) => compareKeys(x.key, y.key));
    held.set(snapshotId, entries.length);
    let total = [...held.values()].reduce((n, c) => n + c, 0);
    for (const id of listings.keys()) {
      if (total <= MAX_CACHED_ENTRIES || id === snapshotId) break;
      total -= held.get(id) ?? 0;
      held.delete(id);
      listings.delete(id);
    }
    return entries;
  })();
  listing.catch(() => {
    listings.delete(snapshotId);
    held.delete(snapshotId);
  });
  listings.set(snapshotId, listing);
  return listing;
}

export const DATASET_URL_TTL_SECONDS = 900;

/**
 * A page of an attached dataset's frozen objects, after `after` in key order, each with a
 * presigned GET bound to the snapshot's ETag. Only for the node holding the job's live lease.
 */
export async function jobDatasetObjects(args: {
  agentId: string;
  nodeId: string;
  fencingToken: string;
  name: string;
  after: string;
  limit: number;
}): Promise<{ objects: TDatasetObject[]; next: string | null; urlTtlSeconds: number }> {
  const node = await requireLease(db, args.agentId, args.nodeId, args.fencingToken);
  const attachment = await db.jobDataset.findFirst({
    where: { jobId: node.jobId, dataset: { name: args.name } },
    select: { datasetId: true, snapshotId: true },
  });
  if (!attachment?.snapshotId) throw new AppError("NOT_FOUND", `The job has no dataset named "${args.name}" attached.`);
  const entries = await snapshotListing(attachment.snapshotId);
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(entries[mid]!.key, args.after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const limit = Math.min(Math.max(args.limit, 1), 1000);
  const page = entries.slice(lo, lo + limit);
  const objects = await Promise.all(
    page.map(async (e) => {
      const url = await presignDatasetGet(attachment.datasetId, e.key, { ifMatchEtag: e.etag, expiresIn: DATASET_URL_TTL_SECONDS });
      // The local store's URLs are paths on this server; so are ours when they name BENCHTOP_URL,
      // which the agent may know under another name (it resolves them against its --server).
      const relative = url.startsWith(env.baseUrl + "/") ? url.slice(env.baseUrl.length) : url;
      return { key: e.key, size: e.size, etag: e.etag, url: relative, headers: { "if-match": quoteEtag(e.etag) } };
    }),
  );
  const more = lo + limit < entries.length;
  return { objects, next: more ? page[page.length - 1]!.key : null, urlTtlSeconds: DATASET_URL_TTL_SECONDS };
}

const quoteEtag = (etag: string) => (etag.startsWith('"') ? etag : `"${etag}"`);

/** The datasets a job read, for its page: name, mode, the version frozen, its size. */
export const jobDatasetsSelect = {
  orderBy: { dataset: { name: "asc" } },
  select: {
    mode: true,
    requestedVersion: true,
    dataset: { select: { name: true } },
    snapshot: { select: { version: true, objectCount: true, totalBytes: true } },
  },
} as const;

export function toJobDatasetsDetail(
  rows: { mode: "copy" | "stream"; requestedVersion: number | null; dataset: { name: string }; snapshot: { version: number; objectCount: number; totalBytes: bigint } | null }[],
) {
  return rows.map((r) => ({
    name: r.dataset.name,
    mode: r.mode,
    requestedVersion: r.requestedVersion,
    version: r.snapshot?.version ?? null,
    objectCount: r.snapshot?.objectCount ?? null,
    totalBytes: r.snapshot ? Number(r.snapshot.totalBytes) : null,
    envName: datasetEnvName(r.dataset.name),
  }));
}
