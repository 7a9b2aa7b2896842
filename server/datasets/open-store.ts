// From a dataset row to an ObjectStore scoped to its root (bucket + prefix), so every key the
// datasets code handles is relative to the dataset and can never reach outside it. Local stores
// root at <localRoot>/<bucket>/<prefix>; S3 stores are the bucket with the prefix prepended.
import path from "node:path";
import type { ProjectRole } from "@prisma/client";
import { db } from "../db/client";
import { AppError } from "../errors";
import { projectAccess, type ProjectAccess, type ProjectArgs } from "../projects/access";
import { localFolderRefusal } from "../storage/local-roots";
import { LocalObjectStore } from "../storage/local-store";
import { assertValidKey, type ObjectStore } from "../storage/object-store";
import { S3ObjectStore } from "../storage/s3-store";
import { SYSTEM_BUCKET, SYSTEM_STORE, systemStorageRoot } from "../storage/store";
import { decryptCredentials } from "./credentials";

export const storeRowSelect = {
  id: true,
  name: true,
  kind: true,
  endpoint: true,
  region: true,
  forcePathStyle: true,
  localRoot: true,
  credentials: true,
  updatedAt: true,
} as const;

export type StoreRow = {
  id: string;
  name: string;
  kind: "local" | "s3";
  endpoint: string | null;
  region: string;
  forcePathStyle: boolean;
  localRoot: string | null;
  credentials: Uint8Array | null;
  updatedAt: Date;
};

export const datasetRowSelect = {
  id: true,
  name: true,
  description: true,
  projectId: true,
  bucket: true,
  prefix: true,
  createdAt: true,
  store: { select: storeRowSelect },
  snapshots: { select: { version: true }, orderBy: { version: "desc" }, take: 1 },
} as const;

export type DatasetRow = {
  id: string;
  name: string;
  description: string;
  projectId: string;
  bucket: string;
  prefix: string;
  createdAt: Date;
  store: StoreRow;
  snapshots: { version: number }[];
};

const cache = new Map<string, ObjectStore>();

/** The bucket (and prefix, for a local store) as one path: what a local presigned URL names. */
function localBucketPath(bucket: string, prefix: string): string {
  return prefix ? `${bucket}/${prefix.replace(/\/+$/, "")}` : bucket;
}

function localStore(store: { id: string; name: string }, localRoot: string, bucketPath: string): LocalObjectStore {
  assertValidKey(bucketPath);
  if (bucketPath.split("/").some((s) => s.startsWith("."))) throw new AppError("BAD_REQUEST", `"${bucketPath}" cannot start a folder name with a dot in a local store.`);
  // Checked at every open, not only when the store was saved: a store from before the rule, a
  // root since taken out of BENCHTOP_LOCAL_STORE_ROOTS, or a symlink swapped under a bucket. The
  // sentence names no path: anyone who opens a dataset may read it.
  if (localFolderRefusal(path.join(localRoot, bucketPath))) {
    throw new AppError(
      "UNAVAILABLE",
      `The local data store "${store.name}" is outside BENCHTOP_LOCAL_STORE_ROOTS; a lab admin can add its folder to BENCHTOP_LOCAL_STORE_ROOTS and restart Benchtop, or move the store.`,
    );
  }
  const storeId = store.id;
  return new LocalObjectStore(path.join(localRoot, bucketPath), {
    signing: { store: storeId, bucket: bucketPath },
    uploadsDir: path.join(localRoot, ".benchtop-uploads", encodeURIComponent(bucketPath)),
  });
}

/** An ObjectStore over `bucket`/`prefix` of a data store; keys are relative to the prefix. */
export function openBucket(store: StoreRow, bucket: string, prefix: string): ObjectStore {
  const cacheKey = `${store.id}\0${store.updatedAt.getTime()}\0${bucket}\0${prefix}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  let opened: ObjectStore;
  if (store.kind === "local") {
    if (!store.localRoot) throw new AppError("UNAVAILABLE", `The local data store "${store.name}" has no folder set.`);
    opened = localStore(store, store.localRoot, localBucketPath(bucket, prefix));
  } else {
    const credentials = store.credentials ? decryptCredentials(store.credentials, store.name) : null;
    opened = new S3ObjectStore({ endpoint: store.endpoint, region: store.region, forcePathStyle: store.forcePathStyle, credentials }, bucket, prefix);
  }
  if (cache.size > 200) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, opened);
  return opened;
}

export type OpenDataset = ProjectAccess & { dataset: DatasetRow; objects: ObjectStore };

/** What a domain function on one dataset takes: who asks, the dataset, and the access projectProcedure loaded (if it did). */
export type DatasetArgs = ProjectArgs & { dataset: string };

/**
 * The caller's dataset in a project, checked for `atLeast` (and, for a write, that the project is not
 * archived), with its store opened. The access a procedure hands in is trusted (projectAccess).
 */
export async function loadDataset(args: DatasetArgs & { atLeast: ProjectRole; intent?: "read" | "write" }): Promise<OpenDataset> {
  const access = await projectAccess(args, args.atLeast, args.intent);
  const dataset = await db.dataset.findUnique({
    where: { projectId_name: { projectId: access.project.id, name: args.dataset } },
    select: datasetRowSelect,
  });
  if (!dataset) throw new AppError("NOT_FOUND", `Dataset "${args.dataset}" was not found in project "${args.projectSlug}".`);
  return { ...access, dataset, objects: openBucket(dataset.store, dataset.bucket, dataset.prefix) };
}

/**
 * A dataset by id with no access check: for the queue, whose callers were checked already (the
 * submitter's role at submit, the agent's live lease when it reads). Never reachable from a browser.
 */
export async function unsafeOpenDatasetById(datasetId: string): Promise<{ dataset: DatasetRow; objects: ObjectStore }> {
  const dataset = await db.dataset.findUnique({ where: { id: datasetId }, select: datasetRowSelect });
  if (!dataset) throw new AppError("NOT_FOUND", "The dataset was not found.");
  return { dataset, objects: openBucket(dataset.store, dataset.bucket, dataset.prefix) };
}

/** For the local presigned-URL route: the store a signed URL names (the signature was checked). */
export async function localStoreForGrant(storeId: string, bucketPath: string): Promise<LocalObjectStore | null> {
  if (storeId === SYSTEM_STORE) return bucketPath === SYSTEM_BUCKET ? new LocalObjectStore(systemStorageRoot(), { signing: { store: SYSTEM_STORE, bucket: SYSTEM_BUCKET } }) : null;
  const store = await db.dataStore.findUnique({ where: { id: storeId }, select: { id: true, name: true, kind: true, localRoot: true } });
  if (!store || store.kind !== "local" || !store.localRoot) return null;
  try {
    return localStore(store, store.localRoot, bucketPath);
  } catch {
    return null;
  }
}
