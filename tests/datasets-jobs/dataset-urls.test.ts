// How agents get a dataset's objects: the assignment names each attachment (never its store,
// bucket or prefix), and only the node holding the job's live lease gets pages of presigned URLs.
// Then the same on S3 (s3rver on loopback) with a real agent: the job reads through presigned
// S3 URLs and the store's secret reaches neither the job's environment nor any log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { runSchedulerPass } from "../../server/queue/scheduler-pass";
import { submitJob } from "../../server/queue/submit-job";
import { startTestAgent } from "../support/agent-client";
import { realLab } from "../support/real-lab";
import { startS3rver, type S3rverHandle } from "../support/s3rver";
import { logOf, startAgent, tag, waitForEnd } from "../support/real-agent";
import { datasetLab } from "./support";

const lab = realLab("dataset-urls");

describe("dataset object URLs for agents", () => {
  it("only the node holding the job's live lease gets its dataset's pages of presigned URLs", async () => {
    const l = await datasetLab(lab.dir);
    for (const k of ["b.csv", "a.csv", "c/d.csv"]) await l.put(k, `${k}\n`);
    const holder = await startTestAgent({ name: `holder-${tag()}`, pool: l.pool, gpus: 1, gpuType: l.gpuType });
    const other = await startTestAgent({ name: `other-${tag()}`, pool: `${l.pool}-x`, gpus: 1, gpuType: `${l.gpuType}-x` });
    const { id } = await submitJob({
      actorId: l.admin.id,
      projectSlug: l.project.slug,
      command: "true",
      gpus: 1,
      gpuType: l.gpuType,
      pools: [l.pool],
      datasets: [{ name: "iris-mini", mode: "stream" }],
    });
    await runSchedulerPass();
    const [a] = await holder.claim(5_000);
    expect(a!.jobId).toBe(id);
    expect(a!.datasets).toEqual([
      expect.objectContaining({ name: "iris-mini", envName: "BENCHTOP_DATASET_IRIS_MINI", mode: "stream", version: 1, objectCount: 3, totalBytes: 20 }),
    ]);
    // The store, bucket and prefix reach the agent only as a hash.
    const store = await db.dataset.findUniqueOrThrow({ where: { id: l.dataset.id }, select: { storeId: true, bucket: true, prefix: true, store: { select: { localRoot: true } } } });
    const sent = JSON.stringify(a);
    for (const secretish of [store.storeId, store.prefix, store.store.localRoot!]) expect(sent).not.toContain(secretish);

    const objects = (agentCall: typeof holder.call, q: string, name = "iris-mini") => agentCall("GET", `/nodes/${a!.nodeId}/datasets/${name}/objects?${q}`);
    const page = await objects(holder.call, `fencingToken=${a!.fencingToken}&limit=2`);
    expect(page.status).toBe(200);
    expect(page.json.objects.map((o: { key: string }) => o.key)).toEqual(["a.csv", "b.csv"]);
    expect(page.json.next).toBe("b.csv");
    expect(page.json.objects[0].url).toMatch(/^\/api\/storage\/local\//);
    expect(page.json.objects[0].headers["if-match"]).toBe(`"${page.json.objects[0].etag}"`);
    const rest = await objects(holder.call, `fencingToken=${a!.fencingToken}&after=b.csv`);
    expect(rest.json).toMatchObject({ objects: [expect.objectContaining({ key: "c/d.csv", size: 8 })], next: null });
    // A URL works once, as the agent fetches it (against the server's URL), and honours If-Match.
    const url = new URL(page.json.objects[0].url, lab.url);
    expect(await (await fetch(url)).text()).toBe("a.csv\n");
    expect((await fetch(url, { headers: { "if-match": '"not-the-etag"' } })).status).toBe(412);

    // Another agent, a stale token, a dataset the job does not have: nothing.
    const stranger = await objects(other.call, `fencingToken=${a!.fencingToken}`);
    expect(stranger.status).toBe(409);
    expect(stranger.json.error.code).toBe("lease_lost");
    expect((await objects(holder.call, `fencingToken=${BigInt(a!.fencingToken) - 1n}`)).status).toBe(409);
    expect((await objects(holder.call, `fencingToken=${a!.fencingToken}`, "imagenet")).status).toBe(404);
    // Once the node has ended, its lease is gone too.
    await holder.started(a!);
    await holder.ended(a!, "exited", 0);
    expect((await objects(holder.call, `fencingToken=${a!.fencingToken}`)).status).toBe(409);
  });
});

describe("a dataset on S3", () => {
  let s3: S3rverHandle;
  // s3rver checks the access key, not the signature: any secret passes, so this one can be long and unmistakable.
  const SECRET = `s3-secret-${tag()}-never-in-a-job-or-log`;
  beforeAll(async () => {
    s3 = await startS3rver({ buckets: ["lab-data"] });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it("a job reads it through presigned S3 URLs; the store's secret is in no job environment and no log", async () => {
    const l = await datasetLab(lab.dir, { s3: { connection: s3.connection, bucket: "lab-data", secretAccessKey: SECRET } });
    await l.put("train.csv", "x,y\n1,2\n3,4\n");
    await l.put("images/cat 1.txt", "a cat\n");
    const agent = await startAgent(lab, l.pool, l.gpuType);
    const { id } = await submitJob({
      actorId: l.admin.id,
      projectSlug: l.project.slug,
      command: 'wc -l "$BENCHTOP_DATASET_IRIS_MINI/train.csv"; cat "$BENCHTOP_DATASET_IRIS_MINI/images/cat 1.txt"; env | sort',
      gpus: 1,
      gpuType: l.gpuType,
      pools: [l.pool],
      datasets: [{ name: "iris-mini" }],
    });
    const job = await waitForEnd(l.admin.id, id);
    const log = await logOf(l.admin.id, id);
    expect(job.state, `${job.stateReason}\n${log}\n${agent.output()}`).toBe("succeeded");
    expect(log).toMatch(/^3 .*train\.csv$/m);
    expect(log).toContain("a cat");
    expect(log).toContain("BENCHTOP_DATASET_IRIS_MINI=");
    for (const text of [log, agent.output()]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(/X-Amz-Signature|S3RVER/);
    }
  }, 120_000);
});
