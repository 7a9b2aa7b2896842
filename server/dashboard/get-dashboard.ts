import { z } from "zod";
import { db } from "../db/client";
import { listProjects } from "../projects/list-projects";
import { ZProject, type TProject } from "../projects/schemas";

export const ZActivity = z.object({
  id: z.string(),
  action: z.string(),
  target: z.string(),
  data: z.unknown(),
  createdAt: z.date(),
  actor: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
  project: z.object({ slug: z.string(), name: z.string() }).nullable(),
});
export type TActivity = z.infer<typeof ZActivity>;

export const ZDashboard = z.object({ projects: z.array(ZProject), activity: z.array(ZActivity) });

/** What a person lands on: their projects, and what changed lately in them. */
export async function getDashboard(args: { actorId: string; activityLimit?: number }): Promise<{
  projects: TProject[];
  activity: TActivity[];
}> {
  const projects = await listProjects({ actorId: args.actorId });
  const events = await db.auditEvent.findMany({
    where: {
      OR: [
        // Only projects the actor is a member of: the tenant is in the WHERE.
        { project: { members: { some: { userId: args.actorId } } } },
        // And the actor's own account events (tokens); sign-ins would drown the rest.
        { projectId: null, actorId: args.actorId, action: { not: "user.signed_in" } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: args.activityLimit ?? 15,
    select: {
      id: true,
      action: true,
      target: true,
      data: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
      project: { select: { slug: true, name: true } },
    },
  });
  const viewer = await db.user.findUnique({ where: { id: args.actorId }, select: { external: true } });
  return { projects, activity: events.map((e) => ({ ...(viewer?.external !== false ? withoutLocation(e) : e), id: e.id.toString() })) };
}

/** External collaborators never learn where data lives: dataset and store events lose their bucket, prefix and store path. */
function withoutLocation<T extends { action: string; target: string; data: unknown }>(e: T): T {
  if (e.action.startsWith("datastore.")) return { ...e, target: "a location on a data store", data: {} };
  if (e.action.startsWith("dataset.")) return { ...e, data: {} };
  return e;
}
