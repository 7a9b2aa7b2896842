// Local stores may only be rooted under BENCHTOP_LOCAL_STORE_ROOTS, never at /, at BENCHTOP_HOME,
// around it, or inside it (other than its datasets folder), symlinks resolved first.
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { env } from "../../server/env";
import { parseEnv } from "../../server/env-schema";
import { createProjectFor, createUser } from "../support/factories";
import { callerFor, storeFolder, tag } from "./support";

const message = (p: Promise<unknown>) => p.then(() => "allowed", (e: Error) => e.message);

describe("local store roots", () => {
  it("refuses a local store at /, at BENCHTOP_HOME, around or inside it, or outside the allowed roots", async () => {
    const helen = await callerFor(await createUser({ labRole: "admin" }));
    const local = (localRoot: string) => message(helen.datasets.stores.create({ name: `r-${tag()}`, kind: "local", localRoot }));
    expect(await local("/")).toMatch(/^The folder \/ cannot be a local store: it is the whole file system\.$/);
    expect(await local(env.home)).toMatch(/cannot be a local store: it is BENCHTOP_HOME/);
    expect(await local(path.dirname(env.home))).toMatch(/cannot be a local store: it holds BENCHTOP_HOME/);
    expect(await local(path.join(env.home, "storage"))).toMatch(/cannot be a local store: it is inside BENCHTOP_HOME/);
    expect(await local("/etc")).toMatch(/^The folder \/etc is not under BENCHTOP_LOCAL_STORE_ROOTS \(.*\): to use it, list it \(or a folder above it\) there and restart Benchtop\.$/);
    // A symlink inside an allowed root that points outside it is judged by where it points.
    const inside = await storeFolder("links");
    await fs.symlink("/etc", path.join(inside, "etc-link"));
    expect(await local(path.join(inside, "etc-link"))).toMatch(/etc-link \(really \/etc\) is not under BENCHTOP_LOCAL_STORE_ROOTS/);
    // A path with .. is resolved before it is judged.
    expect(await local(path.join(inside, "..", "..", "..", "etc"))).toMatch(/is not under BENCHTOP_LOCAL_STORE_ROOTS/);
    expect(await local(path.join(inside, "datasets"))).toBe("allowed");
  });

  it("refuses to open an existing store outside the roots, telling the admin what to set", async () => {
    const admin = await createUser({ labRole: "admin" });
    const project = await createProjectFor(admin);
    // A store saved before the rule (or since the roots changed): written straight to the table.
    const store = await db.dataStore.create({ data: { name: `old-${tag()}`, kind: "local", localRoot: "/opt/old-data" }, select: { id: true } });
    await db.dataset.create({ data: { projectId: project.id, name: "legacy", storeId: store.id, bucket: "b" } });
    const caller = await callerFor(admin);
    expect(await message(caller.datasets.browse({ projectSlug: project.slug, dataset: "legacy" }))).toMatch(
      /The local data store "old-.*" is outside BENCHTOP_LOCAL_STORE_ROOTS; a lab admin can add its folder to BENCHTOP_LOCAL_STORE_ROOTS and restart Benchtop, or move the store\./,
    );
  });

  it("checks BENCHTOP_LOCAL_STORE_ROOTS at start", () => {
    const base = { BENCHTOP_MODE: "development", BENCHTOP_HOME: "/srv/benchtop" };
    expect(parseEnv(base).localStoreRoots).toEqual(["/srv/benchtop/datasets"]);
    expect(parseEnv({ ...base, BENCHTOP_LOCAL_STORE_ROOTS: "/data/a:/data/b,/mnt/c" }).localStoreRoots).toEqual(["/data/a", "/data/b", "/mnt/c"]);
    expect(parseEnv({ ...base, BENCHTOP_LOCAL_STORE_ROOTS: "/srv/benchtop/datasets/lab" }).localStoreRoots).toEqual(["/srv/benchtop/datasets/lab"]);
    const refused = (roots: string) => {
      try {
        parseEnv({ ...base, BENCHTOP_LOCAL_STORE_ROOTS: roots });
        return "accepted";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(refused("/")).toMatch(/^Environment variable BENCHTOP_LOCAL_STORE_ROOTS cannot list \/: it is the whole file system\.$/);
    expect(refused("/data:relative/dir")).toMatch(/BENCHTOP_LOCAL_STORE_ROOTS must list absolute paths, not "relative\/dir"/);
    expect(refused("/srv/benchtop")).toMatch(/cannot list \/srv\/benchtop: it is BENCHTOP_HOME/);
    expect(refused("/srv")).toMatch(/cannot list \/srv: it holds BENCHTOP_HOME/);
    expect(refused("/srv/benchtop/storage")).toMatch(/cannot list \/srv\/benchtop\/storage: it is inside BENCHTOP_HOME/);
  });
});
