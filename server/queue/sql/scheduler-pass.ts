// The scheduler pass's statements (the pure scheduling is in ../scheduler/): fair-share usage,
// placed jobs moved to `starting`, and waiting jobs' positions, in bulk. Caller: ../scheduler-pass.ts.
import type pg from "pg";
import { db, type Tx } from "../../db/client";

const PASS_LOCK = 7_214_002_819;

/** Waits for the lab-wide pass lock on `client` (a connection of its own, held for the pass). */
export async function lockPassStatement(client: pg.PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_lock($1)", [PASS_LOCK]);
}

export async function unlockPassStatement(client: pg.PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_unlock($1)", [PASS_LOCK]);
}

/** GPU-seconds per user and project, each decayed by its age: ended attempts' records plus running ones so far. */
export function decayedUsageStatement(at: Date, halfLifeSeconds: number): Promise<{ kind: string; id: string; usage: number }[]> {
  return db.$queryRaw`
    WITH recorded AS (
      SELECT "userId", "projectId", "gpuSeconds" * power(2, -GREATEST(0, EXTRACT(EPOCH FROM (${at}::timestamptz - "at"))) / ${halfLifeSeconds}) AS u
      FROM "UsageRecord" WHERE "at" > ${at}::timestamptz - make_interval(secs => ${halfLifeSeconds * 10})
      UNION ALL
      SELECT j."submittedById", j."projectId", j."gpusPerNode" * j."nodes" * GREATEST(0, EXTRACT(EPOCH FROM (${at}::timestamptz - a."startedAt")))
      FROM "Attempt" a JOIN "Job" j ON j.id = a."jobId" WHERE a.state = 'running' AND a."startedAt" IS NOT NULL
    )
    SELECT 'user' AS kind, "userId" AS id, SUM(u)::float8 AS usage FROM recorded GROUP BY "userId"
    UNION ALL
    SELECT 'project', "projectId", SUM(u)::float8 FROM recorded GROUP BY "projectId"`;
}

/** Placed jobs still queued become `starting` with their reason; returns those moved (a job cancelled since the load is not). */
export function markStartingStatement(tx: Tx, jobIds: string[], reasons: string[]): Promise<{ id: string; attemptCount: number; nodes: number }[]> {
  return tx.$queryRaw`
    UPDATE "Job" j SET state = 'starting', "attemptCount" = j."attemptCount" + 1, "queuePosition" = NULL,
           "estimatedStartAt" = NULL, "stateReason" = v.reason
      FROM unnest(${jobIds}::text[], ${reasons}::text[]) AS v(id, reason)
     WHERE j.id = v.id AND j.state = 'queued' AND j."heldReason" IS NULL
    RETURNING j.id, j."attemptCount", j.nodes`;
}

export type WaitingRow = { jobId: string; position: number; estimatedStartAt: number | null; reason: string };

/** Waiting jobs' queue positions, estimated starts and reasons, for those still queued. */
export async function updateWaitingStatement(rows: WaitingRow[]): Promise<void> {
  await db.$executeRaw`
    UPDATE "Job" j SET "queuePosition" = v.pos, "estimatedStartAt" = v.eta, "stateReason" = v.reason
    FROM unnest(${rows.map((w) => w.jobId)}::text[], ${rows.map((w) => w.position)}::int[],
                ${rows.map((w) => (w.estimatedStartAt === null ? null : new Date(w.estimatedStartAt)))}::timestamptz[],
                ${rows.map((w) => w.reason)}::text[]) AS v(id, pos, eta, reason)
    WHERE j.id = v.id AND j.state = 'queued'`;
}
