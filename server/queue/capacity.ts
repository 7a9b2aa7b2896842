// The queue's view of capacity, loaded from the database into the scheduler's plain shapes.
import { db } from "../db/client";
import { env } from "../env";
import type { SchedAgent } from "./scheduler";

export const heartbeatTimeoutMs = () => env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS * 1000;
export const heartbeatIntervalMs = () => Math.max(500, Math.min(5000, Math.floor(heartbeatTimeoutMs() / 4)));
/** How long an agent goes without an answered heartbeat before its watchdog stops its jobs (cli/agent/lease-watchdog.ts). */
export const agentSelfStopMs = () => heartbeatTimeoutMs() - heartbeatIntervalMs();
/**
 * How long a supervisor that just took over (a server restart) waits before it judges any lease:
 * longer than an agent goes before stopping its jobs, plus a heartbeat to reach us, so a restart
 * shorter than the agents' self-stop loses nothing.
 */
export const restartGraceMs = () => agentSelfStopMs() + 2 * heartbeatIntervalMs();

export type AgentGpu = { index: number; model: string; memoryMb: number };

/** Every registered agent with what is free on it right now. */
export async function loadAgents(now = Date.now()): Promise<(SchedAgent & { online: boolean; draining: boolean })[]> {
  const [agents, claims, cpuNodes] = await Promise.all([
    db.agent.findMany({
      where: { registeredAt: { not: null } },
      select: { id: true, name: true, pool: { select: { name: true } }, gpuType: true, gpus: true, cpuSlots: true, draining: true, lastHeartbeatAt: true },
      orderBy: { id: "asc" },
    }),
    db.gpuClaim.findMany({ select: { agentId: true, gpuIndex: true } }),
    db.attemptNode.groupBy({ by: ["agentId"], where: { cpuSlot: true, state: { not: "ended" } }, _count: { _all: true } }),
  ]);
  const busy = new Map<string, Set<number>>();
  for (const c of claims) (busy.get(c.agentId) ?? busy.set(c.agentId, new Set()).get(c.agentId)!).add(c.gpuIndex);
  const cpuBusy = new Map(cpuNodes.map((n) => [n.agentId, n._count._all]));
  return agents.map((a) => {
    const gpus = (a.gpus as AgentGpu[]).map((g) => g.index).sort((x, y) => x - y);
    const taken = busy.get(a.id) ?? new Set<number>();
    const online = a.lastHeartbeatAt !== null && now - a.lastHeartbeatAt.getTime() <= heartbeatTimeoutMs();
    return {
      id: a.id,
      name: a.name,
      // Pools are named uniquely; the scheduler gets names, so its sentences read "in pool lab".
      poolId: a.pool.name,
      gpuType: a.gpuType,
      gpus,
      freeGpus: gpus.filter((g) => !taken.has(g)),
      cpuSlots: a.cpuSlots,
      freeCpuSlots: Math.max(0, a.cpuSlots - (cpuBusy.get(a.id) ?? 0)),
      schedulable: online && !a.draining,
      online,
      draining: a.draining,
    };
  });
}
