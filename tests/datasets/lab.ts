// A lab with a local data store, a project and a dataset, reached through the tRPC caller the
// browser uses, and the local store's presigned-URL route served on loopback.
import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createCaller } from "../../server/api/root";
import type { Actor } from "../../server/auth/actor";
import { localStoreForGrant } from "../../server/datasets/open-store";
import { log } from "../../server/log";
import { findUser } from "../../server/users/users";
import { env } from "../../server/env";
import { addMemberAs, createProjectFor, createUser, type TestUser } from "../support/factories";
import { serveLocalRoute } from "../storage/local-http";

export async function callerFor(user: TestUser) {
  const full = await findUser(user.id);
  return createCaller({ actor: { ...full!, via: "session" } as Actor, requestId: "test", log });
}

export type Caller = Awaited<ReturnType<typeof callerFor>>;

export async function startRoute() {
  return serveLocalRoute(localStoreForGrant);
}

/** Where tests may put local stores: the first of BENCHTOP_LOCAL_STORE_ROOTS (tests/support/setup-env.ts). */
export async function storeRoot(): Promise<string> {
  await fs.mkdir(env.localStoreRoots[0]!, { recursive: true });
  return env.localStoreRoots[0]!;
}

export async function datasetLab() {
  const helen = await createUser({ name: "Helen Director", labRole: "director" });
  const ana = await createUser({ name: "Ana Owner" });
  const ben = await createUser({ name: "Ben Editor" });
  const vic = await createUser({ name: "Vic Viewer" });
  const eve = await createUser({ name: "Eve Outsider" });
  const project = await createProjectFor(ana);
  await addMemberAs(ana, project, ben, "editor");
  await addMemberAs(ana, project, vic, "viewer");
  const root = await fs.mkdtemp(path.join(await storeRoot(), "bt-datasets-"));
  const callers = { helen: await callerFor(helen), ana: await callerFor(ana), ben: await callerFor(ben), vic: await callerFor(vic), eve: await callerFor(eve) };
  const store = await callers.helen.datasets.stores.create({ name: `local-${randomUUID().slice(0, 8)}`, kind: "local", localRoot: root });
  const dataset = await callers.ana.datasets.create({ projectSlug: project.slug, name: "assays", storeId: store.id, bucket: "lab-bucket", prefix: "stability" });
  return { ...callers, users: { helen, ana, ben, vic, eve }, project, projectSlug: project.slug, store, dataset, root, ref: { projectSlug: project.slug, dataset: "assays" } };
}

/** Uploads bytes the way the browser does: start, part URLs, PUT each part, complete. */
export async function uploadThroughApi(caller: Caller, base: string, ref: { projectSlug: string; dataset: string }, key: string, bytes: Buffer) {
  const start = await caller.datasets.upload.start({ ...ref, key, size: bytes.length, contentType: "application/octet-stream" });
  const urls = await caller.datasets.upload.partUrls({ ...ref, key, uploadId: start.uploadId, partNumbers: Array.from({ length: start.partCount }, (_, i) => i + 1) });
  const parts = [];
  for (const { partNumber, url } of urls) {
    const res = await fetch(new URL(url, base), { method: "PUT", body: new Uint8Array(bytes.subarray((partNumber - 1) * start.partSize, partNumber * start.partSize)) });
    if (res.status !== 200) throw new Error(`part ${partNumber}: ${res.status} ${await res.text()}`);
    parts.push({ partNumber, etag: res.headers.get("etag")! });
  }
  return caller.datasets.upload.complete({ ...ref, key, uploadId: start.uploadId, parts });
}
