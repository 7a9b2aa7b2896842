// First page of a folder holding N objects (default 100,000), through the API a browser or the CLI
// uses: the tRPC procedure (in process, the full procedure ladder) and REST (dispatcher, JSON out),
// on a local store and on S3 (s3rver on loopback). p50/p95 over 30 calls after 3 warm-ups.
//   npx tsx bench/dataset-list.ts [--objects 100000]
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { startS3rver } from "../tests/support/s3rver";
import { benchDatabase, fmt, percentile } from "./support";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("objects", 100_000);

process.env.BENCHTOP_SECRET_KEY = "bench-secret-key-bench-secret-key-0123456789";
const database = await benchDatabase("dataset-list");
const s3 = await startS3rver({ buckets: ["bench-list"] });
try {
  const { db } = await import("../server/db/client");
  const { createCaller } = await import("../server/api/root");
  const { log } = await import("../server/log");
  const { findUser } = await import("../server/users/users");
  const { dispatchRest } = await import("../server/rest/edge");
  const { createApiToken } = await import("../server/tokens/api-tokens");
  const { createProject } = await import("../server/projects/create-project");
  const { s3Client } = await import("../server/storage/s3-store");

  const director = await db.user.create({ data: { email: `d-${randomUUID()}@bench`, name: "Director", labRole: "director" } });
  const caller = createCaller({ actor: { ...(await findUser(director.id))!, via: "session" } as never, requestId: "bench", log });
  const project = await createProject({ actorId: director.id, name: "Bench", slug: "bench" });
  await fs.mkdir(process.env.BENCHTOP_LOCAL_STORE_ROOTS!, { recursive: true });
  const root = await fs.mkdtemp(path.join(process.env.BENCHTOP_LOCAL_STORE_ROOTS!, "bench-list-"));
  const local = await caller.datasets.stores.create({ name: "local", kind: "local", localRoot: root });
  const remote = await caller.datasets.stores.create({ name: "s3", kind: "s3", endpoint: s3.endpoint, forcePathStyle: true, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
  await caller.datasets.create({ projectSlug: project.slug, name: "on-local", storeId: local.id, bucket: "bench", prefix: "" });
  await caller.datasets.create({ projectSlug: project.slug, name: "on-s3", storeId: remote.id, bucket: "bench-list", prefix: "" });
  const { token } = await createApiToken({ actorId: director.id, name: "bench" });

  const name = (i: number) => `big/sample-${String(i).padStart(7, "0")}.json`;
  let t = performance.now();
  await fs.mkdir(path.join(root, "bench", "big"), { recursive: true });
  for (let i = 0; i < N; i += 500) {
    await Promise.all(Array.from({ length: Math.min(500, N - i) }, (_, j) => fs.writeFile(path.join(root, "bench", name(i + j)), `{"i":${i + j}}`)));
  }
  console.log(`local: wrote ${N} files in ${fmt((performance.now() - t) / 1000)} s`);
  t = performance.now();
  const client = s3Client(s3.connection);
  let next = 0;
  await Promise.all(
    Array.from({ length: 48 }, async () => {
      while (next < N) {
        const i = next++;
        await client.send(new PutObjectCommand({ Bucket: "bench-list", Key: name(i), Body: `{"i":${i}}` }));
      }
    }),
  );
  console.log(`s3rver: put ${N} objects in ${fmt((performance.now() - t) / 1000)} s`);

  async function measure(label: string, run: () => Promise<number>) {
    for (let i = 0; i < 3; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      const count = await run();
      times.push(performance.now() - start);
      if (count !== 200) throw new Error(`${label}: expected 200 rows, got ${count}`);
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(22)} first page of 200: p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms`);
  }
  for (const dataset of ["on-local", "on-s3"]) {
    await measure(`${dataset} tRPC`, async () => (await caller.datasets.browse({ projectSlug: project.slug, dataset, prefix: "big/" })).objects.length);
    await measure(`${dataset} REST`, async () => {
      const res = await dispatchRest(new Request(`http://localhost/api/v1/projects/${project.slug}/datasets/${dataset}/objects?prefix=big%2F`, { headers: { authorization: `Bearer ${token}` } }));
      return ((await res.json()) as { objects: unknown[] }).objects.length;
    });
  }
  client.destroy();
  await fs.rm(root, { recursive: true, force: true });
} finally {
  await s3.stop();
  await database.stop();
}
process.exit(0);
