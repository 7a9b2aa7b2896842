// A dataset's location belongs to one project. A location is a folder on a store: the store, a
// bucket and a prefix. Prefixes are folder-bounded ("imaging/2026/" holds "imaging/2026/scans/"
// but not "imaging/2026x/"), and two locations overlap when one holds the other. They are compared
// where the bytes really are, so two local stores over one folder (or a symlink to it) and two S3
// stores on one endpoint are the same place.
//
// A new dataset may not overlap another project's dataset unless a lab admin shared a location
// holding it with the new dataset's project (LocationShare). A dataset that lies inside a share to
// its own project is a guest: it never blocks the host project, which keeps its location.
import path from "node:path";
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { resolveReal } from "../storage/local-roots";
import { isDirector } from "../users/users";

type StoreWhere = { kind: "local" | "s3"; endpoint: string | null; localRoot: string | null };
export type Place = { store: StoreWhere; bucket: string; prefix: string };

/** Where a location really is, as a string that holds every location inside it as a prefix. */
export function placeKey(p: Place): string {
  if (p.store.kind === "local") {
    const real = resolveReal(path.join(p.store.localRoot ?? "/", p.bucket, p.prefix));
    return `local:${real.endsWith("/") ? real : `${real}/`}`;
  }
  return `s3:${endpointKey(p.store.endpoint)}/${p.bucket}/${p.prefix}`;
}

function endpointKey(endpoint: string | null): string {
  if (!endpoint) return "aws";
  try {
    const u = new URL(endpoint);
    return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return endpoint.toLowerCase();
  }
}

const overlaps = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

type Owned = { key: string; projectId: string };
type Holder = Owned & { datasetName: string; projectName: string };

/** The first dataset of another project that `target` (a location for `projectId`) may not overlap. */
export function firstConflict(target: Owned, datasets: Holder[], shares: Owned[]): Holder | null {
  const sharedWith = (o: Owned) => shares.some((s) => s.projectId === o.projectId && o.key.startsWith(s.key));
  if (sharedWith(target)) return null;
  return datasets.find((d) => d.projectId !== target.projectId && overlaps(d.key, target.key) && !sharedWith(d)) ?? null;
}

const storeWhereSelect = { kind: true, endpoint: true, localRoot: true } as const;

/** Every dataset and share in the lab with its real place (a lab holds hundreds, not millions). */
export async function loadPlaces(tx: Tx | typeof db): Promise<{ datasets: (Holder & { id: string })[]; shares: (Owned & { id: string })[] }> {
  const [datasets, shares] = await Promise.all([
    tx.dataset.findMany({ select: { id: true, name: true, bucket: true, prefix: true, projectId: true, project: { select: { name: true } }, store: { select: storeWhereSelect } } }),
    tx.locationShare.findMany({ select: { id: true, bucket: true, prefix: true, projectId: true, store: { select: storeWhereSelect } } }),
  ]);
  return {
    datasets: datasets.map((d) => ({ id: d.id, key: placeKey(d), projectId: d.projectId, datasetName: d.name, projectName: d.project.name })),
    shares: shares.map((s) => ({ id: s.id, key: placeKey(s), projectId: s.projectId })),
  };
}

/** Taken in the transaction that adds a dataset or removes a share, so two of them never race past the check. */
export async function lockLocations(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('benchtop dataset locations'))`;
}

/**
 * Refuses a dataset of `projectId` at `place` when another project's dataset overlaps it. The
 * sentence names that project only to its members and lab directors; anyone else learns only that
 * some other project holds it.
 */
export async function assertLocationFree(tx: Tx, args: { actorId: string; projectId: string; place: Place }): Promise<void> {
  await lockLocations(tx);
  const { datasets, shares } = await loadPlaces(tx);
  const holder = firstConflict({ key: placeKey(args.place), projectId: args.projectId }, datasets, shares);
  if (!holder) return;
  const advice = "a location belongs to one project. A lab admin can share it with this project under Data stores.";
  if (await mayKnowProject(tx, args.actorId, holder.projectId)) {
    throw new AppError("CONFLICT", `This location overlaps dataset "${holder.datasetName}" of project "${holder.projectName}"; ${advice}`, {
      prefix: [`overlaps dataset "${holder.datasetName}" of project "${holder.projectName}"`],
    });
  }
  throw new AppError("CONFLICT", `This location overlaps a dataset of another project; ${advice}`, { prefix: ["overlaps another project's dataset"] });
}

async function mayKnowProject(tx: Tx, actorId: string, projectId: string): Promise<boolean> {
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { labRole: true, memberships: { where: { projectId }, select: { role: true } } } });
  return Boolean(actor && (isDirector(actor.labRole) || actor.memberships.length > 0));
}
