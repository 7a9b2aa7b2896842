// Who may do what in a project. Every project query starts here: a caller who is not a member
// gets NOT_FOUND (the project's existence is not revealed), a member without the role FORBIDDEN,
// and a write into an archived project CONFLICT with one sentence. That last rule lives only here:
// every change to a project's datasets, uploads, jobs and files asks for `intent: "write"`.
import type { LabRole, ProjectRole } from "@prisma/client";
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
  /** The caller's lab standing, for rules that depend on it (directors see more; externals less). */
  caller: { labRole: LabRole; external: boolean };
};

/** What an archived project answers to any write. */
export function archivedSentence(projectSlug: string): string {
  return `Project ${projectSlug} is archived; it is read-only. An owner can unarchive it in Settings.`;
}

export async function requireProjectRole(args: {
  actorId: string;
  projectSlug: string;
  atLeast: ProjectRole;
  /** "write": the call changes the project's work (datasets, uploads, jobs, files), refused while it is archived. */
  intent?: "read" | "write";
}): Promise<ProjectAccess> {
  const member = await db.member.findFirst({
    where: { userId: args.actorId, project: { slug: args.projectSlug } },
    select: { role: true, project: { select: projectSummarySelect }, user: { select: { labRole: true, external: true } } },
  });
  if (!member) throw new AppError("NOT_FOUND", `Project "${args.projectSlug}" was not found.`);
  return applyRules({ project: member.project, role: member.role, caller: member.user }, args);
}

/** The role and archive rules over a membership already loaded. */
function applyRules(access: ProjectAccess, args: { projectSlug: string; atLeast: ProjectRole; intent?: "read" | "write" }): ProjectAccess {
  if (!hasProjectRole(access.role, args.atLeast)) {
    throw new AppError(
      "FORBIDDEN",
      `This needs the ${args.atLeast} role in project "${args.projectSlug}"; you are ${article(access.role)} ${access.role}.`,
    );
  }
  if (args.intent === "write" && access.project.archivedAt) throw new AppError("CONFLICT", archivedSentence(access.project.slug));
  return access;
}

/** What a domain function on one project takes: who asks, the project, and the membership the procedure ladder loaded (if it did). */
export type ProjectArgs = { actorId: string; projectSlug: string; access?: ProjectAccess };

/**
 * The caller's access for a domain function. Through tRPC or REST, `access` is the membership
 * projectProcedure(role) loaded and checked: trusted, not looked up again (the rules are applied
 * to it in memory, e.g. a member leaving versus an owner removing someone). Without it (a script,
 * a test, the scheduler) the membership is looked up here, once.
 */
export async function projectAccess(args: ProjectArgs, atLeast: ProjectRole, intent?: "read" | "write"): Promise<ProjectAccess> {
  if (args.access) {
    if (args.access.project.slug !== args.projectSlug) throw new Error(`access for project ${args.access.project.slug} handed to a call on ${args.projectSlug}`);
    return applyRules(args.access, { projectSlug: args.projectSlug, atLeast, intent });
  }
  return requireProjectRole({ actorId: args.actorId, projectSlug: args.projectSlug, atLeast, intent });
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}
