// Upload throughput to the same s3rver on loopback: Benchtop's presigned multipart path (upload.start,
// part URLs, parallel part PUTs with fetch as the browser and CLI do, complete) against the AWS
// SDK's own multipart upload (@aws-sdk/lib-storage Upload), both with 16 MiB parts, 4 in flight.
// Median MB/s over 5 alternating runs (after one warm-up each); target: ours at least 80% of the SDK's.
//   npx tsx bench/upload-throughput.ts [--mb 256]
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Upload } from "@aws-sdk/lib-storage";
import { startS3rver } from "../tests/support/s3rver";
import { benchDatabase, fmt } from "./support";

const i = process.argv.indexOf("--mb");
const MB = i > 0 ? Number(process.argv[i + 1]) : 256;
const PART = 16 * 1024 * 1024;
const IN_FLIGHT = 4;

process.env.BENCHTOP_SECRET_KEY = "bench-secret-key-bench-secret-key-0123456789";
const database = await benchDatabase("upload-throughput");
const s3 = await startS3rver({ buckets: ["bench-upload"] });
try {
  const { db } = await import("../server/db/client");
  const { createCaller } = await import("../server/api/root");
  const { log } = await import("../server/log");
  const { findUser } = await import("../server/users/users");
  const { createProject } = await import("../server/projects/create-project");
  const { s3Client } = await import("../server/storage/s3-store");

  const director = await db.user.create({ data: { email: `d-${randomUUID()}@bench`, name: "Director", labRole: "director" } });
  const caller = createCaller({ actor: { ...(await findUser(director.id))!, via: "session" } as never, requestId: "bench", log });
  const project = await createProject({ actorId: director.id, name: "Bench", slug: "bench" });
  const store = await caller.datasets.stores.create({ name: "s3", kind: "s3", endpoint: s3.endpoint, forcePathStyle: true, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
  await caller.datasets.create({ projectSlug: project.slug, name: "up", storeId: store.id, bucket: "bench-upload", prefix: "" });
  const ref = { projectSlug: project.slug, dataset: "up" };
  const data = randomBytes(MB * 1024 * 1024);
  const client = s3Client(s3.connection);

  async function ours(key: string) {
    const start = await caller.datasets.upload.start({ ...ref, key, size: data.length });
    const numbers = Array.from({ length: start.partCount }, (_, n) => n + 1);
    const urls = new Map((await caller.datasets.upload.partUrls({ ...ref, key, uploadId: start.uploadId, partNumbers: numbers })).map((u) => [u.partNumber, u.url]));
    const parts: { partNumber: number; etag: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < numbers.length) {
          const n = numbers[next++]!;
          const res = await fetch(urls.get(n)!, { method: "PUT", body: data.subarray((n - 1) * start.partSize, n * start.partSize) as Uint8Array<ArrayBuffer> });
          if (!res.ok) throw new Error(`part ${n}: ${res.status}`);
          parts.push({ partNumber: n, etag: res.headers.get("etag")! });
        }
      }),
    );
    await caller.datasets.upload.complete({ ...ref, key, uploadId: start.uploadId, parts });
  }
  async function sdk(key: string) {
    await new Upload({ client, params: { Bucket: "bench-upload", Key: key, Body: data }, partSize: PART, queueSize: IN_FLIGHT }).done();
  }
  const rates: Record<string, number[]> = { ours: [], sdk: [] };
  for (let run = 0; run < 6; run++) {
    for (const [label, fn] of [["ours", ours], ["sdk", sdk]] as const) {
      const t = performance.now();
      await fn(`${label}-${run}.bin`);
      const seconds = (performance.now() - t) / 1000;
      if (run > 0) rates[label]!.push(MB / seconds); // the first run warms both paths
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const o = median(rates.ours!);
  const s = median(rates.sdk!);
  console.log(`${MB} MiB, 16 MiB parts, ${IN_FLIGHT} in flight, s3rver on loopback`);
  console.log(`Benchtop presigned multipart: ${fmt(o)} MiB/s (runs: ${rates.ours!.map((r) => fmt(r)).join(", ")})`);
  console.log(`AWS SDK lib-storage Upload:   ${fmt(s)} MiB/s (runs: ${rates.sdk!.map((r) => fmt(r)).join(", ")})`);
  console.log(`ours / SDK: ${fmt((o / s) * 100, 0)}% (target >= 80%)`);
  client.destroy();
} finally {
  await s3.stop();
  await database.stop();
}
process.exit(0);
