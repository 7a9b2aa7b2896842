// Store credentials: checked when saved (a wrong key is refused in words), encrypted at rest, and
// never in any answer of the API: tRPC, REST, or the OpenAPI document.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { dispatchRest } from "../../server/rest/edge";
import { createApiToken } from "../../server/tokens/api-tokens";
import { startS3rver, type S3rverHandle } from "../support/s3rver";
import { callerFor } from "./lab";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";

// s3rver knows the access key S3RVER and does not verify signatures, so any secret passes there.
const SECRET = `never-shown-${randomUUID()}`;
let s3: S3rverHandle;

beforeAll(async () => {
  s3 = await startS3rver({ buckets: ["bt-cred-bucket"] });
});
afterAll(async () => {
  await s3?.stop();
});

describe("data-store credentials", () => {
  it("refuses a store whose access key the store does not know, in words", async () => {
    const helen = await callerFor(await createUser({ labRole: "admin" }));
    await expect(
      helen.datasets.stores.create({ name: `bad-${randomUUID().slice(0, 6)}`, kind: "s3", endpoint: s3.endpoint, forcePathStyle: true, accessKeyId: "AKIAWRONG", secretAccessKey: SECRET }),
    ).rejects.toThrow("The store refused the credentials: the access key does not exist");
  });

  it("stores them encrypted and never returns them: at most the key id's last 4 characters", async () => {
    const director = await createUser({ labRole: "director" });
    const ana = await createUser();
    const vic = await createUser();
    const helen = await callerFor(director);
    const store = await helen.datasets.stores.create({ name: `s3-${randomUUID().slice(0, 6)}`, kind: "s3", endpoint: s3.endpoint, forcePathStyle: true, accessKeyId: "S3RVER", secretAccessKey: SECRET, testBucket: "bt-cred-bucket" });
    expect(store).toMatchObject({ hasCredentials: true, accessKeyIdHint: "…RVER" });
    const row = await db.dataStore.findUniqueOrThrow({ where: { id: store.id }, select: { credentials: true } });
    expect(Buffer.from(row.credentials!).toString("latin1")).not.toContain(SECRET);

    const project = await createProjectFor(ana);
    await addMemberAs(ana, project, vic, "viewer");
    const anaCaller = await callerFor(ana);
    const ref = { projectSlug: project.slug, dataset: "remote" };
    await anaCaller.datasets.create({ projectSlug: project.slug, name: "remote", storeId: store.id, bucket: "bt-cred-bucket", prefix: `t-${randomUUID().slice(0, 6)}` });
    const start = await anaCaller.datasets.upload.start({ ...ref, key: "hello.png", size: 5 });
    const [part] = await anaCaller.datasets.upload.partUrls({ ...ref, key: "hello.png", uploadId: start.uploadId, partNumbers: [1] });
    const put = await fetch(part!.url, { method: "PUT", body: "hello" });
    await anaCaller.datasets.upload.complete({ ...ref, key: "hello.png", uploadId: start.uploadId, parts: [{ partNumber: 1, etag: put.headers.get("etag")! }] });

    const vicCaller = await callerFor(vic);
    const answers: unknown[] = [
      store,
      await helen.datasets.stores.list(),
      await helen.datasets.stores.update({ id: store.id, region: "us-east-1" }),
      await helen.datasets.stores.test({ id: store.id }),
      await vicCaller.datasets.stores.list(),
      await vicCaller.datasets.list({ projectSlug: project.slug }),
      await vicCaller.datasets.browse(ref),
      await vicCaller.datasets.head({ ...ref, key: "hello.png" }),
      await vicCaller.datasets.preview({ ...ref, key: "hello.png" }),
      await vicCaller.datasets.downloadUrl({ ...ref, key: "hello.png" }),
    ];
    const { token } = await createApiToken({ actorId: vic.id, name: "t" });
    for (const p of ["/api/v1/data-stores", `/api/v1/projects/${project.slug}/datasets`, `/api/v1/projects/${project.slug}/datasets/remote`, "/api/v1/openapi.json"]) {
      const res = await dispatchRest(new Request(`http://localhost${p}`, { headers: { authorization: `Bearer ${token}` } }));
      answers.push(await res.text());
    }
    const all = JSON.stringify(answers);
    expect(all).not.toContain(SECRET);
    expect(all).toContain("hasCredentials");
  });
});
