// What every end of an attempt does, whoever ends it (an agent's report, the lease sweep, a
// cancel, a heartbeat): the attempt gets its state, its nodes end, their GPU claims are released
// and its GPU time is recorded. One definition, in SQL: the single-node success statement
// (./finish-single-node-success.ts) builds on the same CTEs, and finishAttempt (../finish-attempt.ts)
// runs them before it decides what becomes of the job.
import type { Tx } from "../../db/client";

/**
 * CTEs `ended_attempt` (the attempt, if it was still assigned or running: id, jobId, startedAt),
 * `ended_nodes`, `freed` and `usage`, for the attempt `attempt` (an SQL expression) given the
 * state, reason and exit code (SQL expressions). `exceptNode`: a node the statement updates itself
 * (a row may be updated once per statement).
 */
export function attemptEndCtes(p: { attempt: string; state: string; reason: string; exitCode: string; exceptNode?: string }): string {
  return `ended_attempt AS (
       UPDATE "Attempt" a SET state = ${p.state}, reason = ${p.reason}, "exitCode" = ${p.exitCode}, "endedAt" = now()
        WHERE a.id = ${p.attempt} AND a.state IN ('assigned', 'running')
       RETURNING a.id, a."jobId", a."startedAt"),
     ended_nodes AS (
       UPDATE "AttemptNode" n SET state = 'ended', "endedAt" = now()
         FROM ended_attempt e
        WHERE n."attemptId" = e.id AND n.state <> 'ended'${p.exceptNode ? ` AND n.id <> ${p.exceptNode}` : ""}
       RETURNING n.id),
     freed AS (
       DELETE FROM "GpuClaim" g USING "AttemptNode" n, ended_attempt e
        WHERE g."attemptNodeId" = n.id AND n."attemptId" = e.id RETURNING 1),
     usage AS (
       INSERT INTO "UsageRecord" ("userId", "projectId", "jobId", "gpuSeconds", "at")
       SELECT j."submittedById", j."projectId", j.id, j."gpusPerNode" * j.nodes * GREATEST(0, EXTRACT(EPOCH FROM now() - e."startedAt")), now()
         FROM ended_attempt e JOIN "Job" j ON j.id = e."jobId"
        WHERE j."gpusPerNode" > 0 AND e."startedAt" IS NOT NULL RETURNING 1)`;
}

/** Ends the attempt (see attemptEndCtes) inside `tx`; false when it had already ended. */
export async function endAttemptStatement(tx: Tx, attemptId: string, outcome: { state: string; reason: string; exitCode: number | null }): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<{ ended: number }[]>(
    `WITH ${attemptEndCtes({ attempt: "$1", state: `$2::"AttemptState"`, reason: "$3::text", exitCode: "$4::int" })}
     SELECT (SELECT count(*) FROM ended_attempt)::int AS ended, (SELECT count(*) FROM ended_nodes), (SELECT count(*) FROM freed), (SELECT count(*) FROM usage)`,
    attemptId,
    outcome.state,
    outcome.reason,
    outcome.exitCode,
  );
  return rows[0]!.ended === 1;
}
