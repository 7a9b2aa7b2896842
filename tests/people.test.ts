// The lab's people, as admins and directors manage them: through the domain functions, tRPC
// and REST (the CLI's), each change audited.
import { describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import type { Actor } from "../server/auth/actor";
import { db } from "../server/db/client";
import { log } from "../server/log";
import { createApiToken } from "../server/tokens/api-tokens";
import { changeLabRole, endSessions, invitePerson, listPeople, promoteExternal } from "../server/users/people";
import { findUser } from "../server/users/users";
import { mailsTo, uniqueAddress } from "./support/auth-client";
import { createUser, type TestUser } from "./support/factories";
import { rest as restCall } from "./edge/http";

async function caller(user: TestUser) {
  const full = await findUser(user.id);
  return createCaller({ actor: { ...full!, via: "session" } as Actor, requestId: "t", log });
}

/** A REST call as `user`, through the shared edge helper (tests/edge/http.ts). */
async function rest(user: TestUser, method: string, path: string, body?: unknown) {
  const { token } = await createApiToken({ actorId: user.id, name: "people" });
  const { status, json } = await restCall(method, path, { token, body });
  return { status, json };
}

describe("people", () => {
  it("lists everyone with an account for admins and directors, and for no one else", async () => {
    const admin = await createUser({ labRole: "admin" });
    const director = await createUser({ labRole: "director" });
    const researcher = await createUser();
    const external = await db.user.create({ data: { email: uniqueAddress("ext", "partner.example"), external: true } });
    const people = await listPeople({ actorId: admin.id });
    const row = people.find((p) => p.id === external.id);
    expect(row).toMatchObject({ email: external.email, external: true, labRole: "researcher", lastSignInAt: null, activeSessions: 0 });
    expect((await listPeople({ actorId: director.id })).length).toBe(people.length);
    await expect(listPeople({ actorId: researcher.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only lab admins and directors can see and manage the lab's people.",
    });
    expect((await rest(researcher, "GET", "/people")).status).toBe(403);
    const viaRest = await rest(director, "GET", "/people");
    expect(viaRest.status).toBe(200);
    expect(viaRest.json.people.find((p: { id: string }) => p.id === external.id)).toMatchObject({ external: true });
  });

  it("invites an address to the lab: it may then sign in, gets a mail, and the invitation is audited", async () => {
    const director = await createUser({ labRole: "director" });
    const email = uniqueAddress("Newcomer", "partner.example");
    const invited = await invitePerson({ actorId: director.id, email: `  ${email.toUpperCase()} ` });
    expect(invited).toMatchObject({ email: email.toLowerCase(), external: false, labRole: "researcher" });
    expect(invited.invitedAt).toBeInstanceOf(Date);
    const [mail] = await mailsTo(email.toLowerCase());
    expect(mail?.subject).toBe("You are invited to Benchtop");
    expect(mail?.text).toContain("http://localhost:3000/signin");
    expect(await db.auditEvent.findFirst({ where: { actorId: director.id, action: "user.invited", target: email.toLowerCase() } })).not.toBeNull();

    await expect(invitePerson({ actorId: director.id, email })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(invitePerson({ actorId: director.id, email: "not an address" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Only admins invite directors and admins.
    await expect(invitePerson({ actorId: director.id, email: uniqueAddress("boss", "lab.example"), labRole: "admin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const viaRest = await rest(director, "POST", "/people", { email: uniqueAddress("script", "lab.example") });
    expect(viaRest.status).toBe(201);
  });

  it("inviting an external makes them a lab member", async () => {
    const admin = await createUser({ labRole: "admin" });
    const external = await db.user.create({ data: { email: uniqueAddress("ext", "partner.example"), external: true } });
    expect(await invitePerson({ actorId: admin.id, email: external.email })).toMatchObject({ id: external.id, external: false });
  });

  it("promotes an external to a lab member, once", async () => {
    const director = await createUser({ labRole: "director" });
    const external = await db.user.create({ data: { email: uniqueAddress("ext", "partner.example"), external: true } });
    expect(await promoteExternal({ actorId: director.id, userId: external.id })).toMatchObject({ external: false });
    await expect(promoteExternal({ actorId: director.id, userId: external.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `${external.email} is already a lab member.`,
    });
    const other = await db.user.create({ data: { email: uniqueAddress("ext", "partner.example"), external: true } });
    expect((await rest(director, "POST", `/people/${other.id}/promote`)).json).toMatchObject({ external: false });
    expect(await db.auditEvent.count({ where: { actorId: director.id, action: "user.promoted" } })).toBe(2);
  });

  it("changes lab roles (admins only), never their own (so the lab keeps an admin)", async () => {
    const admin = await createUser({ labRole: "admin" });
    const director = await createUser({ labRole: "director" });
    const ana = await createUser();
    await expect(changeLabRole({ actorId: director.id, userId: ana.id, labRole: "director" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only lab admins can change lab roles.",
    });
    expect(await changeLabRole({ actorId: admin.id, userId: ana.id, labRole: "director" })).toMatchObject({ labRole: "director" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: admin.id, action: "user.lab_role_changed" } });
    expect(event).toMatchObject({ target: ana.email, data: { from: "researcher", to: "director" } });
    expect((await (await caller(admin)).people.changeLabRole({ userId: ana.id, labRole: "researcher" })).labRole).toBe("researcher");

    // An admin's own role is changed by another admin, so the lab always keeps one.
    await expect(changeLabRole({ actorId: admin.id, userId: admin.id, labRole: "director" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You cannot change your own lab role; another admin can. (This way the lab always keeps an admin.)",
    });
    const external = await db.user.create({ data: { email: uniqueAddress("ext", "partner.example"), external: true } });
    await expect(changeLabRole({ actorId: admin.id, userId: external.id, labRole: "director" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await rest(admin, "PATCH", `/people/${ana.id}`, { labRole: "director" })).json).toMatchObject({ labRole: "director" });
  });

  it("ends someone's sessions over REST, as the CLI does", async () => {
    const admin = await createUser({ labRole: "admin" });
    const ana = await createUser();
    await db.session.create({ data: { sessionToken: `s-${ana.id}`, userId: ana.id, expires: new Date(Date.now() + 60_000) } });
    expect((await listPeople({ actorId: admin.id })).find((p) => p.id === ana.id)?.activeSessions).toBe(1);
    const res = await rest(admin, "DELETE", `/people/${ana.id}/sessions`);
    expect(res).toMatchObject({ status: 200, json: { ended: 1 } });
    expect(await endSessions({ actorId: admin.id, userId: ana.id })).toEqual({ ended: 0 });
    await expect(endSessions({ actorId: ana.id, userId: admin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await rest(admin, "DELETE", `/people/nobody/sessions`)).status).toBe(404);
  });
});
