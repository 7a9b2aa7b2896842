// Test data, made through the real domain functions (or, for users, the table sign-in fills).
import { randomUUID } from "node:crypto";
import type { LabRole, ProjectRole } from "@prisma/client";
import { db } from "../../server/db/client";
import { createProject } from "../../server/projects/create-project";
import { addMember } from "../../server/projects/members";
import type { TProject } from "../../server/projects/schemas";

export type TestUser = { id: string; email: string; name: string };

export async function createUser(opts: { labRole?: LabRole; name?: string; external?: boolean } = {}): Promise<TestUser> {
  const tag = randomUUID().slice(0, 8);
  const name = opts.name ?? `Person ${tag}`;
  return db.user.create({
    data: { email: `person-${tag}@test.benchtop.dev`, name, labRole: opts.labRole ?? "researcher", external: opts.external ?? false },
    select: { id: true, email: true, name: true },
  }) as Promise<TestUser>;
}

export async function createProjectFor(owner: TestUser, opts: { name?: string } = {}): Promise<TProject> {
  const tag = randomUUID().slice(0, 8);
  return createProject({ actorId: owner.id, name: opts.name ?? `Project ${tag}`, slug: `p-${tag}` });
}

export async function addMemberAs(owner: TestUser, project: TProject, person: TestUser, role: ProjectRole) {
  return addMember({ actorId: owner.id, projectSlug: project.slug, email: person.email, role });
}
