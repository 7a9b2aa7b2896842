// BENCHTOP_STORAGE_URL=s3://... moves the queue's storage to S3: the blob code (snapshots,
// checkpoints, artifacts) works unchanged through the interface, here on s3rver.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBlob, missingBlobs, putBlob, putManifest, readManifest, sha256Of } from "../../server/storage/blobs";
import { S3ObjectStore } from "../../server/storage/s3-store";
import { parseStorageUrl, setObjectStoreForTests } from "../../server/storage/store";
import { startS3rver, type S3rverHandle } from "../support/s3rver";

let s3: S3rverHandle;

beforeAll(async () => {
  s3 = await startS3rver({ buckets: ["bt-queue"] });
  const url = parseStorageUrl(`s3://bt-queue/benchtop/prod?endpoint=${encodeURIComponent(s3.endpoint)}&region=eu-west-1&path_style=true`, { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
  setObjectStoreForTests(new S3ObjectStore(url.connection, url.bucket, url.prefix));
});
afterAll(async () => {
  setObjectStoreForTests(null);
  await s3?.stop();
});

describe("the queue's storage on S3", () => {
  it("reads the storage URL: bucket, prefix, endpoint, region, path style", () => {
    const u = parseStorageUrl("s3://lab-bucket/benchtop/prod?endpoint=http://minio:9000&region=eu-west-1&path_style=true");
    expect(u).toEqual({ bucket: "lab-bucket", prefix: "benchtop/prod/", connection: { endpoint: "http://minio:9000", region: "eu-west-1", forcePathStyle: true, credentials: null } });
    expect(() => parseStorageUrl("s3://b/p", { accessKeyId: "only-one" })).toThrow(/Set both BENCHTOP_S3_ACCESS_KEY_ID and BENCHTOP_S3_SECRET_ACCESS_KEY/);
  });

  it("stores blobs and manifests under the prefix and reads them back", async () => {
    const body = Buffer.from("print('hello from a snapshot')\n");
    const sha = sha256Of(body);
    expect(await missingBlobs([sha])).toEqual([sha]);
    await putBlob(sha, Readable.from([body]));
    expect(await missingBlobs([sha])).toEqual([]);
    const back: Buffer[] = [];
    for await (const c of await getBlob(sha)) back.push(c as Buffer);
    expect(Buffer.concat(back).equals(body)).toBe(true);
    await expect(putBlob(sha256Of("other"), Readable.from([Buffer.from("not other")]))).rejects.toThrow(/nothing was stored/);

    const { key } = await putManifest("manifests", { files: [{ path: "train.py", sha256: sha, size: body.length, mode: 0o644 }] });
    expect((await readManifest(key)).files[0]!.path).toBe("train.py");
    const raw = new S3ObjectStore(s3.connection, "bt-queue");
    expect(await raw.head(`benchtop/prod/blobs/sha256/${sha.slice(0, 2)}/${sha.slice(2)}`)).not.toBeNull();
  });
});
