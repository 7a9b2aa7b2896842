// A dataset's location (store + bucket + prefix) belongs to one project: another project's
// dataset over the same folder, a parent or a child of it is refused in a sentence that names the
// owning project only to those who may know it, until a lab admin shares the location.
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";
import { callerFor, rest, storeFolder, tag, tokenFor } from "./support";

async function twoProjects() {
  const helen = await createUser({ name: "Helen Director", labRole: "director" });
  const ana = await createUser({ name: "Ana Vision" });
  const bob = await createUser({ name: "Bob Genomics" });
  const carl = await createUser({ name: "Carl Both" });
  const vision = await createProjectFor(ana, { name: `Vision ${tag()}` });
  const genomics = await createProjectFor(bob, { name: `Genomics ${tag()}` });
  await addMemberAs(ana, vision, carl, "editor");
  await addMemberAs(bob, genomics, carl, "editor");
  await addMemberAs(bob, genomics, helen, "editor");
  const root = await storeFolder("locations");
  const callers = { helen: await callerFor(helen), ana: await callerFor(ana), bob: await callerFor(bob), carl: await callerFor(carl) };
  const store = await callers.helen.datasets.stores.create({ name: `loc-${tag()}`, kind: "local", localRoot: root });
  await callers.ana.datasets.create({ projectSlug: vision.slug, name: "scans", storeId: store.id, bucket: "lab", prefix: "imaging/2026" });
  const inGenomics = (who: keyof typeof callers, name: string, prefix: string, bucket = "lab") =>
    callers[who].datasets.create({ projectSlug: genomics.slug, name, storeId: store.id, bucket, prefix });
  return { ...callers, users: { helen, ana, bob, carl }, vision, genomics, store, root, inGenomics };
}

const message = (p: Promise<unknown>) => p.then(() => "allowed", (e: Error) => e.message);

describe("a dataset's location belongs to one project", () => {
  it("refuses another project's same, parent and child folder, saying only 'another project' to an outsider", async () => {
    const { inGenomics, vision } = await twoProjects();
    for (const prefix of ["imaging/2026", "imaging/2026/", "imaging", "", "imaging/2026/scans/raw"]) {
      const refused = await message(inGenomics("bob", `d-${tag()}`, prefix));
      expect(refused, `prefix "${prefix}"`).toMatch(/overlaps a dataset of another project.*A lab admin can share it with this project/);
      expect(refused).not.toContain(vision.name);
      expect(refused).not.toContain("scans");
    }
    // Prefixes are folders: "imaging/20" and "imaging/2026x" are other folders, and another bucket is elsewhere.
    expect(await message(inGenomics("bob", "near", "imaging/20"))).toBe("allowed");
    expect(await message(inGenomics("bob", "sibling", "imaging/2026x"))).toBe("allowed");
    expect(await message(inGenomics("bob", "other-bucket", "imaging/2026", "lab2"))).toBe("allowed");
  });

  it("names the owning project to its members and to lab directors", async () => {
    const { inGenomics, vision } = await twoProjects();
    expect(await message(inGenomics("carl", "mine-too", "imaging/2026"))).toMatch(new RegExp(`overlaps dataset "scans" of project "${vision.name}"`));
    expect(await message(inGenomics("helen", "director", "imaging"))).toMatch(new RegExp(`dataset "scans" of project "${vision.name}"`));
  });

  it("lets one project have two datasets over one location", async () => {
    const { ana, vision, store } = await twoProjects();
    const again = await ana.datasets.create({ projectSlug: vision.slug, name: "scans-raw", storeId: store.id, bucket: "lab", prefix: "imaging/2026/raw" });
    expect(again.name).toBe("scans-raw");
  });

  it("sees through two local stores on one folder", async () => {
    const { helen, bob, genomics, root } = await twoProjects();
    const inner = await helen.datasets.stores.create({ name: `inner-${tag()}`, kind: "local", localRoot: path.join(root, "lab") });
    expect(await message(bob.datasets.create({ projectSlug: genomics.slug, name: "alias", storeId: inner.id, bucket: "imaging", prefix: "2026/x" }))).toMatch(/another project/);
    // A symlink to the folder is the same folder.
    await fs.symlink(path.join(root, "lab", "imaging"), path.join(root, "lab", "link"));
    expect(await message(bob.datasets.create({ projectSlug: genomics.slug, name: "linked", storeId: inner.id, bucket: "link", prefix: "" }))).toMatch(/another project/);
  });

  it("allows it once a lab admin shares the location with the project; the share is audited and listed", async () => {
    const { helen, bob, ana, inGenomics, store, genomics, vision, users } = await twoProjects();
    await expect(bob.datasets.stores.shares.create({ storeId: store.id, bucket: "lab", prefix: "imaging/2026", projectSlug: genomics.slug })).rejects.toThrow(/Only lab admins and directors/);
    const share = await helen.datasets.stores.shares.create({ storeId: store.id, bucket: "lab", prefix: "imaging/2026", projectSlug: genomics.slug });
    expect(share).toMatchObject({ bucket: "lab", prefix: "imaging/2026/", project: { slug: genomics.slug }, grantedBy: { name: "Helen Director" } });
    expect(await message(inGenomics("bob", "shared", "imaging/2026"))).toBe("allowed");
    expect(await message(inGenomics("bob", "shared-child", "imaging/2026/scans"))).toBe("allowed");
    // The share covers that folder, not its parent.
    expect(await message(inGenomics("bob", "parent", "imaging"))).toMatch(/another project/);
    // The host project is not blocked by the guest's datasets inside its own location.
    expect(await message(ana.datasets.create({ projectSlug: vision.slug, name: "host-again", storeId: store.id, bucket: "lab", prefix: "imaging/2026/scans" }))).toBe("allowed");
    const audit = await db.auditEvent.findFirst({ where: { action: "datastore.location_shared", projectId: genomics.id }, select: { actorId: true, target: true } });
    expect(audit).toMatchObject({ actorId: users.helen.id });
    expect((await helen.datasets.stores.shares.list({ storeId: store.id })).map((s) => s.id)).toEqual([share.id]);
    // Revoking is refused while the project's datasets rely on it.
    expect(await message(helen.datasets.stores.shares.revoke({ id: share.id }))).toMatch(/"shared".*"shared-child"|"shared-child".*"shared"/);
  });

  it("shares through REST, for admins only", async () => {
    const { users, store, genomics, inGenomics } = await twoProjects();
    const bobToken = await tokenFor(users.bob);
    const helenToken = await tokenFor(users.helen);
    expect((await rest(bobToken, "POST", `/data-stores/${store.id}/shares`, { bucket: "lab", prefix: "imaging/", project: genomics.slug })).status).toBe(403);
    const created = await rest(helenToken, "POST", `/data-stores/${store.id}/shares`, { bucket: "lab", prefix: "imaging/", project: genomics.slug });
    expect(created.status).toBe(201);
    expect(await message(inGenomics("bob", "via-rest", "imaging/2026"))).toBe("allowed");
    const listed = await rest(helenToken, "GET", `/data-stores/${store.id}/shares`);
    expect(listed.json.shares).toHaveLength(1);
    expect((await rest(helenToken, "DELETE", `/data-stores/${store.id}/shares/${created.json.id}`)).status).toBe(409);
  });
});
