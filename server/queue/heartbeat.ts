// Heartbeats keep an agent's leases alive (pg-boss's "heartbeat vs expiration": being alive is
// this; running too long is the max runtime, enforced by the agent and by the job's end report).
import type { z } from "zod";
import type { ZHeartbeatRequest, ZHeartbeatResponse } from "../../contract/agent-protocol";
import { db } from "../db/client";

export async function agentHeartbeat(agentId: string, body: z.infer<typeof ZHeartbeatRequest>): Promise<z.infer<typeof ZHeartbeatResponse>> {
  const agent = await db.agent.update({
    where: { id: agentId },
    data: { lastHeartbeatAt: new Date(), gpuStats: body.gpuStats },
    select: { draining: true },
  });
  if (body.nodes.length === 0) return { cancel: [], lost: [], draining: agent.draining };
  const ids = body.nodes.map((n) => n.nodeId);
  const tokens = body.nodes.map((n) => {
    try {
      return BigInt(n.fencingToken).toString();
    } catch {
      return "-1";
    }
  });
  const alive = await db.$queryRaw<{ id: string; cancel: boolean }[]>`
    UPDATE "AttemptNode" n SET "heartbeatAt" = now()
      FROM unnest(${ids}::text[], ${tokens}::bigint[]) AS r(id, token), "Attempt" a, "Job" j
     WHERE n.id = r.id AND n."fencingToken" = r.token AND n."agentId" = ${agentId} AND n.state = 'running'
       AND a.id = n."attemptId" AND j.id = a."jobId"
    RETURNING n.id, (j."cancelRequestedAt" IS NOT NULL) AS cancel`;
  const aliveIds = new Set(alive.map((a) => a.id));
  return {
    cancel: alive.filter((a) => a.cancel).map((a) => a.id),
    lost: ids.filter((id) => !aliveIds.has(id)),
    draining: agent.draining,
  };
}
