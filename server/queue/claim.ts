// Agents claim the nodes a scheduler pass assigned them. One statement claims and takes a fresh
// fencing token (graphile-worker style: UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED)).
import { db } from "../db/client";
import type { TAssignment } from "../agent-api/protocol";
import { notifications, CHANNEL } from "./notify";

type ClaimedRow = { id: string; attemptId: string; nodeRank: number; gpuIndices: number[]; fencingToken: bigint };

export async function claimNodes(agentId: string, limit = 32): Promise<TAssignment[]> {
  const claimed = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "AttemptNode" n
       SET state = 'running', "fencingToken" = nextval('benchtop_fencing_seq'), "claimedAt" = now(), "heartbeatAt" = now()
      FROM (SELECT id FROM "AttemptNode" WHERE "agentId" = ${agentId} AND state = 'assigned'
            ORDER BY id FOR UPDATE SKIP LOCKED LIMIT ${limit}) c
     WHERE n.id = c.id
    RETURNING n.id, n."attemptId", n."nodeRank", n."gpuIndices", n."fencingToken"`;
  if (claimed.length === 0) return [];
  const attempts = await db.attempt.findMany({
    where: { id: { in: claimed.map((c) => c.attemptId) } },
    select: {
      id: true,
      number: true,
      masterAddr: true,
      masterPort: true,
      job: {
        select: {
          id: true,
          name: true,
          command: true,
          env: true,
          snapshotId: true,
          nodes: true,
          maxRuntimeSeconds: true,
          graceSeconds: true,
          project: { select: { slug: true } },
          checkpoints: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true } },
        },
      },
    },
  });
  const byId = new Map(attempts.map((a) => [a.id, a]));
  return claimed.map((c) => {
    const a = byId.get(c.attemptId)!;
    return {
      nodeId: c.id,
      fencingToken: c.fencingToken.toString(),
      jobId: a.job.id,
      jobName: a.job.name,
      projectSlug: a.job.project.slug,
      attemptNumber: a.number,
      nodeRank: c.nodeRank,
      nodes: a.job.nodes,
      gpuIndices: c.gpuIndices,
      command: a.job.command,
      env: a.job.env as Record<string, string>,
      snapshotId: a.job.snapshotId,
      maxRuntimeSeconds: a.job.maxRuntimeSeconds,
      graceSeconds: a.job.graceSeconds,
      masterAddr: a.masterAddr,
      masterPort: a.masterPort,
      checkpointId: a.job.checkpoints[0]?.id ?? null,
    };
  });
}

/** Long poll: claims at once if there is work, else waits for a NOTIFY (or the timeout) and tries again. */
export async function waitForAssignments(agentId: string, waitMs: number, signal?: AbortSignal): Promise<TAssignment[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const claimed = await claimNodes(agentId);
    const left = deadline - Date.now();
    if (claimed.length > 0 || left <= 0 || signal?.aborted) return claimed;
    await notifications.wait(CHANNEL.agent, agentId, Math.min(left, 5_000), signal);
  }
}
