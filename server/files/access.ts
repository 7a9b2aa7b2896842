// Who may read and who may change a project's files: viewers read, editors and owners write,
// and nobody writes into an archived project (projects/access.ts says so in one sentence).
import { requireProjectRole, type ProjectAccess } from "../projects/access";

export async function projectToRead(args: { actorId: string; projectSlug: string }): Promise<ProjectAccess["project"]> {
  return (await requireProjectRole({ ...args, atLeast: "viewer" })).project;
}

export async function projectToWrite(args: { actorId: string; projectSlug: string }): Promise<ProjectAccess["project"]> {
  return (await requireProjectRole({ ...args, atLeast: "editor", intent: "write" })).project;
}
