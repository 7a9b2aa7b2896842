// Lab admins' shares of a location with a project: "project Genomics may add datasets at
// lab-minio:lab/imaging/2026/ although Vision's dataset covers it". Audited both ways; a share is
// revoked only once no dataset of the project needs it.
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";
import { checkBucketName, normalizePrefix } from "./datasets";
import { firstConflict, loadPlaces, lockLocations } from "./locations";
import type { TLocationShare, TShareLocationInput } from "./schemas";
import { requireLabAdmin } from "./stores";

const shareSelect = {
  id: true,
  bucket: true,
  prefix: true,
  grantedById: true,
  createdAt: true,
  store: { select: { id: true, name: true } },
  project: { select: { slug: true, name: true } },
} as const;

type ShareRow = { id: string; bucket: string; prefix: string; grantedById: string | null; createdAt: Date; store: { id: string; name: string }; project: { slug: string; name: string } };

async function toShares(rows: ShareRow[]): Promise<TLocationShare[]> {
  const ids = [...new Set(rows.map((r) => r.grantedById).filter((id): id is string => id !== null))];
  const people = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  return rows.map(({ grantedById, ...r }) => {
    const by = people.find((p) => p.id === grantedById);
    return { ...r, grantedBy: by ? { name: by.name, email: by.email } : null };
  });
}

export async function listLocationShares(args: { actorId: string; storeId?: string }): Promise<TLocationShare[]> {
  await requireLabAdmin(args.actorId);
  const rows = await db.locationShare.findMany({
    where: args.storeId ? { storeId: args.storeId } : {},
    orderBy: [{ store: { name: "asc" } }, { bucket: "asc" }, { prefix: "asc" }, { createdAt: "asc" }],
    select: shareSelect,
  });
  return toShares(rows);
}

export async function shareLocation(args: { actorId: string } & TShareLocationInput): Promise<TLocationShare> {
  await requireLabAdmin(args.actorId);
  const store = await db.dataStore.findUnique({ where: { id: args.storeId }, select: { id: true, name: true, kind: true } });
  if (!store) throw new AppError("NOT_FOUND", "The data store was not found.");
  checkBucketName(store.kind, args.bucket);
  const prefix = normalizePrefix(args.prefix ?? "");
  // An admin shares with any project of the lab, member or not: looked up by slug alone.
  const project = await db.project.findUnique({ where: { slug: args.projectSlug }, select: { id: true, name: true } });
  if (!project) throw new AppError("BAD_REQUEST", `There is no project "${args.projectSlug}".`, { projectSlug: ["is not a project"] });
  const where = `${store.name}:${args.bucket}/${prefix}`;
  const existing = await db.locationShare.findUnique({
    where: { storeId_bucket_prefix_projectId: { storeId: store.id, bucket: args.bucket, prefix, projectId: project.id } },
    select: { id: true },
  });
  if (existing) throw new AppError("CONFLICT", `${where} is already shared with project "${project.name}".`);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.locationShare.create({
      data: { storeId: store.id, bucket: args.bucket, prefix, projectId: project.id, grantedById: args.actorId },
      select: shareSelect,
    });
    await recordAuditEvent(tx, { actorId: args.actorId, projectId: project.id, action: "datastore.location_shared", target: where, data: { shareId: created.id } });
    return created;
  });
  return (await toShares([row]))[0]!;
}

/** Refused while a dataset of the project lies in the shared location and overlaps another project's. */
export async function revokeLocationShare(args: { actorId: string; id: string; storeId?: string }): Promise<void> {
  await requireLabAdmin(args.actorId);
  const share = await db.locationShare.findUnique({ where: { id: args.id }, select: { ...shareSelect, projectId: true, storeId: true } });
  if (!share || (args.storeId && share.storeId !== args.storeId)) throw new AppError("NOT_FOUND", "That shared location was not found.");
  const where = `${share.store.name}:${share.bucket}/${share.prefix}`;
  await db.$transaction(async (tx) => {
    await lockLocations(tx);
    const { datasets, shares } = await loadPlaces(tx);
    const key = shares.find((s) => s.id === share.id)!.key;
    const others = shares.filter((s) => s.id !== share.id);
    const relying = datasets.filter((d) => d.projectId === share.projectId && d.key.startsWith(key) && firstConflict(d, datasets, others) !== null);
    if (relying.length) {
      const names = relying.map((d) => `"${d.datasetName}"`).join(", ");
      throw new AppError("CONFLICT", `Project "${share.project.name}" has datasets in ${where} that need this share (${names}); remove them first.`);
    }
    await tx.locationShare.delete({ where: { id: share.id } });
    await recordAuditEvent(tx, { actorId: args.actorId, projectId: share.projectId, action: "datastore.location_unshared", target: where, data: { shareId: share.id } });
  });
}
