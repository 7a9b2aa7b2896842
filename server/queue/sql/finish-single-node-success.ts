// The common end, in one statement: the only node of a single-node attempt exited 0. The attempt
// and job succeed, the GPUs are released and the usage recorded. Returns false when this is not
// that case (the caller takes the general path). Caller: nodeEnded in ../node-reports.ts.
import { sql } from "../../db/pool";
import { CHANNEL } from "../notify";

export async function finishSingleNodeSuccessStatement(nodeId: string, agentId: string, fencingToken: string): Promise<boolean> {
  const { rows } = await sql.query<{ done: number }>({
    name: "benchtop_finish_single_node_success",
    text: `WITH node AS (
       UPDATE "AttemptNode" n SET state = 'ended', "exitCode" = 0, "endedAt" = now()
         FROM "Attempt" a, "Job" j
        WHERE n.id = $1 AND n."agentId" = $2 AND n.state = 'running' AND n."fencingToken" = $3::bigint
          AND a.id = n."attemptId" AND a.state IN ('assigned', 'running') AND j.id = a."jobId" AND j.nodes = 1
       RETURNING n.id, n."attemptId", a."jobId", a."startedAt"),
     claims AS (DELETE FROM "GpuClaim" g USING node WHERE g."attemptNodeId" = node.id RETURNING 1),
     attempt AS (
       UPDATE "Attempt" a SET state = 'succeeded', reason = 'exited with status 0', "exitCode" = 0, "endedAt" = now()
         FROM node WHERE a.id = node."attemptId" RETURNING a.id),
     job AS (
       UPDATE "Job" j
          SET state = CASE WHEN j."cancelRequestedAt" IS NULL THEN 'succeeded' ELSE 'cancelled' END::"JobState",
              "stateReason" = CASE WHEN j."cancelRequestedAt" IS NULL THEN 'exited with status 0' ELSE 'cancelled' END,
              "exitCode" = 0, "endedAt" = now()
         FROM node WHERE j.id = node."jobId"
       RETURNING j.id, j."submittedById", j."projectId", j."gpusPerNode", node."startedAt"),
     usage AS (
       INSERT INTO "UsageRecord" ("userId", "projectId", "jobId", "gpuSeconds", "at")
       SELECT "submittedById", "projectId", id, "gpusPerNode" * GREATEST(0, EXTRACT(EPOCH FROM now() - "startedAt")), now()
         FROM job WHERE "gpusPerNode" > 0 AND "startedAt" IS NOT NULL RETURNING 1),
     -- Wake the scheduler only when something waits for the freed capacity: NOTIFY serialises
     -- commits on a global lock, and on an idle queue nobody needs the wake-up.
     notified AS (
       SELECT pg_notify('${CHANNEL.job}', id),
              CASE WHEN EXISTS (SELECT 1 FROM "Job" WHERE state = 'queued') THEN pg_notify('${CHANNEL.queue}', 'ended') END
         FROM job)
     SELECT (SELECT count(*) FROM node)::int AS done, (SELECT count(*) FROM claims), (SELECT count(*) FROM attempt),
            (SELECT count(*) FROM usage), (SELECT count(*) FROM notified)`,
    values: [nodeId, agentId, fencingToken],
  });
  return rows[0]!.done === 1;
}
