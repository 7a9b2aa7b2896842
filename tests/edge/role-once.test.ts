// The role is checked once: projectProcedure(role) loads and checks the membership, and the files'
// domain functions trust the access it hands them instead of looking it up again. A call without
// it (a script, a test) is still checked, by the one lookup in the domain.
import { beforeEach, describe, expect, it, vi } from "vitest";

const lookups = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../server/projects/access", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../server/projects/access")>();
  return {
    ...original,
    requireProjectRole: async (args: Parameters<typeof original.requireProjectRole>[0]) => {
      lookups.count++;
      return original.requireProjectRole(args);
    },
  };
});

const { createCaller } = await import("../../server/api/root");
const { findUser } = await import("../../server/users/users");
const { log } = await import("../../server/log");
const { readFile } = await import("../../server/files/read-file");
const { setProjectArchived } = await import("../../server/projects/update-project");
const { createApiToken } = await import("../../server/tokens/api-tokens");
const { addMemberAs, createProjectFor, createUser } = await import("../support/factories");
const { rest } = await import("./http");
type Actor = import("../../server/auth/actor").Actor;

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
