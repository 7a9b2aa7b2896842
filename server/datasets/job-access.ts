// The datasets functions the queue uses for jobs (server/queue/job-datasets.ts). Plain server
// functions, not API procedures: they take ids and check nothing, because their callers checked
// already (the submitter's role at submit, the agent's live lease when it reads). Agents get
// presigned URLs, never a store's credentials.
import type { ObjectStore } from "../storage/object-store";
import { iterateObjects, type ManifestEntry } from "./manifests";
import { unsafeOpenDatasetById } from "./open-store";
import { iterateSnapshot, snapshotDataset } from "./snapshots";

export { iterateSnapshot, snapshotDataset };

/** The dataset's objects as they are now, in the store's key order, page by page. */
export async function* iterateDatasetObjects(datasetId: string): AsyncGenerator<ManifestEntry> {
  const { objects } = await unsafeOpenDatasetById(datasetId);
  yield* iterateObjects(objects);
}

/**
 * A presigned GET for one object of the dataset (key relative to the dataset). S3: the store's
 * URL; local: a path on the Benchtop server. To read exactly the version a snapshot froze, the
 * agent sends `If-Match: "<etag>"` with the GET: both drivers answer 412 once the object changed.
 * No store call here (signing is local), so a page of 1000 URLs costs no round trips.
 */
export async function presignDatasetGet(datasetId: string, key: string, opts: { ifMatchEtag?: string; expiresIn?: number } = {}): Promise<string> {
  const objects = await openedRecently(datasetId);
  return objects.presignGet(key, { expiresIn: opts.expiresIn });
}

// A page of URLs asks for the same dataset a thousand times in a row: one database read serves
// them for a few seconds (a store's changed settings change its cache key in openBucket).
const recent = new Map<string, { at: number; objects: Promise<ObjectStore> }>();
function openedRecently(datasetId: string): Promise<ObjectStore> {
  const hit = recent.get(datasetId);
  if (hit && Date.now() - hit.at < 10_000) return hit.objects;
  const objects = unsafeOpenDatasetById(datasetId).then((d) => d.objects);
  objects.catch(() => recent.delete(datasetId));
  if (recent.size > 500) recent.clear();
  recent.set(datasetId, { at: Date.now(), objects });
  return objects;
}
