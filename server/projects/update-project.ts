import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";
import { projectAccess, type ProjectArgs } from "./access";
import { getProject } from "./list-projects";
import { ZUpdateProjectInput, type TProject, type TUpdateProjectInput } from "./schemas";

/** Renames a project or changes its description. Owners only. */
export async function updateProject(
  args: ProjectArgs & TUpdateProjectInput,
): Promise<TProject> {
  const input = ZUpdateProjectInput.parse({ name: args.name, description: args.description });
  const { project } = await projectAccess(args, "owner", "write");
  await db.$transaction(async (tx) => {
    await tx.project.update({ where: { id: project.id }, data: input });
    if (input.name !== undefined && input.name !== project.name) {
      await recordAuditEvent(tx, {
        actorId: args.actorId,
        projectId: project.id,
        action: "project.renamed",
        target: input.name,
        data: { from: project.name, to: input.name },
      });
    }
  });
  return getProject({ actorId: args.actorId, projectSlug: args.projectSlug });
}

/** Archives (hides from lists, keeps everything) or restores a project. Owners only. */
export async function setProjectArchived(args: ProjectArgs & { archived: boolean }): Promise<TProject> {
  const { project } = await projectAccess(args, "owner");
  if ((project.archivedAt !== null) === args.archived) {
    throw new AppError("CONFLICT", `Project "${project.slug}" is already ${args.archived ? "archived" : "active"}.`);
  }
  await db.$transaction(async (tx) => {
    await tx.project.update({ where: { id: project.id }, data: { archivedAt: args.archived ? new Date() : null } });
    await recordAuditEvent(tx, {
      actorId: args.actorId,
      projectId: project.id,
      action: args.archived ? "project.archived" : "project.unarchived",
      target: project.name,
    });
  });
  return getProject({ actorId: args.actorId, projectSlug: args.projectSlug });
}
