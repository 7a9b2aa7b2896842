// Blobs as a project holds them. Storage is shared by content across the lab, but a project may
// name a blob in a snapshot only once it has shown it has the bytes: it uploaded them (hashed on
// the way in, even when the store has them already), or they are its own files. So a hash alone
// (seen in a log, guessed from a well-known file) never reads another project's content, and
// "which of these are missing" answers for the asking project only: it is no oracle of what other
// projects hold. The price: the first upload of a content another project already has is sent
// once more (and written again, so its timing tells nothing either).
import type { Readable } from "node:stream";
import { db, type Tx } from "../db/client";
import { requireProjectRole } from "../projects/access";
import { blobKey, missingBlobs, putBlob } from "../storage/blobs";

/** Records that the project holds these blobs (idempotent). */
export async function recordProjectBlobs(tx: Tx | typeof db, projectId: string, sha256s: string[]): Promise<void> {
  const unique = [...new Set(sha256s)];
  for (let i = 0; i < unique.length; i += 5000) {
    await tx.projectBlob.createMany({ data: unique.slice(i, i + 5000).map((sha256) => ({ projectId, sha256 })), skipDuplicates: true });
  }
}

/** Of these blobs, the ones the project does not hold (or that storage lost since). */
export async function blobsMissingForProject(projectId: string, sha256s: string[]): Promise<string[]> {
  const unique = [...new Set(sha256s)];
  const held = new Set<string>();
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await db.projectBlob.findMany({ where: { projectId, sha256: { in: unique.slice(i, i + 5000) } }, select: { sha256: true } });
    for (const r of rows) held.add(r.sha256);
  }
  const gone = new Set(await missingBlobs([...held]));
  return unique.filter((sha) => !held.has(sha) || gone.has(sha));
}

/**
 * POST /blobs/missing: which of these the caller must upload to `projectSlug` (editors). Without a
 * project every one is "missing": the answer never says what the lab holds.
 */
export async function missingBlobsFor(args: { actorId: string; projectSlug?: string; sha256s: string[] }): Promise<string[]> {
  if (!args.projectSlug) return [...new Set(args.sha256s)];
  const { project } = await requireProjectRole({ actorId: args.actorId, projectSlug: args.projectSlug, atLeast: "editor", intent: "write" });
  return blobsMissingForProject(project.id, args.sha256s);
}

/** PUT /blobs/{sha256}?project=: the bytes, checked against the hash, now held by the project. */
export async function putProjectBlob(args: { actorId: string; projectSlug: string; sha256: string; body: Readable | Uint8Array }): Promise<void> {
  const { project } = await requireProjectRole({ actorId: args.actorId, projectSlug: args.projectSlug, atLeast: "editor", intent: "write" });
  blobKey(args.sha256); // refuses what is not a SHA-256, in words
  const heldAlready = (await blobsMissingForProject(project.id, [args.sha256])).length === 0;
  await putBlob(args.sha256, args.body, { evenIfStored: !heldAlready });
  await recordProjectBlobs(db, project.id, [args.sha256]);
}
