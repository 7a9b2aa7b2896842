// Who may read and who may change a project's files: viewers read, editors and owners write,
// and nobody writes into an archived project (projects/access.ts says so in one sentence).
//
// The role is checked once. A call through tRPC or REST arrives with `access`: the membership
// projectProcedure(role) loaded and checked on the right rung of the ladder; it is trusted here,
// not looked up again (only the archived rule, a fact of the project, is applied to a write).
// A call without it (a script, a test) is checked here, by the one lookup.
import { hasProjectRole, requireProjectRole, type ProjectAccess } from "../projects/access";
import { AppError } from "../errors";
import { archivedSentence } from "../projects/access";

/** What the files' domain functions take: who asks, the project, and the access the ladder checked (if it did). */
export type ProjectArgs = { actorId: string; projectSlug: string; access?: ProjectAccess };

/** A programming error, not the caller's: a procedure on too low a rung handed its access to a function that needs more. */
function assertRung(access: ProjectAccess, projectSlug: string, needs: "viewer" | "editor") {
  if (access.project.slug !== projectSlug || !hasProjectRole(access.role, needs)) {
    throw new Error(`files: access for ${access.project.slug} as ${access.role} handed to a function that needs ${needs} in ${projectSlug}`);
  }
}

export async function projectToRead(args: ProjectArgs): Promise<ProjectAccess["project"]> {
  if (args.access) {
    assertRung(args.access, args.projectSlug, "viewer");
    return args.access.project;
  }
  return (await requireProjectRole({ actorId: args.actorId, projectSlug: args.projectSlug, atLeast: "viewer" })).project;
}

export async function projectToWrite(args: ProjectArgs): Promise<ProjectAccess["project"]> {
  if (args.access) {
    assertRung(args.access, args.projectSlug, "editor");
    if (args.access.project.archivedAt) throw new AppError("CONFLICT", archivedSentence(args.access.project.slug));
    return args.access.project;
  }
  return (await requireProjectRole({ actorId: args.actorId, projectSlug: args.projectSlug, atLeast: "editor", intent: "write" })).project;
}
