// Datasets: a bucket and prefix on a data store, shared with a project's members (viewers read,
// editors write, owners remove). Creating one checks that the bucket is there and that no other
// project's dataset holds the location (locations.ts). Externals see them without a location.
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";
import { projectAccess, type ProjectAccess, type ProjectArgs } from "../projects/access";
import { assertValidKey, StorageKeyError, StoreAccessError } from "../storage/object-store";
import { assertLocationFree } from "./locations";
import { datasetRowSelect, loadDataset, openBucket, type DatasetArgs, type DatasetRow } from "./open-store";
import { ZDatasetSummaryForExternal, type TCreateDatasetInput, type TDatasetSummary, type TDatasetView } from "./schemas";

/** What the caller may see of a dataset: externals get it without bucket and prefix (parsed away). */
function viewFor(caller: ProjectAccess["caller"], d: DatasetRow): TDatasetView {
  const summary = toSummary(d);
  return caller.external ? ZDatasetSummaryForExternal.parse(summary) : summary;
}

function toSummary(d: DatasetRow): TDatasetSummary {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    store: { id: d.store.id, name: d.store.name, kind: d.store.kind },
    bucket: d.bucket,
    prefix: d.prefix,
    latestVersion: d.snapshots[0]?.version ?? null,
    createdAt: d.createdAt,
  };
}

export async function listDatasets(args: ProjectArgs): Promise<TDatasetView[]> {
  const { project, caller } = await projectAccess(args, "viewer");
  const rows = await db.dataset.findMany({ where: { projectId: project.id }, orderBy: { name: "asc" }, select: datasetRowSelect });
  return rows.map((d) => viewFor(caller, d));
}

export async function getDataset(args: DatasetArgs): Promise<TDatasetView> {
  const { dataset, caller } = await loadDataset({ ...args, atLeast: "viewer" });
  return viewFor(caller, dataset);
}

/** "imaging/2026" -> "imaging/2026/"; "" stays "". Refuses what no key could hold. */
export function normalizePrefix(prefix: string): string {
  const p = prefix.trim().replace(/^\/+/, "").replace(/\/+$/, "");
  if (!p) return "";
  try {
    assertValidKey(p);
  } catch (e) {
    throw new AppError("BAD_REQUEST", `The prefix is not valid: ${(e as Error).message}`, { prefix: [(e as Error).message] });
  }
  return `${p}/`;
}

export function checkBucketName(kind: "local" | "s3", bucket: string) {
  const ok = kind === "s3" ? /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) : /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/.test(bucket);
  if (!ok) {
    const rule = kind === "s3" ? "3 to 63 lowercase letters, digits, dots and dashes" : "letters, digits, dots, dashes and underscores (a folder name), not starting with a dot";
    throw new AppError("BAD_REQUEST", `The bucket "${bucket}" is not a valid name: use ${rule}.`, { bucket: [`must be ${rule}`] });
  }
}

export async function createDataset(args: ProjectArgs & TCreateDatasetInput): Promise<TDatasetView> {
  const { project, caller } = await projectAccess(args, "editor", "write");
  // A location is the lab's to give: someone from another lab never learns or picks one.
  if (caller.external) throw new AppError("FORBIDDEN", "External collaborators cannot add datasets; a lab member of the project can.");
  const store = await db.dataStore.findUnique({ where: { id: args.storeId }, select: datasetRowSelect.store.select });
  if (!store) throw new AppError("BAD_REQUEST", "That data store does not exist.", { storeId: ["is not a data store"] });
  checkBucketName(store.kind, args.bucket);
  const prefix = normalizePrefix(args.prefix ?? "");
  if (await db.dataset.findUnique({ where: { projectId_name: { projectId: project.id, name: args.name } }, select: { id: true } })) {
    throw new AppError("CONFLICT", `Project "${args.projectSlug}" has a dataset named "${args.name}" already.`, { name: ["is taken in this project"] });
  }
  const place = { store, bucket: args.bucket, prefix };
  // Checked before the store is touched (a local store would make the folder), and again below
  // under the lock, where it counts.
  await db.$transaction((tx) => assertLocationFree(tx, { actorId: args.actorId, projectId: project.id, place }));
  // The bucket must be there (a local store makes its folder).
  try {
    await openBucket(store, args.bucket, prefix).check();
  } catch (e) {
    if (e instanceof StoreAccessError || e instanceof StorageKeyError) throw new AppError("BAD_REQUEST", `The store "${store.name}" cannot be used for this dataset: ${e.message}`);
    throw e;
  }
  const row = await db.$transaction(async (tx) => {
    await assertLocationFree(tx, { actorId: args.actorId, projectId: project.id, place });
    const created = await tx.dataset.create({
      data: { projectId: project.id, name: args.name, description: args.description ?? "", storeId: store.id, bucket: args.bucket, prefix, createdById: args.actorId },
      select: datasetRowSelect,
    });
    await recordAuditEvent(tx, { actorId: args.actorId, projectId: project.id, action: "dataset.created", target: args.name, data: { store: store.name, bucket: args.bucket, prefix } });
    return created;
  });
  return viewFor(caller, row);
}

/** Renames or describes a dataset; its location never changes (make another dataset for another place). */
export async function updateDataset(args: DatasetArgs & { name?: string; description?: string }): Promise<TDatasetView> {
  const { dataset, project, caller } = await loadDataset({ ...args, atLeast: "editor", intent: "write" });
  if (args.name && args.name !== dataset.name) {
    if (await db.dataset.findUnique({ where: { projectId_name: { projectId: project.id, name: args.name } }, select: { id: true } })) {
      throw new AppError("CONFLICT", `Project "${args.projectSlug}" has a dataset named "${args.name}" already.`, { name: ["is taken in this project"] });
    }
  }
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.dataset.update({
      where: { id: dataset.id },
      data: { name: args.name ?? dataset.name, description: args.description ?? dataset.description },
      select: datasetRowSelect,
    });
    await recordAuditEvent(tx, {
      actorId: args.actorId,
      projectId: project.id,
      action: "dataset.updated",
      target: updated.name,
      data: args.name && args.name !== dataset.name ? { from: dataset.name, to: args.name } : {},
    });
    return updated;
  });
  return viewFor(caller, row);
}

/**
 * Removes the dataset from the project (owners). The objects stay in the store: a dataset is a
 * window on a bucket, which may hold other data. Refused while jobs record that they read it,
 * since a job's record of what it read must stay whole.
 */
export async function removeDataset(args: DatasetArgs): Promise<void> {
  const { dataset, project } = await loadDataset({ ...args, atLeast: "owner", intent: "write" });
  const jobs = await db.jobDataset.count({ where: { datasetId: dataset.id } });
  if (jobs > 0) {
    throw new AppError("CONFLICT", `Dataset "${dataset.name}" was used by ${jobs} job${jobs === 1 ? "" : "s"}, whose records name it; it cannot be removed.`);
  }
  await db.$transaction(async (tx) => {
    await tx.dataset.delete({ where: { id: dataset.id } });
    await recordAuditEvent(tx, { actorId: args.actorId, projectId: project.id, action: "dataset.removed", target: dataset.name });
  });
}
