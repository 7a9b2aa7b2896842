// Heartbeats keep an agent's leases alive (pg-boss's "heartbeat vs expiration": being alive is
// this; running too long is the max runtime, enforced by the agent and by the job's end report).
import type { z } from "zod";
import type { ZHeartbeatRequest, ZHeartbeatResponse } from "../../contract/agent-protocol";
import { db } from "../db/client";
import { finishAttempt } from "./finish-attempt";
import { renewLeasesStatement } from "./sql/renew-leases";
import { lockAttemptRow } from "./sql/row-locks";

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
  const alive = await renewLeasesStatement(agentId, ids, tokens);
  // Cancelled, and its process already gone while the agent still delivers its end (a server that
  // keeps refusing a report, say): the attempt ends here. The node's lease goes with it, so the
  // agent stops reporting and cleans up.
  const exited = new Set(body.nodes.filter((n) => n.exited).map((n) => n.nodeId));
  const ended = new Set<string>();
  for (const a of alive.filter((a) => a.cancel && exited.has(a.id))) {
    await db.$transaction(async (tx) => {
      // As an end report does: one of them ends the attempt, the other finds it ended.
      await lockAttemptRow(tx, a.attemptId);
      await finishAttempt(tx, a.attemptId, { state: "cancelled", reason: "cancelled after its process had exited, before its end was reported", exitCode: null });
    });
    ended.add(a.id);
  }
  const aliveIds = new Set(alive.filter((a) => !ended.has(a.id)).map((a) => a.id));
  return {
    cancel: alive.filter((a) => a.cancel && !ended.has(a.id)).map((a) => a.id),
    lost: ids.filter((id) => !aliveIds.has(id)),
    draining: agent.draining,
  };
}
