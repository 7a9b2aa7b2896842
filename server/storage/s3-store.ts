// The S3 driver (AWS S3, MinIO, Ceph, R2, s3rver...), scoped to one bucket and an optional key
// prefix. Presigned URLs are signed here with the store's credentials and point at the store, so
// a browser, the CLI or an agent moves bytes without the credentials and without the app server.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { Readable } from "node:stream";
import {
  assertValidKey,
  ObjectNotFoundError,
  PRESIGN_SECONDS,
  StoreAccessError,
  UploadNotFoundError,
  type ListOptions,
  type ListPage,
  type ObjectInfo,
  type ObjectStore,
  type UploadedPart,
} from "./object-store";

export type S3Connection = {
  /** null/undefined: AWS itself. */
  endpoint?: string | null;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string } | null;
};

export function s3Client(c: S3Connection): S3Client {
  return new S3Client({
    endpoint: c.endpoint ?? undefined,
    region: c.region,
    forcePathStyle: c.forcePathStyle,
    credentials: c.credentials ?? undefined,
    // Checksums only where S3 requires them: a presigned URL then carries no checksum the
    // browser would have to compute, and S3-compatible stores that predate them keep working.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
  });
}

const unquote = (etag: string | undefined) => (etag ?? "").replace(/"/g, "");

/** Turns what S3 answered into a sentence a lab admin can act on. */
export function describeS3Error(e: unknown, what: string): Error {
  if (!(e instanceof S3ServiceException)) {
    const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EAI_AGAIN") {
      return new StoreAccessError(`The store cannot be reached (${code}) while ${what}; check its endpoint.`);
    }
    return e as Error;
  }
  switch (e.name) {
    case "InvalidAccessKeyId":
      return new StoreAccessError(`The store refused the credentials: the access key does not exist (${what}).`);
    case "SignatureDoesNotMatch":
      return new StoreAccessError(`The store refused the credentials: the signature does not match, so the secret access key is wrong (${what}).`);
    case "AccessDenied":
    case "Forbidden":
      return new StoreAccessError(`The store denied access while ${what}: these credentials lack the permission.`);
    case "NoSuchBucket":
    case "NotFound":
      return new StoreAccessError(`The bucket does not exist on this store (${what}).`);
    case "NoSuchUpload":
      return new UploadNotFoundError("");
    default:
      return new StoreAccessError(`The store answered ${e.name} while ${what}${e.message && e.message !== e.name ? `: ${e.message}` : ""}.`);
  }
}

export class S3ObjectStore implements ObjectStore {
  readonly kind = "s3" as const;
  readonly client: S3Client;
  private readonly prefix: string;

  constructor(
    private readonly connection: S3Connection,
    readonly bucket: string,
    /** Keys are stored under this prefix ("" or ending with "/"). */
    prefix = "",
  ) {
    this.client = s3Client(connection);
    this.prefix = prefix && !prefix.endsWith("/") ? `${prefix}/` : prefix;
  }

  private full(key: string): string {
    assertValidKey(key);
    return this.prefix + key;
  }

  private rel(full: string): string {
    return full.slice(this.prefix.length);
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw describeS3Error(e, what);
    }
  }

  async put(key: string, body: Buffer | Readable, opts: { contentType?: string } = {}): Promise<ObjectInfo> {
    const Key = this.full(key);
    // lib-storage sends a stream of unknown length as multipart, a small body as one PUT.
    const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key, Body: body, ContentType: opts.contentType }, queueSize: 4, partSize: 8 * 1024 * 1024 });
    await this.call(`writing ${key}`, () => upload.done());
    const info = await this.head(key);
    if (!info) throw new StoreAccessError(`The store accepted ${key} but does not show it.`);
    return info;
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<Readable> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.full(key), Range: range ? `bytes=${range.start}-${range.end ?? ""}` : undefined }),
      );
      return out.Body as Readable;
    } catch (e) {
      if (e instanceof S3ServiceException && (e.name === "NoSuchKey" || e.$metadata.httpStatusCode === 404)) throw new ObjectNotFoundError(key);
      if (e instanceof S3ServiceException && e.name === "InvalidRange") {
        const { Readable: R } = await import("node:stream");
        return R.from([]);
      }
      throw describeS3Error(e, `reading ${key}`);
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.full(key) }));
      return {
        key,
        size: out.ContentLength ?? 0,
        etag: unquote(out.ETag),
        modifiedAt: out.LastModified ?? new Date(0),
        contentType: out.ContentType ?? "application/octet-stream",
      };
    } catch (e) {
      if (e instanceof S3ServiceException && (e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata.httpStatusCode === 404)) return null;
      throw describeS3Error(e, `reading the details of ${key}`);
    }
  }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListPage> {
    const out = await this.call(`listing ${prefix || "the bucket"}`, () =>
      this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.prefix + prefix,
          Delimiter: opts.delimiter,
          ContinuationToken: opts.token ?? undefined,
          MaxKeys: Math.min(Math.max(opts.limit ?? 1000, 1), 1000),
        }),
      ),
    );
    return {
      objects: (out.Contents ?? []).map((o) => ({ key: this.rel(o.Key!), size: o.Size ?? 0, etag: unquote(o.ETag), modifiedAt: o.LastModified ?? new Date(0) })),
      prefixes: (out.CommonPrefixes ?? []).map((p) => this.rel(p.Prefix!)),
      nextToken: out.IsTruncated ? (out.NextContinuationToken ?? null) : null,
    };
  }

  async delete(key: string): Promise<void> {
    await this.call(`deleting ${key}`, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.full(key) })));
  }

  async deleteMany(keys: string[]): Promise<{ deleted: number }> {
    if (keys.length === 0) return { deleted: 0 };
    const Objects = keys.map((k) => ({ Key: this.full(k) }));
    const out = await this.call(`deleting ${keys.length} objects`, () =>
      this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects, Quiet: true } })),
    );
    const failed = out.Errors ?? [];
    if (failed.length) throw new StoreAccessError(`The store did not delete ${failed.length} of ${keys.length} objects: ${failed[0]!.Key} (${failed[0]!.Code}).`);
    return { deleted: keys.length };
  }

  async presignGet(key: string, opts: { expiresIn?: number; filename?: string } = {}): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.full(key),
      ResponseContentDisposition: opts.filename ? `attachment; filename*=UTF-8''${encodeURIComponent(opts.filename)}` : undefined,
    });
    return getSignedUrl(this.client, command, { expiresIn: opts.expiresIn ?? PRESIGN_SECONDS });
  }

  async presignPut(key: string, opts: { expiresIn?: number; contentType?: string } = {}): Promise<string> {
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.bucket, Key: this.full(key) }), { expiresIn: opts.expiresIn ?? PRESIGN_SECONDS });
  }

  async createMultipart(key: string, opts: { contentType?: string } = {}): Promise<string> {
    const out = await this.call(`starting the upload of ${key}`, () =>
      this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: this.full(key), ContentType: opts.contentType })),
    );
    return out.UploadId!;
  }

  async presignPart(key: string, uploadId: string, partNumber: number, opts: { expiresIn?: number } = {}): Promise<string> {
    return getSignedUrl(this.client, new UploadPartCommand({ Bucket: this.bucket, Key: this.full(key), UploadId: uploadId, PartNumber: partNumber }), {
      expiresIn: opts.expiresIn ?? PRESIGN_SECONDS,
    });
  }

  async listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    const parts: UploadedPart[] = [];
    let marker: string | undefined;
    for (;;) {
      const out = await this.call(`listing the parts of ${key}`, () =>
        this.client.send(new ListPartsCommand({ Bucket: this.bucket, Key: this.full(key), UploadId: uploadId, PartNumberMarker: marker })),
      ).catch((e) => {
        throw e instanceof UploadNotFoundError ? new UploadNotFoundError(uploadId) : e;
      });
      for (const p of out.Parts ?? []) parts.push({ partNumber: p.PartNumber!, etag: unquote(p.ETag), size: p.Size ?? 0 });
      if (!out.IsTruncated) return parts;
      marker = out.NextPartNumberMarker;
    }
  }

  async completeMultipart(key: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<ObjectInfo> {
    await this.call(`completing the upload of ${key}`, () =>
      this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: this.full(key),
          UploadId: uploadId,
          MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: `"${unquote(p.etag)}"` })) },
        }),
      ),
    ).catch((e) => {
      throw e instanceof UploadNotFoundError ? new UploadNotFoundError(uploadId) : e;
    });
    const info = await this.head(key);
    if (!info) throw new StoreAccessError(`The store completed the upload of ${key} but does not show it.`);
    return info;
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await this.call(`cancelling the upload of ${key}`, () =>
      this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.full(key), UploadId: uploadId })),
    ).catch((e) => {
      if (!(e instanceof UploadNotFoundError)) throw e;
    });
  }

  async check(): Promise<void> {
    await this.call(`checking the bucket ${this.bucket}`, () => this.client.send(new HeadBucketCommand({ Bucket: this.bucket })));
  }
}

/** Checks a store's endpoint and credentials: HeadBucket on `bucket` when given, else ListBuckets. */
export async function checkS3Connection(c: S3Connection, bucket?: string): Promise<void> {
  const client = s3Client(c);
  try {
    if (bucket) await client.send(new HeadBucketCommand({ Bucket: bucket }));
    else await client.send(new ListBucketsCommand({}));
  } catch (e) {
    // HeadBucket has no body, so a 403 comes back without S3's error code: ask ListBuckets,
    // whose answer names what is wrong (unknown key, wrong secret), before saying "denied".
    if (bucket && e instanceof S3ServiceException && e.$metadata.httpStatusCode === 403) {
      try {
        await client.send(new ListBucketsCommand({}));
      } catch (e2) {
        throw describeS3Error(e2, `checking the bucket ${bucket}`);
      }
    }
    if (bucket && e instanceof S3ServiceException && e.$metadata.httpStatusCode === 404) {
      throw new StoreAccessError(`The bucket "${bucket}" does not exist on this store.`);
    }
    throw describeS3Error(e, bucket ? `checking the bucket ${bucket}` : "listing buckets");
  } finally {
    client.destroy();
  }
}
