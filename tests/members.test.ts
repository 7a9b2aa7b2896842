import { describe, expect, it } from "vitest";
import { db } from "../server/db/client";
import { getProject } from "../server/projects/list-projects";
import { addMember, changeMemberRole, listMembers, removeMember } from "../server/projects/members";
import { addMemberAs, createProjectFor, createUser } from "./support/factories";

describe("members", () => {
  it("adds a member by email; the member then sees the project", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const project = await createProjectFor(ana);
    const member = await addMember({ actorId: ana.id, projectSlug: project.slug, email: ben.email.toUpperCase(), role: "editor" });
    expect(member).toMatchObject({ userId: ben.id, role: "editor" });
    expect((await getProject({ actorId: ben.id, projectSlug: project.slug })).role).toBe("editor");
  });

  it("invites someone Benchtop has not seen by creating their account", async () => {
    const ana = await createUser();
    const project = await createProjectFor(ana);
    const email = `newcomer-${Date.now()}@partner.example`;
    await addMember({ actorId: ana.id, projectSlug: project.slug, email, role: "viewer" });
    const user = await db.user.findUnique({ where: { email } });
    expect(user).not.toBeNull();
  });

  it("refuses a duplicate and a malformed email with field messages", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const project = await createProjectFor(ana);
    await addMemberAs(ana, project, ben, "viewer");
    await expect(addMember({ actorId: ana.id, projectSlug: project.slug, email: ben.email, role: "editor" })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { email: ["is already a member"] },
    });
    await expect(addMember({ actorId: ana.id, projectSlug: project.slug, email: "not-an-email", role: "editor" })).rejects.toThrow(
      /email address/,
    );
  });

  it("only owners manage members; a viewer can leave", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const chen = await createUser();
    const project = await createProjectFor(ana);
    await addMemberAs(ana, project, ben, "editor");
    await addMemberAs(ana, project, chen, "viewer");
    await expect(changeMemberRole({ actorId: ben.id, projectSlug: project.slug, userId: chen.id, role: "owner" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember({ actorId: ben.id, projectSlug: project.slug, userId: chen.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeMember({ actorId: chen.id, projectSlug: project.slug, userId: chen.id });
    await expect(getProject({ actorId: chen.id, projectSlug: project.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never leaves a project without an owner", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const project = await createProjectFor(ana);
    await addMemberAs(ana, project, ben, "editor");
    await expect(changeMemberRole({ actorId: ana.id, projectSlug: project.slug, userId: ana.id, role: "viewer" })).rejects.toThrow(/last owner/);
    await expect(removeMember({ actorId: ana.id, projectSlug: project.slug, userId: ana.id })).rejects.toThrow(/last owner/);
    await changeMemberRole({ actorId: ana.id, projectSlug: project.slug, userId: ben.id, role: "owner" });
    await changeMemberRole({ actorId: ana.id, projectSlug: project.slug, userId: ana.id, role: "viewer" });
    const roles = Object.fromEntries((await listMembers({ actorId: ben.id, projectSlug: project.slug })).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [ana.id]: "viewer", [ben.id]: "owner" });
  });

  it("two owners demoting each other at once cannot both succeed", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const project = await createProjectFor(ana);
    await addMemberAs(ana, project, ben, "owner");
    const results = await Promise.allSettled([
      changeMemberRole({ actorId: ana.id, projectSlug: project.slug, userId: ana.id, role: "viewer" }),
      changeMemberRole({ actorId: ben.id, projectSlug: project.slug, userId: ben.id, role: "viewer" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = (await db.member.findMany({ where: { projectId: project.id, role: "owner" } })).length;
    expect(owners).toBe(1);
  });
});
