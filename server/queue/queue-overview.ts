import { z } from "zod";
import { db } from "../db/client";
import { ZJobPriority, ZJobState } from "./schemas";

export const ZQueueEntry = z.object({
  /** Null when the caller is not a member of the job's project (they see that it runs, not what). */
  id: z.string().nullable(),
  name: z.string().nullable(),
  state: ZJobState,
  stateReason: z.string().nullable(),
  user: z.string(),
  project: z.string(),
  gpus: z.number().int(),
  nodes: z.number().int(),
  gpuType: z.string().nullable(),
  priority: ZJobPriority,
  queuePosition: z.number().int().nullable(),
  estimatedStartAt: z.date().nullable(),
  submittedAt: z.date(),
  startedAt: z.date().nullable(),
  agents: z.array(z.string()),
});
export type TQueueEntry = z.infer<typeof ZQueueEntry>;

/**
 * The lab-wide queue: every job that waits or runs, so people see who uses what. Lab members see
 * all of it (names and commands only of their own projects' jobs); an external collaborator sees
 * only the jobs of projects they belong to.
 */
export async function queueOverview(args: { actorId: string }): Promise<TQueueEntry[]> {
  const actor = await db.user.findUniqueOrThrow({ where: { id: args.actorId }, select: { external: true } });
  const rows = await db.job.findMany({
    where: {
      state: { in: ["queued", "starting", "running"] },
      ...(actor.external ? { project: { members: { some: { userId: args.actorId } } } } : {}),
    },
    orderBy: [{ state: "desc" }, { queuePosition: "asc" }, { submittedAt: "asc" }],
    take: 1000,
    select: {
      id: true,
      name: true,
      state: true,
      stateReason: true,
      gpusPerNode: true,
      nodes: true,
      gpuType: true,
      priority: true,
      queuePosition: true,
      estimatedStartAt: true,
      submittedAt: true,
      startedAt: true,
      submittedBy: { select: { name: true, email: true } },
      project: { select: { name: true, members: { where: { userId: args.actorId }, select: { userId: true } } } },
      attempts: { where: { state: { in: ["assigned", "running"] } }, select: { nodes: { select: { agent: { select: { name: true } } } } } },
    },
  });
  return rows.map((j) => {
    const member = j.project.members.length > 0;
    return {
      id: member ? j.id : null,
      name: member ? j.name : null,
      state: j.state,
      stateReason: member ? j.stateReason : null,
      user: j.submittedBy.name ?? j.submittedBy.email.split("@")[0]!,
      project: j.project.name,
      gpus: j.gpusPerNode,
      nodes: j.nodes,
      gpuType: j.gpuType,
      priority: j.priority,
      queuePosition: j.queuePosition,
      estimatedStartAt: j.estimatedStartAt,
      submittedAt: j.submittedAt,
      startedAt: j.startedAt,
      agents: j.attempts.flatMap((a) => a.nodes.map((n) => n.agent.name)),
    };
  });
}
