// A project with a dataset on a real store (a local folder, or s3rver), made through the real
// domain functions, and a real `benchtop agent` process for it, for the datasets-in-jobs tests.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "../../server/db/client";
import { createDataset } from "../../server/datasets/datasets";
import { unsafeOpenDatasetById } from "../../server/datasets/open-store";
import { createStore } from "../../server/datasets/stores";
import { createAgent } from "../../server/queue/agents";
import { getJob, readLogLines } from "../../server/queue/read-jobs";
import type { S3Connection } from "../../server/storage/s3-store";
import { storeRoot } from "../datasets/lab";
import { createProjectFor, createUser } from "../support/factories";
import type { RealLab } from "../support/real-lab";

export const tag = () => randomUUID().slice(0, 6);

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

/** A real agent process; `output()` is what it printed (its progress lines). */
/** A real `benchtop agent` on the lab's API, killed (and waited for) when the lab's file ends. */
export async function startAgent(lab: RealLab, pool: string, gpuType: string, extra: string[] = []) {
  const { url, dir } = lab;
  const name = `agent-${tag()}`;
  const { token } = await createAgent({ actorId: null, name, pool });
  const child = spawn(
    process.execPath,
    ["bin/benchtop.mjs", "agent", "--server", url, "--simulate-gpus", "2", "--gpu-type", gpuType, "--work-dir", path.join(dir, name), ...extra],
    { env: { PATH: process.env.PATH ?? "", HOME: dir, BENCHTOP_AGENT_TOKEN: token } as unknown as NodeJS.ProcessEnv },
  );
  lab.track(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (!(await db.agent.findFirst({ where: { name, registeredAt: { not: null } }, select: { id: true } }))) {
    if (Date.now() > deadline) throw new Error(`the agent did not register:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, name, token, workDir: path.join(dir, name), output: () => output };
}

export async function waitForEnd(actorId: string, jobId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob({ actorId, jobId });
    if (["succeeded", "failed", "cancelled", "timed_out"].includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job.state}: ${job.stateReason}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function logOf(actorId: string, jobId: string): Promise<string> {
  return (await readLogLines({ actorId, jobId, from: 0, limit: 100_000 })).lines.map((l) => l.text).join("\n");
}
