// The role is checked once: projectProcedure(role) loads and checks the membership, and the files'
// domain functions trust the access it hands them instead of looking it up again. A call without
// it (a script, a test) is still checked, by the one lookup in the domain.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createCaller } from "../../server/api/root";
import type { Actor } from "../../server/auth/actor";
import { db } from "../../server/db/client";
import { readFile } from "../../server/files/read-file";
import { log } from "../../server/log";
import { addMember, removeMember } from "../../server/projects/members";
import { setProjectArchived } from "../../server/projects/update-project";
import { createApiToken } from "../../server/tokens/api-tokens";
import { findUser } from "../../server/users/users";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";
import { rest } from "./http";

// The membership check is the one query that loads a member with the caller's lab standing
// (server/projects/access.ts: requireProjectRole); count those.
const lookups = { count: 0 };
const findFirst = db.member.findFirst.bind(db.member);
vi.spyOn(db.member, "findFirst").mockImplementation(((args: { select?: { user?: { select?: { labRole?: boolean } } } }) => {
  if (args?.select?.user?.select?.labRole) lookups.count++;
  return findFirst(args as never);
}) as never);

async function callerFor(id: string) {
  const full = await findUser(id);
  return createCaller({ actor: { ...full!, via: "session" } as Actor, requestId: "role-once", log });
}

beforeEach(() => {
  lookups.count = 0;
});

describe("the role is checked once", () => {
  it("a tRPC read, a tRPC save and a REST read each look the membership up once", async () => {
    const ana = await createUser({ name: "Ana Once" });
    const project = await createProjectFor(ana);
    const caller = await callerFor(ana.id);
    const { token } = await createApiToken({ actorId: ana.id, name: "once" });

    lookups.count = 0;
    await caller.files.save({ projectSlug: project.slug, path: "a.py", baseVersion: null, content: "print(1)" });
    expect(lookups.count).toBe(1);
    lookups.count = 0;
    expect((await caller.files.read({ projectSlug: project.slug, path: "a.py" })).content).toBe("print(1)");
    expect(lookups.count).toBe(1);
    lookups.count = 0;
    await caller.files.tree({ projectSlug: project.slug });
    expect(lookups.count).toBe(1);
    lookups.count = 0;
    const viaRest = await rest("GET", `/projects/${project.slug}/files/text?path=a.py`, { token });
    expect(viaRest.json.content).toBe("print(1)");
    expect(lookups.count).toBe(1);
    lookups.count = 0;
    expect((await rest("GET", `/projects/${project.slug}/files/content?path=a.py`, { token })).text).toBe("print(1)");
    expect(lookups.count).toBe(1);
  });

  it("the one check still refuses: a viewer's save, a stranger's read, a write into an archived project; a call without access checks for itself", async () => {
    const ana = await createUser({ name: "Ana Owner Once" });
    const vic = await createUser({ name: "Vic Viewer Once" });
    const eve = await createUser({ name: "Eve Stranger Once" });
    const project = await createProjectFor(ana);
    await addMemberAs(ana, project, vic, "viewer");
    await (await callerFor(ana.id)).files.save({ projectSlug: project.slug, path: "a.py", baseVersion: null, content: "x" });
    await expect((await callerFor(vic.id)).files.save({ projectSlug: project.slug, path: "b.py", baseVersion: null, content: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(eve.id)).files.read({ projectSlug: project.slug, path: "a.py" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setProjectArchived({ actorId: ana.id, projectSlug: project.slug, archived: true });
    await expect((await callerFor(ana.id)).files.save({ projectSlug: project.slug, path: "c.py", baseVersion: null, content: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    lookups.count = 0;
    await expect(readFile({ actorId: eve.id, projectSlug: project.slug, path: "a.py" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(lookups.count).toBe(1);
  });
});

describe("the role is checked once for projects and members", () => {
  it("each projectProcedure call looks the membership up once, and its rules still hold", async () => {
    const ana = await createUser({ name: "Ana Members Once" });
    const vic = await createUser({ name: "Vic Members Once" });
    const project = await createProjectFor(ana);
    const owner = await callerFor(ana.id);
    lookups.count = 0;
    await owner.projects.addMember({ projectSlug: project.slug, email: vic.email, role: "viewer" });
    expect(lookups.count).toBe(1);
    lookups.count = 0;
    expect((await owner.projects.members({ projectSlug: project.slug })).length).toBe(2);
    expect(lookups.count).toBe(1);
    lookups.count = 0;
    await owner.projects.rename({ projectSlug: project.slug, name: "Renamed once" });
    expect(lookups.count).toBe(1);
    // A viewer passes the viewer rung of removeMember, and may remove only themselves.
    const viewer = await callerFor(vic.id);
    await expect(viewer.projects.removeMember({ projectSlug: project.slug, userId: ana.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    lookups.count = 0;
    await viewer.projects.removeMember({ projectSlug: project.slug, userId: vic.id });
    expect(lookups.count).toBe(1);
    // Called without access (a script), the domain checks for itself.
    await addMember({ actorId: ana.id, projectSlug: project.slug, email: vic.email, role: "viewer" });
    await expect(removeMember({ actorId: vic.id, projectSlug: project.slug, userId: ana.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the role is checked once for datasets", () => {
  it("a dataset procedure looks the membership up once, through tRPC and REST, and a stranger is still refused", async () => {
    const ana = await createUser({ name: "Ana Datasets Once" });
    const eve = await createUser({ name: "Eve Datasets Once" });
    const project = await createProjectFor(ana);
    const { token } = await createApiToken({ actorId: ana.id, name: "once" });
    lookups.count = 0;
    expect(await (await callerFor(ana.id)).datasets.list({ projectSlug: project.slug })).toEqual([]);
    expect(lookups.count).toBe(1);
    lookups.count = 0;
    expect((await rest("GET", `/projects/${project.slug}/datasets`, { token })).json).toEqual({ datasets: [] });
    expect(lookups.count).toBe(1);
    await expect((await callerFor(eve.id)).datasets.list({ projectSlug: project.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(ana.id)).datasets.browse({ projectSlug: project.slug, dataset: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
