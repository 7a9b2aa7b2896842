// The demo lab and demo sign-in. These share the seeded people, so they run in order here.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authorizeDemoSignIn } from "../server/auth/demo-sign-in";
import { db } from "../server/db/client";
import { getProject, listProjects } from "../server/projects/list-projects";
import { ensureDemoToken, seedDemoLab } from "../server/seed/demo-lab";
import { DEMO_PEOPLE, DEMO_TOKEN_OWNER } from "../server/seed/demo-people";
import { authenticateApiToken, revokeApiToken } from "../server/tokens/api-tokens";
import { createUser } from "./support/factories";

describe.sequential("demo lab", () => {
  it("seeds a director, two researchers, an external collaborator and two projects, once", async () => {
    await seedDemoLab();
    expect(await seedDemoLab()).toBe(false);
    const people = await db.user.findMany({ where: { email: { in: DEMO_PEOPLE.map((p) => p.email) } } });
    expect(people.map((p) => p.labRole).sort()).toEqual(["director", "researcher", "researcher", "researcher"]);
    expect(people.filter((p) => p.external)).toHaveLength(1);
    const ana = people.find((p) => p.email === DEMO_TOKEN_OWNER)!;
    const demo = await getProject({ actorId: ana.id, projectSlug: "demo" });
    expect(demo.role).toBe("owner");
    expect(demo.memberCount).toBe(4);
    expect((await listProjects({ actorId: ana.id })).map((p) => p.slug).sort()).toEqual(["demo", "vision-baselines"]);
    const files = await db.file.findMany({ where: { project: { slug: "demo" } }, select: { path: true, content: true } });
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["analysis.ipynb", "train.py", "README.md"]));
    const notebook = JSON.parse(Buffer.from(files.find((f) => f.path === "analysis.ipynb")!.content).toString("utf8"));
    expect(notebook.nbformat).toBe(4);
  });

  it("writes a working token for the demo researcher, and keeps it across starts", async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-demo-")), "demo-token");
    const token = await ensureDemoToken(file);
    expect((await fs.readFile(file, "utf8")).trim()).toBe(token);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await authenticateApiToken(token))?.email).toBe(DEMO_TOKEN_OWNER);
    expect(await ensureDemoToken(file)).toBe(token);
    // Revoked by someone in the UI: the next start makes a new one.
    const row = await db.apiToken.findFirstOrThrow({ where: { user: { email: DEMO_TOKEN_OWNER }, revokedAt: null }, orderBy: { createdAt: "desc" } });
    await revokeApiToken({ actorId: row.userId, tokenId: row.id });
    const fresh = await ensureDemoToken(file);
    expect(fresh).not.toBe(token);
    expect((await authenticateApiToken(fresh))?.email).toBe(DEMO_TOKEN_OWNER);
  });

  it("demo sign-in works in demo mode, for seeded people only, and never in production", async () => {
    const ana = await db.user.findUniqueOrThrow({ where: { email: DEMO_TOKEN_OWNER } });
    expect((await authorizeDemoSignIn(ana.id, "demo"))?.email).toBe(DEMO_TOKEN_OWNER);
    expect(await authorizeDemoSignIn(ana.id, "production")).toBeNull();
    expect(await authorizeDemoSignIn(ana.id, "development")).toBeNull();
    const someone = await createUser();
    expect(await authorizeDemoSignIn(someone.id, "demo")).toBeNull();
    expect(await authorizeDemoSignIn(undefined, "demo")).toBeNull();
  });
});
