// External collaborators see a project's datasets by name, never where they live: no store path,
// endpoint, bucket, prefix or whether the store has credentials, through tRPC and REST alike.
import { describe, expect, it } from "vitest";
import { getDashboard } from "../../server/dashboard/get-dashboard";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";
import { callerFor, rest, storeFolder, tag, tokenFor } from "./support";

async function labWithExternal() {
  const helen = await callerFor(await createUser({ labRole: "director" }));
  const ana = await createUser();
  const xena = await createUser({ name: "Xena External", external: true });
  const vic = await createUser({ name: "Vic Viewer" });
  const project = await createProjectFor(ana);
  await addMemberAs(ana, project, xena, "editor");
  await addMemberAs(ana, project, vic, "viewer");
  const root = await storeFolder("externals");
  const local = await helen.datasets.stores.create({ name: `ext-${tag()}`, kind: "local", localRoot: root });
  const secretBucket = `bucket-${tag()}`;
  await (await callerFor(ana)).datasets.create({ projectSlug: project.slug, name: "assays", storeId: local.id, bucket: secretBucket, prefix: "private/path" });
  return { ana, xena, vic, project, root, secretBucket, local };
}

const LOCATION_FIELDS = ["bucket", "prefix", "localRoot", "endpoint", "region", "forcePathStyle", "hasCredentials", "accessKeyIdHint"];

function expectNoLocation(value: unknown, secrets: string[]) {
  const text = JSON.stringify(value);
  for (const s of secrets) expect(text).not.toContain(s);
  for (const f of LOCATION_FIELDS) expect(text).not.toContain(`"${f}"`);
}

describe("externals and store locations", () => {
  it("tRPC gives an external the datasets and stores without any location field", async () => {
    const { xena, vic, project, root, secretBucket } = await labWithExternal();
    const x = await callerFor(xena);
    const list = await x.datasets.list({ projectSlug: project.slug });
    expect(list.map((d) => d.name)).toEqual(["assays"]);
    expectNoLocation(list, [root, secretBucket, "private/path"]);
    expectNoLocation(await x.datasets.get({ projectSlug: project.slug, dataset: "assays" }), [root, secretBucket]);
    const stores = await x.datasets.stores.list();
    expect(stores.length).toBeGreaterThan(0);
    expectNoLocation(stores, [root]);
    // A lab member still sees where the data is.
    const seen = await (await callerFor(vic)).datasets.get({ projectSlug: project.slug, dataset: "assays" });
    expect(seen).toMatchObject({ bucket: secretBucket, prefix: "private/path/" });
  });

  it("REST gives an external the same views", async () => {
    const { xena, project, root, secretBucket } = await labWithExternal();
    const token = await tokenFor(xena);
    const list = await rest(token, "GET", `/projects/${project.slug}/datasets`);
    expect(list.status).toBe(200);
    expect(list.json.datasets[0].name).toBe("assays");
    expectNoLocation(list.json, [root, secretBucket]);
    const one = await rest(token, "GET", `/projects/${project.slug}/datasets/assays`);
    expectNoLocation(one.json, [root, secretBucket]);
    const stores = await rest(token, "GET", "/data-stores");
    expect(stores.status).toBe(200);
    expectNoLocation(stores.json, [root]);
  });

  it("the dashboard's activity feed tells an external that a dataset was made, not where", async () => {
    const { xena, vic, root, secretBucket } = await labWithExternal();
    const feed = await getDashboard({ actorId: xena.id });
    expect(feed.activity.some((a) => a.action === "dataset.created")).toBe(true);
    expectNoLocation(feed.activity, [root, secretBucket, "private/path"]);
    // A lab member's feed still has it.
    expect(JSON.stringify((await getDashboard({ actorId: vic.id })).activity)).toContain(secretBucket);
  });

  it("refuses an external's new dataset: a location is the lab's to give", async () => {
    const { xena, project, local } = await labWithExternal();
    await expect((await callerFor(xena)).datasets.create({ projectSlug: project.slug, name: "mine", storeId: local.id, bucket: "b" })).rejects.toThrow(
      /External collaborators cannot add datasets/,
    );
  });
});
