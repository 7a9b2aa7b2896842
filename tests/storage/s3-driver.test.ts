import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3ServiceException } from "@aws-sdk/client-s3";
import { checkS3Connection, describeS3Error, S3ObjectStore } from "../../server/storage/s3-store";
import { startS3rver, type S3rverHandle } from "../support/s3rver";
import { driverSuite } from "./driver-suite";

describe("S3 driver on s3rver", () => {
  let s3: S3rverHandle;
  let store: S3ObjectStore;

  beforeAll(async () => {
    s3 = await startS3rver({ buckets: ["bt-datasets"] });
    store = new S3ObjectStore(s3.connection, "bt-datasets", "under/a prefix/");
  });
  afterAll(async () => {
    await s3?.stop();
  });

  driverSuite({ store: () => store, absolute: (url) => url, walksFoldersFirst: true });

  it("says in words when the credentials are wrong", async () => {
    await expect(checkS3Connection({ ...s3.connection, credentials: { accessKeyId: "NOSUCHKEY", secretAccessKey: "S3RVER" } })).rejects.toThrow(
      "The store refused the credentials: the access key does not exist",
    );
    await expect(checkS3Connection(s3.connection, "no-such-bucket")).rejects.toThrow(/"no-such-bucket" does not exist/);
    await expect(checkS3Connection({ ...s3.connection, endpoint: "http://127.0.0.1:1" })).rejects.toThrow(/cannot be reached/);
    await expect(checkS3Connection(s3.connection, "bt-datasets")).resolves.toBeUndefined();
  });

  it("names a wrong secret key as such", () => {
    // s3rver does not verify SigV4 signatures, so this is S3's own answer to a wrong secret, as
    // the SDK hands it over (the exception class the SDK throws for an error code it has no class for).
    const answer = new S3ServiceException({ name: "SignatureDoesNotMatch", $fault: "client", $metadata: { httpStatusCode: 403 }, message: "The request signature we calculated does not match" });
    expect(describeS3Error(answer, "listing buckets").message).toBe(
      "The store refused the credentials: the signature does not match, so the secret access key is wrong (listing buckets).",
    );
  });
});
