// Who gets a sign-in link, on the default invite-only policy, through Auth.js's own endpoint (as
// our form calls it, and as a script calling it directly would).
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // As the server would be started for this lab: its own domains, and a first admin.
  process.env.BENCHTOP_ALLOWED_EMAIL_DOMAINS = "lab.signin.test,uni.signin.test";
  process.env.BENCHTOP_ADMIN_EMAILS = "First.Admin@boot.signin.test";
});

import { db } from "../server/db/client";
import { AuthClient, destinationOf, latestLink, mailsTo, uniqueAddress } from "./support/auth-client";
import { addMemberAs, createProjectFor, createUser } from "./support/factories";

afterAll(() => {
  delete process.env.BENCHTOP_ALLOWED_EMAIL_DOMAINS;
  delete process.env.BENCHTOP_ADMIN_EMAILS;
});

/** Everything a caller can observe about an answer: status, where it sends them, which cookies. */
async function observable(res: Response) {
  const body = await res.clone().text();
  return {
    status: res.status,
    destination: await destinationOf(res),
    cookies: res.headers.getSetCookie().map((c) => c.split("=")[0]).sort(),
    bodyLength: body.length,
  };
}

async function projectMember(): Promise<string> {
  const owner = await createUser();
  const project = await createProjectFor(owner);
  const member = await createUser();
  await addMemberAs(owner, project, member, "viewer");
  return member.email;
}

describe("invite-only sign-in links", () => {
  it("an uninvited address receives no mail, and its answer is the same as a member's", async () => {
    const member = await projectMember();
    const stranger = uniqueAddress("stranger", "elsewhere.example");

    for (const asForm of [false, true]) {
      const strangerAnswer = await observable(await new AuthClient().requestLink(stranger, { asForm }));
      const memberAnswer = await observable(await new AuthClient().requestLink(member, { asForm }));
      expect(strangerAnswer).toEqual(memberAnswer);
      expect(memberAnswer.destination).toMatch(/\/api\/auth\/verify-request\?provider=email&type=email$/);
    }
    expect(await latestLink(member)).toContain("token=");
    expect(await mailsTo(stranger)).toHaveLength(0);
    // Nothing was made for the stranger either: no token a guess could use, no account.
    expect(await db.verificationToken.count({ where: { identifier: stranger } })).toBe(0);
    expect(await db.user.findUnique({ where: { email: stranger } })).toBeNull();
  });

  it("the stranger's answer leads to the same page, whose sentence says nothing about membership", async () => {
    const res = await new AuthClient().get("/api/auth/verify-request?provider=email&type=email");
    expect(res.headers.get("location")).toMatch(/\/signin\/check-email/);
  });

  it("lets in members, invited people, directors and admins, the lab's domains and the bootstrap admins", async () => {
    const director = await createUser({ labRole: "director" });
    const invited = uniqueAddress("invited", "partner.example");
    await db.user.create({ data: { email: invited, invitedAt: new Date() } });
    const allowed = [
      await projectMember(),
      invited,
      director.email,
      uniqueAddress("student", "lab.signin.test"),
      uniqueAddress("postdoc", "cs.uni.signin.test"), // a subdomain of an allowed domain
      "first.admin@boot.signin.test",
    ];
    const refused = [
      (await createUser()).email, // an account with no project, no invitation, no lab role
      uniqueAddress("lookalike", "notlab.signin.test"), // not a subdomain: another domain that ends alike
      uniqueAddress("lookalike", "lab.signin.test.evil.example"),
    ];
    for (const email of [...allowed, ...refused]) await new AuthClient().requestLink(email);
    for (const email of allowed) expect(await latestLink(email), email).toContain("token=");
    for (const email of refused) expect(await db.verificationToken.count({ where: { identifier: email } }), email).toBe(0);
  });

  it("a bootstrap admin becomes a lab admin at sign-in, a domain address a lab member", async () => {
    const student = uniqueAddress("student", "lab.signin.test");
    for (const email of ["first.admin@boot.signin.test", student]) {
      const client = new AuthClient();
      await client.requestLink(email);
      const res = await client.useLink(await latestLink(email));
      expect(await destinationOf(res)).toBe("http://localhost:3000/");
    }
    const admin = await db.user.findUniqueOrThrow({ where: { email: "first.admin@boot.signin.test" } });
    expect(admin).toMatchObject({ labRole: "admin", external: false });
    expect(admin.lastSignInAt).toBeInstanceOf(Date);
    expect(await db.user.findUniqueOrThrow({ where: { email: student } })).toMatchObject({ labRole: "researcher", external: false });
    const promoted = await db.auditEvent.findFirst({ where: { actorId: admin.id, action: "user.lab_role_changed" } });
    expect(promoted?.data).toMatchObject({ from: "researcher", to: "admin", reason: "BENCHTOP_ADMIN_EMAILS" });
  });

  it("an address that is not one gets a sentence, and no request reaches Auth.js", async () => {
    const res = await new AuthClient().requestLink("not an address");
    expect(await destinationOf(res)).toMatch(/\/signin\?error=InvalidEmail/);
  });
});
