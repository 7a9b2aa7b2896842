import { db } from "../db/client";
import { listProjects } from "../projects/list-projects";
import type { TProject } from "../projects/schemas";

export type TActivity = {
  id: string;
  action: string;
  target: string;
  data: unknown;
  createdAt: Date;
  actor: { name: string | null; email: string } | null;
  project: { slug: string; name: string } | null;
};

/** What a person lands on: their projects, and what changed lately in them. */
export async function getDashboard(args: { actorId: string; activityLimit?: number }): Promise<{
  projects: TProject[];
  activity: TActivity[];
}> {
  const projects = await listProjects({ actorId: args.actorId });
  const events = await db.auditEvent.findMany({
    where: {
      // Only projects the actor is a member of: the tenant is in the WHERE.
      project: { members: { some: { userId: args.actorId } } },
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
  return { projects, activity: events.map((e) => ({ ...e, id: e.id.toString() })) };
}
