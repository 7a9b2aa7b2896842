// Who may do what in a project. Every project query starts here: a caller who is not a member
// gets NOT_FOUND (the project's existence is not revealed), a member without the role FORBIDDEN.
import type { ProjectRole } from "@prisma/client";
import { db } from "../db/client";
import { AppError } from "../errors";

const RANK: Record<ProjectRole, number> = { viewer: 1, editor: 2, owner: 3 };

export function hasProjectRole(role: ProjectRole, atLeast: ProjectRole): boolean {
  return RANK[role] >= RANK[atLeast];
}

export const projectSummarySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type ProjectAccess = {
  project: { id: string; slug: string; name: string; description: string; archivedAt: Date | null; createdAt: Date; updatedAt: Date };
  role: ProjectRole;
};

export async function requireProjectRole(args: {
  actorId: string;
  projectSlug: string;
  atLeast: ProjectRole;
}): Promise<ProjectAccess> {
  const member = await db.member.findFirst({
    where: { userId: args.actorId, project: { slug: args.projectSlug } },
    select: { role: true, project: { select: projectSummarySelect } },
  });
  if (!member) throw new AppError("NOT_FOUND", `Project "${args.projectSlug}" was not found.`);
  if (!hasProjectRole(member.role, args.atLeast)) {
    throw new AppError(
      "FORBIDDEN",
      `This needs the ${args.atLeast} role in project "${args.projectSlug}"; you are ${article(member.role)} ${member.role}.`,
    );
  }
  return { project: member.project, role: member.role };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}
