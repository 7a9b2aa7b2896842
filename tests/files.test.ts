// The editor's files: versions, conflicts, history and restore, through the tRPC caller the
// browser uses (so the router, the procedure ladder and the error formatting are in the path).
import { describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import type { Actor } from "../server/auth/actor";
import { db } from "../server/db/client";
import { log } from "../server/log";
import { findUser } from "../server/users/users";
import { addMemberAs, createProjectFor, createUser, type TestUser } from "./support/factories";

async function callerFor(user: TestUser) {
  const full = await findUser(user.id);
  return createCaller({ actor: { ...full!, via: "session" } as Actor, requestId: "test", log });
}

async function lab() {
  const ana = await createUser({ name: "Ana Souza" });
  const ben = await createUser({ name: "Ben Okafor" });
  const vic = await createUser({ name: "Vic Viewer" });
  const project = await createProjectFor(ana);
  await addMemberAs(ana, project, ben, "editor");
  await addMemberAs(ana, project, vic, "viewer");
  return { project, projectSlug: project.slug, ana: await callerFor(ana), ben: await callerFor(ben), vic: await callerFor(vic) };
}

describe("saving with versions", () => {
  it("creates at version 1, saves 2 from 1, and keeps every version in history", async () => {
    const { projectSlug, ana } = await lab();
    const created = await ana.files.save({ projectSlug, path: "src/train.py", baseVersion: null, content: "print(1)\n" });
    expect(created.version).toBe(1);
    const saved = await ana.files.save({ projectSlug, path: "src/train.py", baseVersion: 1, content: "print(2)\n" });
    expect(saved.version).toBe(2);
    const read = await ana.files.read({ projectSlug, path: "src/train.py" });
    expect(read).toMatchObject({ version: 2, isText: true, content: "print(2)\n", sizeBytes: 9 });
    const history = await ana.files.history({ projectSlug, path: "src/train.py" });
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0]!.createdBy?.name).toBe("Ana Souza");
    expect((await ana.files.version({ projectSlug, path: "src/train.py", version: 1 })).content).toBe("print(1)\n");
  });

  it("refuses a save over a newer version, naming who saved which version, and loses nothing", async () => {
    const { projectSlug, ana, ben } = await lab();
    await ana.files.save({ projectSlug, path: "train.py", baseVersion: null, content: "a\n" });
    await ben.files.save({ projectSlug, path: "train.py", baseVersion: 1, content: "ben's\n" });
    const refused = await ana.files.save({ projectSlug, path: "train.py", baseVersion: 1, content: "ana's\n" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "CONFLICT" });
    const message = (refused as Error).message;
    expect(message).toContain("Ben Okafor saved version 2");
    expect(message).toContain("after version 1 that you edited");
    expect((refused as { cause: { fields: Record<string, string[]> } }).cause.fields.version).toEqual(["2"]);
    expect((await ana.files.read({ projectSlug, path: "train.py" })).content).toBe("ben's\n");
    // Keeping hers knowingly: a save from the version she now has seen.
    expect((await ana.files.save({ projectSlug, path: "train.py", baseVersion: 2, content: "ana's\n" })).version).toBe(3);
  });

  it("of two saves from the same version at once, exactly one wins", async () => {
    const { projectSlug, ana, ben } = await lab();
    await ana.files.save({ projectSlug, path: "race.py", baseVersion: null, content: "0" });
    const results = await Promise.allSettled([
      ana.files.save({ projectSlug, path: "race.py", baseVersion: 1, content: "ana" }),
      ben.files.save({ projectSlug, path: "race.py", baseVersion: 1, content: "ben" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && (r.reason as { code: string }).code === "CONFLICT")).toHaveLength(1);
    expect((await ana.files.history({ projectSlug, path: "race.py" })).map((h) => h.version)).toEqual([2, 1]);
  });

  it("refuses to create over an existing file", async () => {
    const { projectSlug, ana } = await lab();
    await ana.files.save({ projectSlug, path: "a.py", baseVersion: null, content: "1" });
    await expect(ana.files.save({ projectSlug, path: "a.py", baseVersion: null, content: "2" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'A file named "a.py" already exists; nothing was overwritten.',
    });
  });

  it("counts a file saved before versions existed as version 1, written on first save", async () => {
    const { project, projectSlug, ana } = await lab();
    await db.file.create({ data: { projectId: project.id, path: "old.py", content: Buffer.from("old\n"), sizeBytes: 4 } });
    await ana.files.save({ projectSlug, path: "old.py", baseVersion: 1, content: "new\n" });
    const history = await ana.files.history({ projectSlug, path: "old.py" });
    expect(history.map((h) => [h.version, h.sizeBytes])).toEqual([[2, 4], [1, 4]]);
    expect((await ana.files.version({ projectSlug, path: "old.py", version: 1 })).content).toBe("old\n");
  });

  it("restores an old version as a new one", async () => {
    const { projectSlug, ana } = await lab();
    await ana.files.save({ projectSlug, path: "r.md", baseVersion: null, content: "first" });
    await ana.files.save({ projectSlug, path: "r.md", baseVersion: 1, content: "second" });
    const restored = await ana.files.restore({ projectSlug, path: "r.md", version: 1, baseVersion: 2 });
    expect(restored.version).toBe(3);
    expect((await ana.files.read({ projectSlug, path: "r.md" })).content).toBe("first");
    await expect(ana.files.restore({ projectSlug, path: "r.md", version: 1, baseVersion: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets viewers read and not write", async () => {
    const { projectSlug, ana, vic } = await lab();
    await ana.files.save({ projectSlug, path: "x.py", baseVersion: null, content: "x" });
    expect((await vic.files.read({ projectSlug, path: "x.py" })).content).toBe("x");
    await expect(vic.files.save({ projectSlug, path: "x.py", baseVersion: 1, content: "y" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(vic.files.delete({ projectSlug, path: "x.py" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("paths", () => {
  it.each([
    ["../etc/passwd", 'goes up a folder with ".."'],
    ["a/../../b", 'goes up a folder with ".."'],
    ["/etc/passwd", "is absolute"],
    ["a//b.py", "has an empty part"],
    ["a\nb.py", "contains a control character"],
    ["   ", "is empty"],
    ["./a/./b", 'has a "." part'],
  ])("refuses %j with a sentence", async (path, why) => {
    const { projectSlug, ana } = await lab();
    const e = await ana.files.save({ projectSlug, path, baseVersion: null, content: "x" }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: "BAD_REQUEST" });
    expect((e as Error).message).toContain(why);
  });

  it("normalises a leading ./ and Windows separators", async () => {
    const { projectSlug, ana } = await lab();
    expect((await ana.files.save({ projectSlug, path: "./src\\model.py", baseVersion: null, content: "m" })).path).toBe("src/model.py");
  });
});

describe("folders", () => {
  it("lists explicit and implied folders; a file and a folder cannot share a path", async () => {
    const { projectSlug, ana } = await lab();
    await ana.files.save({ projectSlug, path: "src/models/net.py", baseVersion: null, content: "n" });
    await ana.files.createFolder({ projectSlug, path: "data/raw" });
    const tree = await ana.files.tree({ projectSlug });
    expect(tree.folders).toEqual(["data", "data/raw", "src", "src/models"]);
    expect(tree.files).toMatchObject([{ path: "src/models/net.py", version: 1, isText: true }]);
    await expect(ana.files.save({ projectSlug, path: "src", baseVersion: null, content: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(ana.files.save({ projectSlug, path: "src/models/net.py/x", baseVersion: null, content: "x" })).rejects.toMatchObject({
      message: '"src/models/net.py" is a file, so "src/models/net.py/x" cannot be created inside it.',
    });
    await expect(ana.files.createFolder({ projectSlug, path: "data" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("moves a folder with everything in it, never onto something, never into itself; history keeps old paths", async () => {
    const { projectSlug, ana } = await lab();
    await ana.files.save({ projectSlug, path: "my_src/a.py", baseVersion: null, content: "a" });
    await ana.files.save({ projectSlug, path: "my_src/deep/b.py", baseVersion: null, content: "b" });
    await ana.files.save({ projectSlug, path: "myXsrc/c.py", baseVersion: null, content: "c" }); // "_" is not a wildcard
    await ana.files.createFolder({ projectSlug, path: "my_src/empty" });
    await ana.files.save({ projectSlug, path: "taken.py", baseVersion: null, content: "t" });
    await expect(ana.files.move({ projectSlug, from: "my_src", to: "my_src/deep/x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(ana.files.move({ projectSlug, from: "my_src/a.py", to: "taken.py" })).rejects.toMatchObject({ code: "CONFLICT" });
    const moved = await ana.files.move({ projectSlug, from: "my_src", to: "lib/src" });
    expect(moved).toMatchObject({ kind: "folder", files: 2 });
    const tree = await ana.files.tree({ projectSlug });
    expect(tree.files.map((f) => f.path)).toEqual(["lib/src/a.py", "lib/src/deep/b.py", "myXsrc/c.py", "taken.py"]);
    expect(tree.folders).toContain("lib/src/empty");
    expect(tree.folders).not.toContain("my_src");
    const history = await ana.files.history({ projectSlug, path: "lib/src/a.py" });
    expect(history[0]!.path).toBe("my_src/a.py");
  });

  it("deletes a folder and only what is in it", async () => {
    const { projectSlug, ana } = await lab();
    await ana.files.save({ projectSlug, path: "out_1/a.txt", baseVersion: null, content: "a" });
    await ana.files.save({ projectSlug, path: "outX1/b.txt", baseVersion: null, content: "b" });
    expect(await ana.files.delete({ projectSlug, path: "out_1" })).toMatchObject({ kind: "folder", files: 1 });
    expect((await ana.files.tree({ projectSlug })).files.map((f) => f.path)).toEqual(["outX1/b.txt"]);
    await expect(ana.files.delete({ projectSlug, path: "out_1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
