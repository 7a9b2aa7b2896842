// The common end, in one statement: the only node of a single-node attempt exited 0. The attempt
// ends as every attempt does (./end-attempt.ts: nodes, GPUs, usage) and the job succeeds. Returns
// false when this is not that case (the caller takes the general path). Caller: nodeEnded in
// ../node-reports.ts.
import { sql } from "../../db/pool";
import { attemptEndCtes } from "./end-attempt";
import { CHANNEL } from "../notify";

export async function finishSingleNodeSuccessStatement(nodeId: string, agentId: string, fencingToken: string): Promise<boolean> {
  const { rows } = await sql.query<{ done: number }>({
    name: "benchtop_finish_single_node_success",
    text: `WITH node AS (
       UPDATE "AttemptNode" n SET state = 'ended', "exitCode" = 0, "endedAt" = now()
         FROM "Attempt" a, "Job" j
        WHERE n.id = $1 AND n."agentId" = $2 AND n.state = 'running' AND n."fencingToken" = $3::bigint
          AND a.id = n."attemptId" AND a.state IN ('assigned', 'running') AND j.id = a."jobId" AND j.nodes = 1
       RETURNING n.id, n."attemptId"),
     ${attemptEndCtes({ attempt: `(SELECT "attemptId" FROM node)`, state: `'succeeded'`, reason: `'exited with status 0'`, exitCode: "0", exceptNode: `(SELECT id FROM node)` })},
     job AS (
       UPDATE "Job" j
          SET state = CASE WHEN j."cancelRequestedAt" IS NULL THEN 'succeeded' ELSE 'cancelled' END::"JobState",
              "stateReason" = CASE WHEN j."cancelRequestedAt" IS NULL THEN 'exited with status 0' ELSE 'cancelled' END,
              "exitCode" = 0, "endedAt" = now()
         FROM ended_attempt e WHERE j.id = e."jobId"
       RETURNING j.id),
     -- Wake the scheduler only when something waits for the freed capacity: NOTIFY serialises
     -- commits on a global lock, and on an idle queue nobody needs the wake-up.
     notified AS (
       SELECT pg_notify('${CHANNEL.job}', id),
              CASE WHEN EXISTS (SELECT 1 FROM "Job" WHERE state = 'queued') THEN pg_notify('${CHANNEL.queue}', 'ended') END
         FROM job)
     SELECT (SELECT count(*) FROM node)::int AS done, (SELECT count(*) FROM ended_attempt), (SELECT count(*) FROM ended_nodes),
            (SELECT count(*) FROM freed), (SELECT count(*) FROM usage), (SELECT count(*) FROM notified)`,
    values: [nodeId, agentId, fencingToken],
  });
  return rows[0]!.done === 1;
}
