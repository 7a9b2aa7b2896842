// The meter: one statement that writes the ledger. For every node of a started attempt that is not
// fully metered, it inserts each missing minute from the attempt's start (whole minutes while the node
// runs, the last one cut at its end, to the millisecond, once it ended) at the rate in force at the
// minute's start; the daily rollups (LedgerDay, LedgerJobDay) get exactly what it inserted from the
// ledger's statement trigger, in the same statement (migration 20261204031500_ledger_rollups_trigger).
// The unique (node, minute) key is what makes a replay, a restart or two app processes metering at
// once charge each minute once: only rows this statement inserted are rolled up. A job's cost is the sum of
// its entries (read by jobId), not a column the meter would update: the meter takes no lock but its
// own nodes' (FOR UPDATE SKIP LOCKED: a node a heartbeat or an end holds is metered next time), so it
// never waits on, or deadlocks with, the queue's own statements.
import type { Tx } from "../../db/client";
import { sql } from "../../db/pool";

/**
 * Running nodes are metered up to the last whole minute at least LAG before now, so a node whose end
 * is being committed at this moment is not charged a whole minute it only partly ran.
 */
const meterSql = (oneAttempt: boolean) => `
WITH nodes AS (
  SELECT n.id AS node_id, n."attemptId" AS attempt_id, a."jobId" AS job_id, j."projectId" AS project_id,
         j."submittedById" AS user_id, ag."poolId" AS pool_id, ag.id AS agent_id,
         CASE WHEN n."cpuSlot" THEN NULL ELSE ag."gpuType" END AS gpu_type,
         CASE WHEN n."cpuSlot" THEN 0 ELSE j."gpusPerNode" END AS gpus,
         CASE WHEN n."cpuSlot" THEN 1 ELSE j."gpusPerNode" END AS units,
         j.seeded, a."startedAt" AS t0,
         CASE WHEN COALESCE(n."endedAt", a."endedAt") IS NOT NULL THEN GREATEST(COALESCE(n."endedAt", a."endedAt"), a."startedAt")
              ELSE a."startedAt" + floor(GREATEST(0, EXTRACT(EPOCH FROM (now() - interval '10 seconds')::timestamp(3) - a."startedAt")) / 60) * interval '1 minute'
         END AS upto,
         n."meteredUntil" AS metered
    FROM "AttemptNode" n
    JOIN "Attempt" a ON a.id = n."attemptId"
    JOIN "Job" j ON j.id = a."jobId"
    JOIN "Agent" ag ON ag.id = n."agentId"
   WHERE (n.state <> 'ended' OR n."meteredUntil" IS NULL OR n."meteredUntil" < n."endedAt") -- "AttemptNode_unmetered_partial"
     AND (a."startedAt" IS NOT NULL OR n.state = 'ended') -- a node that ended before its attempt started is marked done, no minutes
     -- A running node is touched only when its next whole minute is due (its first one 70 s after its
     -- start), so a meter run every second locks nothing that has nothing to charge: above all not a
     -- short job's node whose end report is coming.
     AND (n.state = 'ended' OR COALESCE(n."meteredUntil", a."startedAt") <= (now() - interval '70 seconds')::timestamp(3))
     ${oneAttempt ? `AND n."attemptId" = $1::text` : ""}
     FOR UPDATE OF n SKIP LOCKED
),
minutes AS (
  SELECT x.*, k AS minute, x.t0 + k * interval '1 minute' AS s, LEAST(x.t0 + (k + 1) * interval '1 minute', x.upto) AS e
    FROM nodes x,
         generate_series(COALESCE(floor(EXTRACT(EPOCH FROM x.metered - x.t0) / 60)::int, 0),
                         ceil(EXTRACT(EPOCH FROM x.upto - x.t0) / 60)::int - 1) AS k
),
priced AS (
  SELECT m.*, r.id AS rate_id, COALESCE(r.hourly, 0) AS hourly
    FROM minutes m
    LEFT JOIN LATERAL (
      SELECT id, hourly FROM "Rate"
       WHERE "poolId" = m.pool_id AND "gpuType" IS NOT DISTINCT FROM m.gpu_type AND "effectiveFrom" <= m.s
       ORDER BY "effectiveFrom" DESC, "createdAt" DESC LIMIT 1) r ON true
   WHERE m.e > m.s
),
inserted AS (
  INSERT INTO "LedgerEntry" ("attemptNodeId", minute, "startsAt", "endsAt", "jobId", "attemptId", "projectId", "userId",
                             "poolId", "agentId", "gpuType", gpus, "rateId", hourly, amount, seeded)
  SELECT node_id, minute, s, e, job_id, attempt_id, project_id, user_id, pool_id, agent_id, gpu_type, gpus, rate_id, hourly,
         round(hourly * units * EXTRACT(EPOCH FROM e - s) / 3600, 6), seeded
    FROM priced
   ORDER BY node_id, minute
  ON CONFLICT ("attemptNodeId", minute) DO NOTHING
  RETURNING 1
),
marked AS (
  UPDATE "AttemptNode" n SET "meteredUntil" = GREATEST(COALESCE(n."meteredUntil", x.upto), x.upto)
    FROM nodes x WHERE n.id = x.node_id AND n."meteredUntil" IS DISTINCT FROM GREATEST(COALESCE(n."meteredUntil", x.upto), x.upto)
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS entries, (SELECT count(*) FROM marked)::int AS nodes`;
/** Two statements, so metering one attempt is planned on the attempt's index, not on a filter that may be null. */
const ONE_ATTEMPT = meterSql(true);
const ALL_NODES = meterSql(false);

/** Meters every unmetered minute of one attempt, or of every attempt with `attemptId` null; the number of entries written. */
export async function meterStatement(attemptId: string | null, tx?: Tx): Promise<number> {
  const [name, text, values] = attemptId === null ? ["benchtop_meter_all", ALL_NODES, []] : ["benchtop_meter_attempt", ONE_ATTEMPT, [attemptId]];
  if (tx) return (await tx.$queryRawUnsafe<{ entries: number }[]>(text, ...values))[0]!.entries;
  // Prepared once per connection: the statement is long, and the supervisor runs it every second.
  return (await sql.query<{ entries: number }>({ name, text, values })).rows[0]!.entries;
}
