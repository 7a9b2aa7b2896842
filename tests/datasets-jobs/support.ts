// A project with a dataset on a real store (a local folder, or s3rver), made through the real
// domain functions, for the datasets-in-jobs tests (their agents: tests/support/real-agent.ts).
import fs from "node:fs/promises";
import path from "node:path";
import { createDataset } from "../../server/datasets/datasets";
import { unsafeOpenDatasetById } from "../../server/datasets/open-store";
import { createStore } from "../../server/datasets/stores";
import type { S3Connection } from "../../server/storage/s3-store";
import { storeRoot } from "../datasets/lab";
import { createProjectFor, createUser } from "../support/factories";
import { tag } from "../support/real-agent";

export async function datasetLab(dir: string, opts: { s3?: { connection: S3Connection; bucket: string; secretAccessKey: string } } = {}) {
  const t = tag();
  const admin = await createUser({ labRole: "admin" });
  const project = await createProjectFor(admin);
  let storeId: string;
  if (opts.s3) {
    const c = opts.s3.connection;
    storeId = (
      await createStore({
        actorId: admin.id,
        kind: "s3",
        name: `s3-${t}`,
        endpoint: c.endpoint,
        region: c.region,
        forcePathStyle: c.forcePathStyle,
        accessKeyId: c.credentials!.accessKeyId,
        secretAccessKey: opts.s3.secretAccessKey,
        testBucket: opts.s3.bucket,
      })
    ).id;
  } else {
    // Local stores live under BENCHTOP_LOCAL_STORE_ROOTS, not in the test's own folder.
    const root = path.join(await storeRoot(), `store-${dir.split("/").pop()}-${t}`);
    await fs.mkdir(path.join(root, "bucket"), { recursive: true });
    storeId = (await createStore({ actorId: admin.id, kind: "local", name: `local-${t}`, localRoot: root })).id;
  }
  const dataset = await createDataset({ actorId: admin.id, projectSlug: project.slug, name: "iris-mini", storeId, bucket: opts.s3?.bucket ?? "bucket", prefix: `tables-${t}/` });
  const put = async (key: string, body: string) => (await unsafeOpenDatasetById(dataset.id)).objects.put(key, Buffer.from(body));
  const pool = `pool-${t}`;
  const gpuType = `sim-${t}`;
  return { admin, project, dataset, put, pool, gpuType, t };
}
