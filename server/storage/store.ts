// The queue's own storage (snapshots, checkpoints, artifacts, file versions): BENCHTOP_HOME/storage
// by default, or S3 with one setting:
//   BENCHTOP_STORAGE_URL=s3://bucket/prefix?endpoint=http://minio:9000&region=eu-west-1&path_style=true
// with BENCHTOP_S3_ACCESS_KEY_ID / BENCHTOP_S3_SECRET_ACCESS_KEY (else the AWS default chain:
// instance role, AWS_* variables).
import path from "node:path";
import { env } from "../env";
import { LocalObjectStore } from "./local-store";
import type { ObjectStore } from "./object-store";
import { S3ObjectStore, type S3Connection } from "./s3-store";

/** The name the queue's own local storage goes by in presigned URLs. */
export const SYSTEM_STORE = "_system";
export const SYSTEM_BUCKET = "storage";

let store: ObjectStore | null = null;

export type StorageUrl = { bucket: string; prefix: string; connection: S3Connection };

/** Reads an s3:// storage URL; the sentence names what is wrong. */
export function parseStorageUrl(url: string, credentials?: { accessKeyId?: string; secretAccessKey?: string }): StorageUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`BENCHTOP_STORAGE_URL "${url}" is not a URL like s3://bucket/prefix?endpoint=...`);
  }
  if (u.protocol !== "s3:") throw new Error(`BENCHTOP_STORAGE_URL must start with s3://, not ${u.protocol}//.`);
  const prefix = decodeURIComponent(u.pathname.replace(/^\/+/, ""));
  const pathStyle = u.searchParams.get("path_style");
  const { accessKeyId, secretAccessKey } = credentials ?? {};
  if (!!accessKeyId !== !!secretAccessKey) throw new Error("Set both BENCHTOP_S3_ACCESS_KEY_ID and BENCHTOP_S3_SECRET_ACCESS_KEY, or neither.");
  return {
    bucket: u.hostname,
    prefix: prefix && !prefix.endsWith("/") ? `${prefix}/` : prefix,
    connection: {
      endpoint: u.searchParams.get("endpoint") || null,
      region: u.searchParams.get("region") || "us-east-1",
      forcePathStyle: pathStyle === "true" || pathStyle === "1",
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
    },
  };
}

/** The store for snapshots, checkpoints and artifacts. */
export function objectStore(): ObjectStore {
  if (store) return store;
  if (env.BENCHTOP_STORAGE_URL) {
    const s = parseStorageUrl(env.BENCHTOP_STORAGE_URL, { accessKeyId: env.BENCHTOP_S3_ACCESS_KEY_ID, secretAccessKey: env.BENCHTOP_S3_SECRET_ACCESS_KEY });
    store = new S3ObjectStore(s.connection, s.bucket, s.prefix);
  } else {
    store = new LocalObjectStore(systemStorageRoot(), { signing: { store: SYSTEM_STORE, bucket: SYSTEM_BUCKET } });
  }
  return store;
}

export function systemStorageRoot(): string {
  return path.join(env.home, "storage");
}

/** For tests: use this store instead (null: back to the configured one). */
export function setObjectStoreForTests(next: ObjectStore | null) {
  store = next;
}
