import { db } from "../db/client";
import { AppError } from "../errors";
import { memberProjectSelect, toProject } from "./project-row";
import type { TProject } from "./schemas";

/** The projects the actor is a member of, most recently changed first. */
export async function listProjects(args: { actorId: string; includeArchived?: boolean }): Promise<TProject[]> {
  const rows = await db.member.findMany({
    where: { userId: args.actorId, project: args.includeArchived ? {} : { archivedAt: null } },
    select: memberProjectSelect,
    orderBy: { project: { updatedAt: "desc" } },
  });
  return rows.map(toProject);
}

/** One project the actor is a member of; NOT_FOUND otherwise. */
export async function getProject(args: { actorId: string; projectSlug: string }): Promise<TProject> {
  const row = await db.member.findFirst({
    where: { userId: args.actorId, project: { slug: args.projectSlug } },
    select: memberProjectSelect,
  });
  if (!row) {
    throw new AppError("NOT_FOUND", `Project "${args.projectSlug}" was not found.`);
  }
  return toProject(row);
}
