// Dataset versions: a snapshot freezes the list of keys, sizes and ETags as a gzipped JSONL blob
// (content-addressed in the queue's storage) and a DatasetSnapshot row numbered 1, 2, 3...
import { db } from "../db/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { compareKeys } from "../storage/key-order";
import { iterateObjects, readManifest, writeManifest, type ManifestEntry } from "./manifests";
import { loadDataset, unsafeOpenDatasetById, type DatasetArgs } from "./open-store";
import type { TDatasetSnapshot, TSnapshotDiff } from "./schemas";

type Ref = DatasetArgs;

const snapshotSelect = {
  id: true,
  version: true,
  objectCount: true,
  totalBytes: true,
  note: true,
  createdAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;

function toSnapshot(row: { id: string; version: number; objectCount: number; totalBytes: bigint; note: string; createdAt: Date; createdBy: { name: string | null; email: string } | null }): TDatasetSnapshot {
  return { ...row, totalBytes: Number(row.totalBytes) };
}

export async function listDatasetSnapshots(args: Ref): Promise<TDatasetSnapshot[]> {
  const { dataset } = await loadDataset({ ...args, atLeast: "viewer" });
  const rows = await db.datasetSnapshot.findMany({ where: { datasetId: dataset.id }, orderBy: { version: "desc" }, select: snapshotSelect });
  return rows.map(toSnapshot);
}

/**
 * Freezes a dataset as it is now: lists it page by page into a manifest blob, then numbers the
 * snapshot (one more than the latest; a concurrent snapshot that took the number makes it retry).
 */
export async function snapshotDataset(args: { datasetId: string; actorId: string | null; note: string }): Promise<TDatasetSnapshot> {
  const { dataset, objects } = await unsafeOpenDatasetById(args.datasetId);
  const manifest = await writeManifest(iterateObjects(objects));
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const latest = await tx.datasetSnapshot.findFirst({ where: { datasetId: dataset.id }, orderBy: { version: "desc" }, select: { version: true } });
        const row = await tx.datasetSnapshot.create({
          data: {
            datasetId: dataset.id,
            version: (latest?.version ?? 0) + 1,
            objectCount: manifest.objectCount,
            totalBytes: manifest.totalBytes,
            manifestSha256: manifest.sha256,
            note: args.note,
            createdById: args.actorId,
          },
          select: snapshotSelect,
        });
        await recordAuditEvent(tx, {
          actorId: args.actorId,
          projectId: dataset.projectId,
          action: "dataset.snapshot_created",
          target: `${dataset.name} v${row.version}`,
          data: { objects: manifest.objectCount },
        });
        return toSnapshot(row);
      });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002" && attempt < 5) continue;
      throw e;
    }
  }
}

export async function createDatasetSnapshot(args: Ref & { note: string }): Promise<TDatasetSnapshot> {
  const { dataset } = await loadDataset({ ...args, atLeast: "editor", intent: "write" });
  return snapshotDataset({ datasetId: dataset.id, actorId: args.actorId, note: args.note });
}

/** A snapshot's objects in key order, streamed from its manifest. */
export async function* iterateSnapshot(snapshotId: string): AsyncGenerator<ManifestEntry> {
  const row = await db.datasetSnapshot.findUnique({ where: { id: snapshotId }, select: { manifestSha256: true } });
  if (!row) throw new AppError("NOT_FOUND", "The dataset snapshot was not found.");
  yield* readManifest(row.manifestSha256);
}

/** Walks two key-ordered listings side by side: counts and the first `limit` keys of each kind. */
export async function diffListings(from: AsyncIterable<ManifestEntry>, to: AsyncIterable<ManifestEntry>, limit: number): Promise<TSnapshotDiff> {
  const diff: TSnapshotDiff = { added: { count: 0, keys: [] }, removed: { count: 0, keys: [] }, changed: { count: 0, keys: [] } };
  const note = (part: keyof TSnapshotDiff, key: string) => {
    diff[part].count++;
    if (diff[part].keys.length < limit) diff[part].keys.push(key);
  };
  const a = from[Symbol.asyncIterator]();
  const b = to[Symbol.asyncIterator]();
  let x = await a.next();
  let y = await b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && compareKeys(x.value.key, y.value.key) < 0)) {
      note("removed", x.value!.key);
      x = await a.next();
    } else if (x.done || compareKeys(x.value.key, y.value.key) > 0) {
      note("added", y.value.key);
      y = await b.next();
    } else {
      if (x.value.etag !== y.value.etag || x.value.size !== y.value.size) note("changed", x.value.key);
      x = await a.next();
      y = await b.next();
    }
  }
  return diff;
}

export async function diffDatasetSnapshots(args: Ref & { from: number; to: number | "live"; limit: number }): Promise<TSnapshotDiff> {
  const { dataset, objects } = await loadDataset({ ...args, atLeast: "viewer" });
  const manifestOf = async (version: number) => {
    const row = await db.datasetSnapshot.findUnique({ where: { datasetId_version: { datasetId: dataset.id, version } }, select: { manifestSha256: true } });
    if (!row) throw new AppError("NOT_FOUND", `Dataset "${dataset.name}" has no version ${version}.`);
    return readManifest(row.manifestSha256);
  };
  const from = await manifestOf(args.from);
  const to = args.to === "live" ? iterateObjects(objects) : await manifestOf(args.to);
  return diffListings(from, to, args.limit);
}
