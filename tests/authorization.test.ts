// Authorization at the resource, through both edges: tRPC (the browser's) and REST (scripts').
import { describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createCaller } from "../server/api/root";
import type { Actor } from "../server/auth/actor";
import { log } from "../server/log";
import { dispatchRest } from "../server/rest/edge";
import { createApiToken, revokeApiToken } from "../server/tokens/api-tokens";
import { findUser } from "../server/users/users";
import { addMemberAs, createProjectFor, createUser, type TestUser } from "./support/factories";

async function callerFor(user: TestUser | null) {
  const full = user ? await findUser(user.id) : null;
  const actor: Actor | null = full ? { ...full, via: "session" } : null;
  return createCaller({ actor, requestId: "test", log });
}

async function rest(token: string | null, method: string, path: string, body?: unknown, rawBody?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined || rawBody !== undefined) headers["content-type"] = "application/json";
  const res = await dispatchRest(
    new Request(`http://benchtop.test/api/v1${path}`, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) }),
  );
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

describe("tRPC authorization", () => {
  it("refuses anonymous callers", async () => {
    const anonymous = await callerFor(null);
    await expect(anonymous.projects.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("a non-member can neither read nor change a project", async () => {
    const ana = await createUser();
    const stranger = await createUser();
    const project = await createProjectFor(ana);
    const caller = await callerFor(stranger);
    await expect(caller.projects.get({ projectSlug: project.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.projects.members({ projectSlug: project.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.projects.rename({ projectSlug: project.slug, name: "Taken" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.projects.addMember({ projectSlug: project.slug, email: stranger.email, role: "owner" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.files.list({ projectSlug: project.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a viewer can read but change nothing", async () => {
    const ana = await createUser();
    const chen = await createUser();
    const project = await createProjectFor(ana);
    await addMemberAs(ana, project, chen, "viewer");
    const caller = await callerFor(chen);
    expect((await caller.projects.get({ projectSlug: project.slug })).role).toBe("viewer");
    await expect(caller.projects.rename({ projectSlug: project.slug, name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.projects.setArchived({ projectSlug: project.slug, archived: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.projects.addMember({ projectSlug: project.slug, email: "x@y.org", role: "viewer" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.projects.changeMemberRole({ projectSlug: project.slug, userId: chen.id, role: "owner" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.projects.removeMember({ projectSlug: project.slug, userId: ana.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers bad input over HTTP with a sentence and field errors", async () => {
    const ana = await createUser();
    const full = await findUser(ana.id);
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      req: new Request("http://benchtop.test/api/trpc/projects.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { name: "ok", slug: "Not A Slug" } }),
      }),
      createContext: () => ({ actor: { ...full!, via: "session" as const }, requestId: "t", log }),
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { json: { message: string; data: { fields: Record<string, string[]>; stack?: unknown } } } };
    expect(error.json.message).toMatch(/^The input is not valid: slug may hold lowercase letters/);
    expect(error.json.data.fields.slug?.[0]).toMatch(/lowercase letters/);
    expect(error.json.data).not.toHaveProperty("stack");
  });
});

describe("REST /api/v1", () => {
  it("authenticates with a bearer token and lists the caller's projects", async () => {
    const ana = await createUser();
    const project = await createProjectFor(ana);
    const { token } = await createApiToken({ actorId: ana.id, name: "t" });
    const res = await rest(token, "GET", "/projects");
    expect(res.status).toBe(200);
    expect(res.json.projects.map((p: { slug: string }) => p.slug)).toEqual([project.slug]);
    const me = await rest(token, "GET", "/me");
    expect(me.json).toMatchObject({ email: ana.email, authenticatedBy: "token" });
  });

  it("refuses a revoked token and a missing one with 401 JSON", async () => {
    const ana = await createUser();
    const { token, apiToken } = await createApiToken({ actorId: ana.id, name: "t" });
    await revokeApiToken({ actorId: ana.id, tokenId: apiToken.id });
    const revoked = await rest(token, "GET", "/projects");
    expect(revoked.status).toBe(401);
    expect(revoked.json.error).toMatchObject({ code: "unauthorized", message: expect.stringContaining("revoked") });
    expect((await rest(null, "GET", "/projects")).status).toBe(401);
  });

  it("a non-member gets 404 and cannot change anything", async () => {
    const ana = await createUser();
    const stranger = await createUser();
    const project = await createProjectFor(ana);
    const { token } = await createApiToken({ actorId: stranger.id, name: "t" });
    expect((await rest(token, "GET", `/projects/${project.slug}`)).status).toBe(404);
    expect((await rest(token, "PATCH", `/projects/${project.slug}`, { name: "Mine" })).status).toBe(404);
    expect((await rest(token, "POST", `/projects/${project.slug}/members`, { email: stranger.email, role: "owner" })).status).toBe(404);
    expect((await rest(token, "POST", `/projects/${project.slug}/archive`)).status).toBe(404);
  });

  it("a viewer gets 403 on every change", async () => {
    const ana = await createUser();
    const chen = await createUser();
    const project = await createProjectFor(ana);
    await addMemberAs(ana, project, chen, "viewer");
    const { token } = await createApiToken({ actorId: chen.id, name: "t" });
    expect((await rest(token, "GET", `/projects/${project.slug}/members`)).status).toBe(200);
    for (const [method, path, body] of [
      ["PATCH", `/projects/${project.slug}`, { name: "Mine" }],
      ["POST", `/projects/${project.slug}/archive`, undefined],
      ["POST", `/projects/${project.slug}/members`, { email: "x@y.org" }],
      ["PATCH", `/projects/${project.slug}/members/${ana.id}`, { role: "viewer" }],
      ["DELETE", `/projects/${project.slug}/members/${ana.id}`, undefined],
    ] as const) {
      const res = await rest(token, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
  });

  it("answers malformed bodies with 400 and field errors, and loses nothing", async () => {
    const ana = await createUser();
    const { token } = await createApiToken({ actorId: ana.id, name: "t" });
    const before = (await rest(token, "GET", "/projects")).json.projects.length;
    const notJson = await rest(token, "POST", "/projects", undefined, '{"name": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.message).toBe("The request body is not valid JSON.");
    const missing = await rest(token, "POST", "/projects", { description: "no name" });
    expect(missing.status).toBe(400);
    expect(missing.json.error.fields).toHaveProperty("name");
    const badSlug = await rest(token, "POST", "/projects", { name: "Fine", slug: "Bad Slug!" });
    expect(badSlug.status).toBe(400);
    expect(badSlug.json.error.fields.slug[0]).toMatch(/lowercase letters/);
    const wrongType = await rest(token, "POST", "/projects", { name: 42 });
    expect(wrongType.status).toBe(400);
    expect((await rest(token, "GET", "/projects")).json.projects.length).toBe(before);
  });

  it("answers unknown routes with 404 JSON and wrong methods with 405", async () => {
    const ana = await createUser();
    const { token } = await createApiToken({ actorId: ana.id, name: "t" });
    const unknown = await rest(token, "GET", "/no-such-thing");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
    const wrong = await rest(token, "DELETE", "/projects");
    expect(wrong.status).toBe(405);
  });

  it("creates a project and manages members end to end", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const { token } = await createApiToken({ actorId: ana.id, name: "t" });
    const created = await rest(token, "POST", "/projects", { name: "Via REST", slug: `rest-${Date.now()}` });
    expect(created.status).toBe(201);
    const slug = created.json.slug;
    expect((await rest(token, "POST", `/projects/${slug}/members`, { email: ben.email, role: "editor" })).status).toBe(201);
    expect((await rest(token, "PATCH", `/projects/${slug}/members/${ben.id}`, { role: "viewer" })).json.role).toBe("viewer");
    expect((await rest(token, "DELETE", `/projects/${slug}/members/${ben.id}`)).status).toBe(204);
    const members = await rest(token, "GET", `/projects/${slug}/members`);
    expect(members.json.members.map((m: { email: string }) => m.email)).toEqual([ana.email]);
  });
});
