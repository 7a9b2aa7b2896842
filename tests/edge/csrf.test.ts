// CSRF at the edge: a page on another origin of the same site (another port on localhost) rides
// the person's SameSite=Lax cookie. Every cookie-authenticated mutation is checked against
// BENCHTOP_URL's origin (here http://localhost:3000, the test default); bearer tokens are not.
import { describe, expect, it } from "vitest";
import { PUT as putBlob, PUT as putFileContent } from "../../app/api/v1/[[...path]]/route";
import { db } from "../../server/db/client";
import { createApiToken } from "../../server/tokens/api-tokens";
import { createProjectFor, createUser } from "../support/factories";
import { answerOf, BASE, rest, trpc } from "./http";

const COOKIE = { cookie: "authjs.session-token=a-session-the-check-never-needs-to-read" };
const EVIL = "http://localhost:4000";
const ATTACK = "text/plain; x=application/json";

async function ownersOf(projectId: string) {
  return db.member.count({ where: { projectId, role: "owner" } });
}

describe("cookie mutations from another origin are refused", () => {
  it("REST: the text/plain owner-adding request from another port is a 403 with a sentence, and adds nobody", async () => {
    const ana = await createUser();
    const project = await createProjectFor(ana);
    const res = await rest("POST", `/projects/${project.slug}/members`, {
      rawBody: JSON.stringify({ email: "mallory@evil.test", role: "owner" }),
      headers: { ...COOKIE, origin: EVIL, "content-type": ATTACK },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("forbidden");
    expect(res.json.error.message).toBe(
      `This request came from ${EVIL}, another site, so Benchtop refused it: a browser may change things only from Benchtop's own pages at ${BASE}.`,
    );
    expect(await ownersOf(project.id)).toBe(1);
  });

  it("REST: no Origin (and no Sec-Fetch-Site), or a Sec-Fetch-Site other than same-origin, is refused", async () => {
    const ana = await createUser();
    const project = await createProjectFor(ana);
    const body = { email: "mallory@evil.test", role: "owner" };
    const bare = await rest("POST", `/projects/${project.slug}/members`, { body, headers: COOKIE });
    expect(bare.status).toBe(403);
    expect(bare.json.error.message).toMatch(/no Origin header.*Authorization: Bearer/);
    for (const site of ["same-site", "cross-site", "none"]) {
      const res = await rest("POST", `/projects/${project.slug}/members`, { body, headers: { ...COOKIE, "sec-fetch-site": site } });
      expect(res.status, site).toBe(403);
      expect(res.json.error.message).toContain(`Sec-Fetch-Site: ${site}`);
    }
    const nullOrigin = await rest("DELETE", `/projects/${project.slug}/members/${ana.id}`, { headers: { ...COOKIE, origin: "null" } });
    expect(nullOrigin.status).toBe(403);
    expect(await ownersOf(project.id)).toBe(1);
  });

  it("REST: from Benchtop's own origin a JSON body still needs exactly application/json", async () => {
    const ana = await createUser();
    const project = await createProjectFor(ana);
    const res = await rest("POST", `/projects/${project.slug}/members`, {
      rawBody: JSON.stringify({ email: "mallory@evil.test", role: "owner" }),
      headers: { ...COOKIE, origin: BASE, "content-type": ATTACK },
    });
    expect(res.status).toBe(415);
    expect(res.json.error).toMatchObject({ code: "unsupported_media_type", message: `Send the request body as JSON, with Content-Type: application/json (this one is "${ATTACK}").` });
    expect(await ownersOf(project.id)).toBe(1);
  });

  it("bearer tokens are unaffected by Origin, but a JSON body is exactly application/json for them too", async () => {
    const ana = await createUser();
    const project = await createProjectFor(ana);
    const { token } = await createApiToken({ actorId: ana.id, name: "script" });
    const added = await rest("POST", `/projects/${project.slug}/members`, { token, body: { email: `ben-${project.slug}@lab.test`, role: "viewer" }, headers: { origin: EVIL } });
    expect(added.status).toBe(201);
    const charset = await rest("PATCH", `/projects/${project.slug}`, { token, rawBody: JSON.stringify({ description: "with a charset" }), headers: { "content-type": "application/json; charset=utf-8" } });
    expect(charset.status).toBe(200);
    const attack = await rest("PATCH", `/projects/${project.slug}`, { token, rawBody: JSON.stringify({ description: "x" }), headers: { "content-type": ATTACK } });
    expect(attack.status).toBe(415);
  });

  it("tRPC: a cookie mutation from another origin is a 403 with the same sentence; form-data and text/plain bodies are refused", async () => {
    const ana = await createUser();
    const project = await createProjectFor(ana);
    const input = { projectSlug: project.slug, email: "mallory@evil.test", role: "owner" };
    const cross = await trpc("mutation", "projects.addMember", input, { headers: { ...COOKIE, origin: EVIL } });
    expect(cross.status).toBe(403);
    expect(cross.json.error.json.message).toBe(
      `This request came from ${EVIL}, another site, so Benchtop refused it: a browser may change things only from Benchtop's own pages at ${BASE}.`,
    );
    expect(cross.json.error.json.data.code).toBe("FORBIDDEN");

    const form = new FormData();
    form.set("projectSlug", project.slug);
    const { POST } = await import("../../app/api/trpc/[trpc]/route");
    const multipart = await answerOf(await POST(new Request(`${BASE}/api/trpc/projects.addMember`, { method: "POST", headers: { ...COOKIE, origin: BASE }, body: form })));
    expect(multipart.status).toBe(415);
    expect(multipart.json.error.json.message).toMatch(/^Send the request body as JSON, with Content-Type: application\/json/);

    const plain = await trpc("mutation", "projects.addMember", input, { headers: { ...COOKIE, origin: EVIL, "content-type": ATTACK } });
    expect(plain.status).toBe(403);
    expect(await ownersOf(project.id)).toBe(1);
  });

  it("byte routes: a cookie PUT of a file or a blob from another origin is refused", async () => {
    const ana = await createUser();
    const project = await createProjectFor(ana);
    const file = await answerOf(
      await putFileContent(new Request(`${BASE}/api/v1/projects/${project.slug}/files/content?path=evil.py`, { method: "PUT", headers: { ...COOKIE, origin: EVIL }, body: "print('pwned')" })),
    );
    expect(file.status).toBe(403);
    expect(file.json.error.code).toBe("forbidden");
    expect(await db.file.count({ where: { projectId: project.id, path: "evil.py" } })).toBe(0);
    const sha = "0".repeat(64);
    const blob = await answerOf(await putBlob(new Request(`${BASE}/api/v1/blobs/${sha}`, { method: "PUT", headers: { ...COOKIE, "sec-fetch-site": "same-site" }, body: "x" })));
    expect(blob.status).toBe(403);
  });
});
