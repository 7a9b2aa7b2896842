// Who may read and who may change a project's files: viewers read, editors and owners write,
// and nobody writes into an archived project.
import { AppError } from "../errors";
import { requireProjectRole, type ProjectAccess } from "../projects/access";

export async function projectToRead(args: { actorId: string; projectSlug: string }): Promise<ProjectAccess["project"]> {
  return (await requireProjectRole({ ...args, atLeast: "viewer" })).project;
}

export async function projectToWrite(args: { actorId: string; projectSlug: string }): Promise<ProjectAccess["project"]> {
  const { project } = await requireProjectRole({ ...args, atLeast: "editor" });
  if (project.archivedAt) throw new AppError("CONFLICT", `Project "${project.slug}" is archived; restore it to change its files.`);
  return project;
}
