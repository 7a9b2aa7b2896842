// The demo's data: a local data store "local" under BENCHTOP_HOME/datasets and, in project
// "demo", the dataset "stability-assays" with a few files of each previewable kind (CSV with
// quoted fields, TSV, Parquet, JSON, JSONL, PNG, .npy). Idempotent: runs on every demo start
// and adds only what is missing, so a demo seeded before datasets existed gets them too.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { db } from "../../db/client";
import { env } from "../../env";

const FILES = fileURLToPath(new URL("./files", import.meta.url));
export const DEMO_STORE = "local";
export const DEMO_DATASET = "stability-assays";

export async function seedDemoDatasets(): Promise<boolean> {
  const project = await db.project.findUnique({ where: { slug: "demo" }, select: { id: true, members: { where: { role: "owner" }, select: { userId: true }, take: 1 } } });
  if (!project) return false;
  const localRoot = path.join(env.home, "datasets");
  const store =
    (await db.dataStore.findUnique({ where: { name: DEMO_STORE }, select: { id: true, localRoot: true } })) ??
    (await db.dataStore.create({ data: { name: DEMO_STORE, kind: "local", localRoot }, select: { id: true, localRoot: true } }));
  if (await db.dataset.findUnique({ where: { projectId_name: { projectId: project.id, name: DEMO_DATASET } }, select: { id: true } })) return false;
  const bucket = path.join(store.localRoot ?? localRoot, "demo");
  await fs.mkdir(bucket, { recursive: true });
  await fs.cp(FILES, bucket, { recursive: true, force: false });
  await db.dataset.create({
    data: {
      projectId: project.id,
      name: DEMO_DATASET,
      description: "Melting temperatures of protein variants (DSF, CD, nanoDSF), embeddings and melting curves.",
      storeId: store.id,
      bucket: "demo",
      prefix: "",
      createdById: project.members[0]?.userId ?? null,
    },
  });
  return true;
}
