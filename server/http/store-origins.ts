// The S3 origins a person's browser talks to: uploads PUT their parts straight to the store and
// previews GET objects by presigned URL, so a page's connect-src must name those origins. Only the
// stores of datasets in the person's own projects are named (a page's policy is readable by
// whoever loads it, and a store's address is no business of anyone outside its projects).
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { db } from "../db/client";
import { s3Client } from "../storage/s3-store";

type Place = { endpoint: string | null; region: string; forcePathStyle: boolean; bucket: string };

const origins = new Map<string, Promise<string>>();

/**
 * The origin of a bucket's presigned URLs, asked of the AWS SDK itself (virtual-hosted or path
 * style, AWS's regional hosts, buckets with dots): presigning is local, so made-up credentials
 * do, and nothing is sent anywhere.
 */
export function presignedOrigin(place: Place): Promise<string> {
  const key = JSON.stringify(place);
  let origin = origins.get(key);
  if (!origin) {
    const client = s3Client({ ...place, credentials: { accessKeyId: "origin", secretAccessKey: "origin" } });
    origin = getSignedUrl(client, new GetObjectCommand({ Bucket: place.bucket, Key: "k" })).then((url) => new URL(url).origin);
    if (origins.size > 500) origins.delete(origins.keys().next().value!);
    origins.set(key, origin);
  }
  return origin;
}

const CACHE_MS = 15_000;
const perPerson = new Map<string, { at: number; origins: Promise<string[]> }>();

async function lookUp(userId: string): Promise<string[]> {
  const places = await db.dataset.findMany({
    where: { project: { members: { some: { userId } } }, store: { kind: "s3" } },
    distinct: ["storeId", "bucket"],
    select: { bucket: true, store: { select: { endpoint: true, region: true, forcePathStyle: true } } },
  });
  const found = await Promise.all(places.map((p) => presignedOrigin({ ...p.store, bucket: p.bucket }).catch(() => null)));
  return [...new Set(found.filter((o): o is string => o !== null))].sort();
}

/** The S3 origins for this person's datasets, looked up at most every 15 s (a page load asks each time). */
export function browserStoreOrigins(userId: string): Promise<string[]> {
  const hit = perPerson.get(userId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.origins;
  const entry = { at: Date.now(), origins: lookUp(userId).catch(() => []) };
  if (perPerson.size > 1000) perPerson.delete(perPerson.keys().next().value!);
  perPerson.set(userId, entry);
  return entry.origins;
}
