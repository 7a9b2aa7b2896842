// BENCHTOP_SIGNUP=open: anyone may ask for a link, and an account made that way starts external
// (no project creation, nothing of the lab's) until an admin promotes it; what a project grants
// an external still works.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BENCHTOP_SIGNUP = "open";
  process.env.BENCHTOP_ALLOWED_EMAIL_DOMAINS = "lab.open.test";
});

import { createProject } from "../server/projects/create-project";
import { listProjects } from "../server/projects/list-projects";
import { addMember } from "../server/projects/members";
import { db } from "../server/db/client";
import { promoteExternal } from "../server/users/people";
import { AuthClient, destinationOf, latestLink, uniqueAddress } from "./support/auth-client";
import { createProjectFor, createUser } from "./support/factories";

afterAll(() => {
  delete process.env.BENCHTOP_SIGNUP;
  delete process.env.BENCHTOP_ALLOWED_EMAIL_DOMAINS;
});

async function signUp(email: string) {
  const client = new AuthClient();
  await client.requestLink(email);
  const res = await client.useLink(await latestLink(email));
  expect(await destinationOf(res)).toBe("http://localhost:3000/");
  return db.user.findUniqueOrThrow({ where: { email } });
}

describe("open sign-up", () => {
  it("makes an external, who cannot create a project until an admin promotes them", async () => {
    const user = await signUp(uniqueAddress("visitor", "anywhere.example"));
    expect(user).toMatchObject({ external: true, labRole: "researcher", invitedAt: null });

    await expect(createProject({ actorId: user.id, name: "Mine" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "External collaborators cannot create projects; ask a lab admin to make you a lab member, or a project owner to add you.",
    });
    expect(await listProjects({ actorId: user.id })).toEqual([]);

    const admin = await createUser({ labRole: "admin" });
    await promoteExternal({ actorId: admin.id, userId: user.id });
    const project = await createProject({ actorId: user.id, name: "Mine now", slug: `mine-${user.id.slice(-6)}` });
    expect(project.role).toBe("owner");
  });

  it("what a project grants an external keeps working", async () => {
    const user = await signUp(uniqueAddress("collaborator", "partner.example"));
    const owner = await createUser();
    const project = await createProjectFor(owner);
    await addMember({ actorId: owner.id, projectSlug: project.slug, email: user.email, role: "editor" });
    expect((await listProjects({ actorId: user.id })).map((p) => [p.slug, p.role])).toEqual([[project.slug, "editor"]]);
  });

  it("an address of the lab's own domains is a lab member from the start", async () => {
    const user = await signUp(uniqueAddress("student", "lab.open.test"));
    expect(user.external).toBe(false);
  });
});
