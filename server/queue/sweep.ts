// The supervisory sweep: leases whose heartbeat stopped are taken back (the attempt ends `lost`,
// the job is requeued to resume from its checkpoint), and assignments no agent claimed in time
// are given back. Run by the supervisor under the queue lock.
import { db } from "../db/client";
import { log } from "../log";
import { heartbeatTimeoutMs } from "./capacity";
import { finishAttempt } from "./finish-attempt";

export async function sweepExpiredLeases(now = Date.now()): Promise<number> {
  const cutoff = new Date(now - heartbeatTimeoutMs());
  const stale = await db.attemptNode.findMany({
    where: {
      OR: [
        { state: "running", heartbeatAt: { lt: cutoff } },
        // Assigned to an agent that has not claimed it within a timeout (it went away).
        { state: "assigned", attempt: { assignedAt: { lt: cutoff } }, agent: { OR: [{ lastHeartbeatAt: null }, { lastHeartbeatAt: { lt: cutoff } }] } },
      ],
      attempt: { state: { in: ["assigned", "running"] } },
    },
    select: { attemptId: true, state: true, agent: { select: { name: true } } },
  });
  const attempts = new Map(stale.map((n) => [n.attemptId, n]));
  for (const [attemptId, node] of attempts) {
    const reason =
      node.state === "running"
        ? `agent ${node.agent.name} stopped answering for ${Math.round(heartbeatTimeoutMs() / 1000)} s`
        : `agent ${node.agent.name} never picked it up`;
    await db.$transaction((tx) => finishAttempt(tx, attemptId, { state: "lost", reason, exitCode: null }));
    log.warn({ attemptId, reason }, "attempt lost");
  }
  return attempts.size;
}
