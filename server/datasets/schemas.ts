// The datasets contract, shared by tRPC (server/api/routers/datasets.ts), REST (server/rest/routes/
// datasets.ts, so the OpenAPI document), the CLI and the browser. Keys in inputs and outputs are
// relative to the dataset's root (its bucket + prefix); the store's full key never leaves the server.
import { z } from "zod";

// ---------------------------------------------------------------- data stores (lab admins)

export const ZStoreKind = z.enum(["local", "s3"]);
export const ZStoreName = z
  .string()
  .min(1, "is required")
  .max(64, "must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "may hold lowercase letters, digits, - and _, e.g. lab-minio");

/** A store as any signed-in person sees it: never its credentials, at most the key id's last 4. */
export const ZDataStore = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZStoreKind,
  endpoint: z.string().nullable(),
  region: z.string(),
  forcePathStyle: z.boolean(),
  localRoot: z.string().nullable(),
  hasCredentials: z.boolean(),
  /** The last 4 characters of the access key id, e.g. "…WXYZ"; null without credentials. */
  accessKeyIdHint: z.string().nullable(),
  datasetCount: z.number().int(),
  createdAt: z.date(),
});
export type TDataStore = z.infer<typeof ZDataStore>;

/**
 * A store as an external collaborator sees it: its name and kind, nothing of where it is or
 * whether it has credentials. Parsing a store through it drops every other field.
 */
export const ZDataStoreForExternal = ZDataStore.pick({ id: true, name: true, kind: true });
export const ZDataStoreView = z.union([ZDataStore, ZDataStoreForExternal]);
export type TDataStoreView = z.infer<typeof ZDataStoreView>;

const storeFields = {
  name: ZStoreName,
  /** S3: the endpoint URL (MinIO, Ceph, R2...); empty = AWS itself. */
  endpoint: z.url({ error: "must be a URL such as https://minio.lab.example:9000" }).nullish(),
  region: z.string().min(1).max(64).default("us-east-1"),
  forcePathStyle: z.boolean().default(false),
  /** local: an absolute folder on the Benchtop server; each dataset's bucket is a subfolder. */
  localRoot: z.string().startsWith("/", "must be an absolute path").nullish(),
  accessKeyId: z.string().min(1).max(256).optional(),
  secretAccessKey: z.string().min(1).max(256).optional(),
  /** A bucket to check with HeadBucket when the credentials may not list buckets. */
  testBucket: z.string().min(3).max(63).optional(),
};

export const ZCreateStoreInput = z.object({ kind: ZStoreKind, ...storeFields });
export type TCreateStoreInput = z.input<typeof ZCreateStoreInput>;

export const ZUpdateStoreInput = z.object({
  id: z.string().min(1),
  name: storeFields.name.optional(),
  endpoint: storeFields.endpoint,
  region: z.string().min(1).max(64).optional(),
  forcePathStyle: z.boolean().optional(),
  localRoot: storeFields.localRoot,
  /** Give both to replace the credentials; leave both out to keep them. */
  accessKeyId: storeFields.accessKeyId,
  secretAccessKey: storeFields.secretAccessKey,
  /** Remove the stored credentials (anonymous access, or an instance role). */
  clearCredentials: z.boolean().optional(),
  testBucket: storeFields.testBucket,
});
export type TUpdateStoreInput = z.input<typeof ZUpdateStoreInput>;

export const ZStoreTestResult = z.object({ ok: z.boolean(), message: z.string() });

/** A location a lab admin shared with a project, so its datasets may overlap another project's. */
export const ZLocationShare = z.object({
  id: z.string(),
  store: z.object({ id: z.string(), name: z.string() }),
  bucket: z.string(),
  /** "" (the whole bucket) or a folder ending with "/". */
  prefix: z.string(),
  project: z.object({ slug: z.string(), name: z.string() }),
  grantedBy: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
  createdAt: z.date(),
});
export type TLocationShare = z.infer<typeof ZLocationShare>;

export const ZShareLocationInput = z.object({
  storeId: z.string().min(1),
  bucket: z.string().min(1, "is required").max(63),
  prefix: z.string().max(512).default(""),
  projectSlug: z.string().min(1, "is required"),
});
export type TShareLocationInput = z.input<typeof ZShareLocationInput>;

// ---------------------------------------------------------------- datasets

export const ZDatasetName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "may hold lowercase letters, digits, - and _ (up to 63), starting with a letter or digit");

/** A dataset in a project: `dataset` in every input below is its name. */
export const ZDatasetRef = z.object({ projectSlug: z.string().min(1), dataset: z.string().min(1).max(63) });

export const ZDatasetSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  store: z.object({ id: z.string(), name: z.string(), kind: ZStoreKind }),
  bucket: z.string(),
  prefix: z.string(),
  /** The newest snapshot's version; null before the first snapshot. */
  latestVersion: z.number().int().nullable(),
  createdAt: z.date(),
});
export type TDatasetSummary = z.infer<typeof ZDatasetSummary>;

/** A dataset as an external collaborator sees it: no bucket, no prefix (parsing drops them). */
export const ZDatasetSummaryForExternal = ZDatasetSummary.omit({ bucket: true, prefix: true });
export const ZDatasetView = z.union([ZDatasetSummary, ZDatasetSummaryForExternal]);
export type TDatasetView = z.infer<typeof ZDatasetView>;

export const ZCreateDatasetInput = z.object({
  projectSlug: z.string().min(1),
  name: ZDatasetName,
  description: z.string().max(2000, "must be at most 2000 characters").default(""),
  storeId: z.string().min(1),
  bucket: z.string().min(1, "is required").max(63),
  /** A folder inside the bucket, e.g. "imaging/2026/"; "" = the whole bucket. A trailing / is added. */
  prefix: z.string().max(512).default(""),
});
export type TCreateDatasetInput = z.input<typeof ZCreateDatasetInput>;

export const ZUpdateDatasetInput = ZDatasetRef.extend({
  name: ZDatasetName.optional(),
  description: z.string().max(2000, "must be at most 2000 characters").optional(),
});

// ---------------------------------------------------------------- browsing

/** A key relative to the dataset's root, e.g. "images/cat 1.png". */
export const ZObjectKey = z.string().min(1, "is required").max(1024);
/** A folder relative to the dataset's root: "" or ending with "/". */
export const ZFolderPrefix = z
  .string()
  .max(1024)
  .refine((p) => p === "" || p.endsWith("/"), "must be empty or end with /");

export const ZBrowseInput = ZDatasetRef.extend({
  prefix: ZFolderPrefix.default(""),
  token: z.string().max(2048).nullish(),
  limit: z.number().int().min(1).max(1000).default(200),
  /** Only names starting with this, within the folder (the store filters: still one call a page). */
  search: z.string().max(512).optional(),
});
export type TBrowseInput = z.input<typeof ZBrowseInput>;

export const ZObjectEntry = z.object({
  key: z.string(),
  /** The last segment of the key. */
  name: z.string(),
  size: z.number(),
  modifiedAt: z.date(),
  etag: z.string(),
});

/** One page, in the store's key order (UTF-8 byte order; folders and objects interleaved by key). */
export const ZBrowseOutput = z.object({
  folders: z.array(z.object({ name: z.string(), prefix: z.string() })),
  objects: z.array(ZObjectEntry),
  nextToken: z.string().nullable(),
});
export type TBrowseOutput = z.infer<typeof ZBrowseOutput>;

export const ZObjectKeyInput = ZDatasetRef.extend({ key: ZObjectKey });

export const ZHeadOutput = z.object({
  key: z.string(),
  size: z.number(),
  modifiedAt: z.date(),
  etag: z.string(),
  contentType: z.string(),
});

/**
 * Total size of a folder: counted from listing pages up to a cap (S3 cannot tell it otherwise);
 * `complete: false` means the folder holds more than `objects` and the figures are a floor.
 */
export const ZFolderSizeOutput = z.object({ objects: z.number().int(), bytes: z.number(), complete: z.boolean() });

export const ZPreview = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("table"),
    format: z.enum(["csv", "tsv", "parquet"]),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    /** Known for Parquet (from its footer); null for CSV/TSV read in part. */
    totalRows: z.number().int().nullable(),
    truncated: z.boolean(),
    schema: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
  }),
  z.object({ kind: z.literal("text"), text: z.string(), truncated: z.boolean(), format: z.enum(["json", "jsonl", "text"]) }),
  /** url: presigned GET (may be a path on the Benchtop server for local stores). */
  z.object({ kind: z.literal("image"), url: z.string(), contentType: z.string() }),
  z.object({ kind: z.literal("npy"), dtype: z.string(), shape: z.array(z.number().int()), fortranOrder: z.boolean() }),
  z.object({ kind: z.literal("none"), reason: z.string() }),
]);
export type TPreview = z.infer<typeof ZPreview>;

/**
 * A presigned URL, valid until expiresAt (10 minutes). For an S3 store it is the store's own URL;
 * for a local store it is a path on the Benchtop server ("/api/storage/local/..."): resolve it
 * against the server's URL (a browser's fetch does so by itself).
 */
export const ZPresignedUrl = z.object({ url: z.string(), expiresAt: z.date() });

// ---------------------------------------------------------------- uploads (browser -> store)

export const ZUploadStartInput = ZObjectKeyInput.extend({
  size: z.number().int().min(0).max(5 * 1024 ** 4, "must be at most 5 TiB (S3's limit)"),
  contentType: z.string().max(255).default("application/octet-stream"),
});
export const ZUploadStartOutput = z.object({ uploadId: z.string(), partSize: z.number().int(), partCount: z.number().int() });

export const ZUploadRef = ZObjectKeyInput.extend({ uploadId: z.string().min(1).max(1024) });
export const ZUploadPartUrlsInput = ZUploadRef.extend({
  partNumbers: z.array(z.number().int().min(1).max(10_000)).min(1).max(1000),
});
/** PUT the part's bytes to url; read the ETag response header (exposed to browsers). */
export const ZUploadPartUrls = z.array(z.object({ partNumber: z.number().int(), url: z.string() }));
export const ZUploadedParts = z.array(z.object({ partNumber: z.number().int(), etag: z.string(), size: z.number() }));
export const ZUploadCompleteInput = ZUploadRef.extend({
  parts: z.array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1) })).min(1).max(10_000),
});
export const ZUploadCompleteOutput = z.object({ key: z.string(), size: z.number(), etag: z.string() });

// ---------------------------------------------------------------- deleting

export const ZDeleteObjectsInput = ZDatasetRef.extend({
  keys: z.array(ZObjectKey).max(1000).optional(),
  /** Everything under this folder ("" is refused: delete the dataset's files by listing them). */
  prefix: z.string().min(1).max(1024).optional(),
}).refine((v) => (v.keys?.length ?? 0) > 0 || v.prefix, "Name the keys or the folder to delete.");
export const ZDeleteObjectsOutput = z.object({ deleted: z.number().int() });

// ---------------------------------------------------------------- snapshots (versions)

export const ZDatasetSnapshot = z.object({
  id: z.string(),
  version: z.number().int(),
  objectCount: z.number().int(),
  totalBytes: z.number(),
  note: z.string(),
  createdAt: z.date(),
  createdBy: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
});
export type TDatasetSnapshot = z.infer<typeof ZDatasetSnapshot>;

export const ZCreateSnapshotInput = ZDatasetRef.extend({ note: z.string().max(500).default("") });

export const ZSnapshotDiffInput = ZDatasetRef.extend({
  /** A snapshot version. */
  from: z.number().int().min(1),
  /** A later (or earlier) version, or "live": the dataset as it is now. */
  to: z.union([z.number().int().min(1), z.literal("live")]),
  limit: z.number().int().min(0).max(1000).default(50),
});
const ZDiffPart = z.object({ count: z.number().int(), keys: z.array(z.string()) });
export const ZSnapshotDiff = z.object({ added: ZDiffPart, removed: ZDiffPart, changed: ZDiffPart });
export type TSnapshotDiff = z.infer<typeof ZSnapshotDiff>;
