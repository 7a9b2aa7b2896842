// Who may read and who may change a project's files: viewers read, editors and owners write,
// and nobody writes into an archived project (projects/access.ts says so in one sentence).
// The role is checked once: a call through tRPC or REST brings the access projectProcedure
// checked, and it is trusted (projectAccess in projects/access.ts).
import { projectAccess, type ProjectAccess, type ProjectArgs } from "../projects/access";

export type { ProjectArgs };

export async function projectToRead(args: ProjectArgs): Promise<ProjectAccess["project"]> {
  return (await projectAccess(args, "viewer")).project;
}

export async function projectToWrite(args: ProjectArgs): Promise<ProjectAccess["project"]> {
  return (await projectAccess(args, "editor", "write")).project;
}
