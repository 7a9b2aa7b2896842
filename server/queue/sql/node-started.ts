// The node's process runs: its attempt and job become running, in one statement with the lease
// checked in it. Returns the job's id, or null when the lease is not this agent's (any more).
// `fencingToken` is already checked to be digits (../node-reports.ts). Caller: nodeStarted.
import { sql } from "../../db/pool";
import { CHANNEL } from "../notify";

export async function nodeStartedStatement(nodeId: string, agentId: string, fencingToken: string): Promise<string | null> {
  const { rows } = await sql.query<{ jobId: string | null }>({
    name: "benchtop_node_started",
    text: `WITH node AS (
       SELECT n."attemptId", a."jobId" FROM "AttemptNode" n JOIN "Attempt" a ON a.id = n."attemptId"
        WHERE n.id = $1 AND n."agentId" = $2 AND n.state = 'running' AND n."fencingToken" = $3::bigint),
     attempt AS (
       UPDATE "Attempt" SET state = 'running', "startedAt" = now()
        WHERE id = (SELECT "attemptId" FROM node) AND state = 'assigned' RETURNING id),
     job AS (
       UPDATE "Job" SET state = 'running', "stateReason" = 'running', "startedAt" = now()
        WHERE id = (SELECT "jobId" FROM node) AND state IN ('starting', 'queued') RETURNING id),
     notified AS (SELECT pg_notify('${CHANNEL.job}', "jobId") FROM node)
     SELECT (SELECT "jobId" FROM node) AS "jobId", (SELECT count(*) FROM attempt), (SELECT count(*) FROM job), (SELECT count(*) FROM notified)`,
    values: [nodeId, agentId, fencingToken],
  });
  return rows[0]?.jobId ?? null;
}
