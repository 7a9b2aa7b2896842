import { z } from "zod";
import { db } from "../db/client";
import { heartbeatTimeoutMs, type AgentGpu } from "./capacity";

export const ZAgentView = z.object({
  name: z.string(),
  pool: z.string(),
  hostname: z.string(),
  online: z.boolean(),
  draining: z.boolean(),
  simulated: z.boolean(),
  gpuType: z.string().nullable(),
  cpuSlots: z.number().int(),
  lastHeartbeatAt: z.date().nullable(),
  /**
   * How it isolates jobs, as it reported: sandboxed (null: an agent older than isolation, which
   * said nothing), the user jobs run as, and whether that user is not the agent's own.
   */
  isolation: z.object({ sandbox: z.boolean().nullable(), jobUser: z.string().nullable(), separateUser: z.boolean() }),
  /** The pool's setting: whether its jobs reach the network. */
  jobNetwork: z.boolean(),
  gpus: z.array(
    z.object({
      index: z.number().int(),
      model: z.string(),
      memoryMb: z.number(),
      utilization: z.number().nullable(),
      memoryUsedMb: z.number().nullable(),
      /** The job holding it, when the caller may see that job. */
      jobId: z.string().nullable(),
      busy: z.boolean(),
    }),
  ),
});
export type TAgentView = z.infer<typeof ZAgentView>;

/** Every agent and its GPUs, free or busy. Which job holds a GPU is shown to members of that job's project only. */
export async function listAgents(args: { actorId: string }): Promise<TAgentView[]> {
  const now = Date.now();
  const agents = await db.agent.findMany({
    orderBy: { name: "asc" },
    select: {
      name: true,
      hostname: true,
      draining: true,
      simulated: true,
      gpuType: true,
      gpus: true,
      gpuStats: true,
      cpuSlots: true,
      lastHeartbeatAt: true,
      jobSandbox: true,
      jobUser: true,
      jobUserSeparate: true,
      pool: { select: { name: true, jobNetwork: true } },
      gpuClaims: {
        select: {
          gpuIndex: true,
          node: { select: { attempt: { select: { job: { select: { id: true, project: { select: { members: { where: { userId: args.actorId }, select: { userId: true } } } } } } } } } },
        },
      },
    },
  });
  return agents.map((a) => {
    const stats = new Map((a.gpuStats as { index: number; utilization: number | null; memoryUsedMb: number | null }[]).map((s) => [s.index, s]));
    const claims = new Map(a.gpuClaims.map((c) => [c.gpuIndex, c.node.attempt.job]));
    return {
      name: a.name,
      pool: a.pool.name,
      hostname: a.hostname,
      online: a.lastHeartbeatAt !== null && now - a.lastHeartbeatAt.getTime() <= heartbeatTimeoutMs(),
      draining: a.draining,
      simulated: a.simulated,
      gpuType: a.gpuType,
      cpuSlots: a.cpuSlots,
      lastHeartbeatAt: a.lastHeartbeatAt,
      isolation: { sandbox: a.jobSandbox, jobUser: a.jobUser, separateUser: a.jobUserSeparate },
      jobNetwork: a.pool.jobNetwork,
      gpus: (a.gpus as AgentGpu[]).map((g) => {
        const job = claims.get(g.index);
        return {
          ...g,
          utilization: stats.get(g.index)?.utilization ?? null,
          memoryUsedMb: stats.get(g.index)?.memoryUsedMb ?? null,
          busy: Boolean(job),
          jobId: job && job.project.members.length ? job.id : null,
        };
      }),
    };
  });
}
