// `benchtop stores share` as an admin runs it (a real process over real HTTP): after it, the
// other project's dataset over the shared folder is allowed; `benchtop stores shares` lists it.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { realLab } from "../support/real-lab";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";
import { callerFor, storeFolder, tag, tokenFor } from "./support";

describe("benchtop stores", () => {
  const lab = realLab("cli-stores");
  const cli = (token: string, args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["bin/benchtop.mjs", ...args], {
        env: { PATH: process.env.PATH ?? "", HOME: lab.dir, BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token } as unknown as NodeJS.ProcessEnv,
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });

  it("shares a location with a project, lists it, and refuses a researcher", async () => {
    const admin = await createUser({ labRole: "admin" });
    const ana = await createUser();
    const bob = await createUser();
    const vision = await createProjectFor(ana);
    const genomics = await createProjectFor(bob);
    await addMemberAs(bob, genomics, admin, "viewer");
    const storeName = `cli-${tag()}`;
    const store = await (await callerFor(admin)).datasets.stores.create({ name: storeName, kind: "local", localRoot: await storeFolder("cli") });
    await (await callerFor(ana)).datasets.create({ projectSlug: vision.slug, name: "scans", storeId: store.id, bucket: "lab", prefix: "imaging" });
    const create = () => callerFor(bob).then((b) => b.datasets.create({ projectSlug: genomics.slug, name: "scans", storeId: store.id, bucket: "lab", prefix: "imaging/2026" }));
    await expect(create()).rejects.toThrow(/another project/);

    const refused = await cli(await tokenFor(bob), ["stores", "share", storeName, "lab/imaging", "-p", genomics.slug]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Only lab admins and directors");

    const shared = await cli(await tokenFor(admin), ["stores", "share", storeName, "lab/imaging", "-p", genomics.slug]);
    expect(shared.stderr).toBe("");
    expect(shared.stdout).toMatch(new RegExp(`^Shared ${storeName}:lab/imaging/ with ${genomics.slug} \\(`));
    expect((await create()).name).toBe("scans");
    const listed = await cli(await tokenFor(admin), ["stores", "shares", storeName]);
    expect(listed.stdout).toContain(`lab/imaging/`);
    expect(listed.stdout).toContain(genomics.slug);
  });
});
