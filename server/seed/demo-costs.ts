// The demo's prices and five weeks of made-up history, so every cost chart has data on a fresh
// `npm run demo`: rates for the local agent's simulated "demo-gpu" and CPU slots on pool "lab"
// (dated six weeks back: a vendor quote first, then the invoice's price amortised), and past jobs of
// the demo projects' people with their ledger minutes (rolled up by the ledger's trigger), all marked `seeded`. The
// jobs are finished (succeeded, failed, cancelled) and have no nodes, so the scheduler and the meter
// never touch them; the pages show them as "seeded history", and seeded ledger rows do not lock the
// lab's currency. A handful of SQL statements over generate_series, one transaction (~0.5 s for
// ~155 jobs and ~12,500 ledger minutes, tests/costs/demo-costs.test.ts). md5 of the person's and the
// project's ids, the day and the slot stands in for random(), so the same rows give the same history.
import { db } from "../db/client";
import { ensurePool } from "../queue/agents";
import { amortisedHourlyText } from "../../lib/amortise";

export const DEMO_POOL = "lab";
export const DEMO_GPU = "demo-gpu";
/** What the ledger rows of seeded history name as their agent (there is no agent row behind them). */
export const SEEDED_AGENT = "seeded-history";
const HISTORY_DAYS = 35;
const RATES_DAYS_BACK = 42;

export type DemoStream = { projectId: string; userId: string; snapshotId: string; kind: "protein" | "vision"; /** At most this many jobs on a working day. */ busy: number };

/** The commands a stream's jobs ran, by kind of project and whether they asked for GPUs. */
const COMMANDS_SQL = `(VALUES
  ('protein', true, 0, 'python train.py --lr 3e-4'),
  ('protein', true, 1, 'python train.py --lr 1e-3 --epochs 20'),
  ('protein', true, 2, 'python train.py --model esm2-650m --lr 3e-4 --batch-size 32'),
  ('protein', true, 3, 'python train.py --model esm2-150m --lr 5e-4 --dropout 0.1'),
  ('protein', true, 4, 'python eval.py --checkpoint runs/best.pt --split test'),
  ('protein', false, 0, 'python featurize.py --split train'),
  ('protein', false, 1, 'python eval.py --checkpoint runs/best.pt --cpu'),
  ('vision', true, 0, 'python train_resnet.py --arch resnet50 --lr 0.1'),
  ('vision', true, 1, 'python train_resnet.py --arch resnet18 --augment strong'),
  ('vision', true, 2, 'python train_resnet.py --arch resnet34 --lr 0.05 --epochs 30'),
  ('vision', true, 3, 'python eval.py --crops val --tta'),
  ('vision', true, 4, 'python train_resnet.py --arch resnet50 --lr 0.2 --warmup 5'),
  ('vision', false, 0, 'python crop_tiles.py --size 224 --stride 112'),
  ('vision', false, 1, 'python eval.py --crops val --cpu')
) AS c(kind, gpu, idx, command)`;

// [0, 1) from 8 hex digits of an md5.
const r = (hex: string, at: number) => `(('x' || substr(${hex}, ${at}, 8))::bit(32)::bigint / 4294967296.0)`;

/** One row per seeded job: who, what, when, how big, how it ended. */
const PLAN_SQL = `
CREATE TEMP TABLE seed_plan ON COMMIT DROP AS
WITH streams AS (
  -- nth: the stream's place among those of its kind of project, which the big runs below pick by.
  SELECT s.project_id, s.user_id, s.snapshot_id, s.kind, s.busy, (row_number() OVER (PARTITION BY s.kind ORDER BY s.ord) - 1)::int AS nth
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) WITH ORDINALITY AS s(project_id, user_id, snapshot_id, kind, busy, ord)
),
slots AS (
  SELECT s.project_id, s.user_id, s.snapshot_id, s.kind, s.busy, d::date AS day, extract(isodow FROM d)::int AS dow, k,
         md5(s.user_id || s.project_id || d::date::text) AS dh,
         md5(s.user_id || s.project_id || d::date::text || '/' || k) AS h
    FROM streams s
   CROSS JOIN generate_series($6::date - ${HISTORY_DAYS}, $6::date - 1, interval '1 day') d
   CROSS JOIN generate_series(1, 6) k
),
routine AS (
  SELECT project_id, user_id, snapshot_id, kind, h,
         CASE WHEN ${r("h", 9)} < 0.18 THEN 0 WHEN ${r("h", 9)} < 0.62 THEN 1 WHEN ${r("h", 9)} < 0.87 THEN 2 ELSE 4 END AS gpus,
         day + interval '8 hours 30 minutes' + date_trunc('second', ${r("h", 17)} * interval '9 hours') AS started,
         ${r("h", 25)} AS rlen, ${r("md5(h)", 1)} AS rend, ${r("md5(h)", 9)} AS rcmd, ${r("md5(h)", 17)} AS rwait
    FROM slots
   WHERE (dow <= 5 AND k <= 1 + floor(${r("dh", 1)} * busy)) OR (dow > 5 AND k = 1 AND ${r("dh", 1)} < 0.3)
),
sized AS (
  SELECT *, CASE WHEN rend < 0.8 THEN 'succeeded' WHEN rend < 0.92 THEN 'failed' ELSE 'cancelled' END AS state,
         CASE WHEN gpus = 0 THEN 120 + floor(rlen * 2400) ELSE 300 + floor(rlen * rlen * 14400) END AS secs
    FROM routine
),
big(project_id, user_id, snapshot_id, kind, h, gpus, started, secs, state, command) AS (
  SELECT s.project_id, s.user_id, s.snapshot_id, s.kind, md5(s.user_id || 'big' || b.n), 4, $6::date - b.days_back + b.at, b.secs, b.state, b.command
    FROM streams s
    JOIN (VALUES
      (1, 'protein', 0, 17, interval '18 hours 10 minutes', 30 * 3600 + 1234, 'succeeded', 'python train.py --model esm2-3b --lr 1e-4 --epochs 40 --batch-size 64'),
      (2, 'protein', 1, 25, interval '10 hours 5 minutes', 7 * 3600 + 611, 'failed', 'python train.py --model esm2-650m --lr 3e-3 --epochs 40'),
      (3, 'vision', 0, 9, interval '19 hours', 20 * 3600 + 2718, 'succeeded', 'python train_resnet.py --arch resnet152 --epochs 90 --lr 0.1')
    ) AS b(n, kind, stream_in_kind, days_back, at, secs, state, command)
      ON b.kind = s.kind AND b.stream_in_kind = s.nth
),
jobs AS (
  SELECT x.project_id, x.user_id, x.snapshot_id, x.h, x.gpus, x.started,
         (CASE WHEN x.state = 'failed' THEN ceil(x.secs * 0.3) ELSE x.secs END)::int AS secs, x.state,
         c.command, date_trunc('second', x.rwait * interval '12 minutes') + interval '20 seconds' AS waited
    FROM sized x
    JOIN ${COMMANDS_SQL} ON c.kind = x.kind AND c.gpu = (x.gpus > 0)
     AND c.idx = floor(x.rcmd * CASE WHEN x.gpus > 0 THEN 5 ELSE 2 END)
  UNION ALL
  SELECT project_id, user_id, snapshot_id, h, gpus, started, secs, state, command, interval '3 minutes' FROM big
)
SELECT 'seed' || substr(h, 1, 21) AS job_id, 'seeda' || substr(md5(h), 1, 20) AS attempt_id, 'seedn' || substr(md5(h), 12, 20) AS node_id,
       project_id, user_id, snapshot_id, gpus, CASE WHEN gpus > 0 THEN '${DEMO_GPU}' END AS gpu_type, command, state,
       started - waited AS submitted, started, started + secs * interval '1 second' AS ended, secs
  FROM jobs`;

const JOBS_SQL = `
INSERT INTO "Job" (id, "projectId", "submittedById", name, command, "snapshotId", nodes, "gpusPerNode", "gpuType", "maxRuntimeSeconds",
                   state, "stateReason", "attemptCount", "failedAttempts", "exitCode", "submittedAt", "startedAt", "endedAt", "cancelRequestedAt", pools, seeded)
SELECT job_id, project_id, user_id, left(command, 80), command, snapshot_id, 1, gpus, gpu_type, GREATEST(4 * 3600, (ceil(secs / 3600.0) + 2) * 3600)::int,
       state::"JobState", CASE state WHEN 'succeeded' THEN 'exited with status 0' WHEN 'failed' THEN 'exited with status 1' ELSE 'cancelled' END,
       1, CASE WHEN state = 'failed' THEN 1 ELSE 0 END, CASE state WHEN 'succeeded' THEN 0 WHEN 'failed' THEN 1 END,
       submitted, started, ended, CASE WHEN state = 'cancelled' THEN ended - interval '2 seconds' END, ARRAY['${DEMO_POOL}'], true
  FROM seed_plan`;

const ATTEMPTS_SQL = `
INSERT INTO "Attempt" (id, "jobId", number, state, reason, "exitCode", "assignedAt", "startedAt", "endedAt")
SELECT attempt_id, job_id, 1, state::"AttemptState", CASE state WHEN 'succeeded' THEN 'exited with status 0' WHEN 'failed' THEN 'exited with status 1' ELSE 'cancelled' END,
       CASE state WHEN 'succeeded' THEN 0 WHEN 'failed' THEN 1 END, started - interval '4 seconds', started, ended
  FROM seed_plan`;

/** The meter's rule, over the plan: minute k from the start, the last cut at the end, at the rate in force at its start. */
const LEDGER_SQL = `
INSERT INTO "LedgerEntry" ("attemptNodeId", minute, "startsAt", "endsAt", "jobId", "attemptId", "projectId", "userId",
                           "poolId", "agentId", "gpuType", gpus, "rateId", hourly, amount, seeded)
SELECT p.node_id, k, m.s, m.e, p.job_id, p.attempt_id, p.project_id, p.user_id, $1, '${SEEDED_AGENT}', p.gpu_type, p.gpus,
       rate.id, COALESCE(rate.hourly, 0), round(COALESCE(rate.hourly, 0) * GREATEST(p.gpus, 1) * EXTRACT(EPOCH FROM m.e - m.s) / 3600, 6), true
  FROM seed_plan p
 CROSS JOIN generate_series(0, ceil(p.secs / 60.0)::int - 1) AS k
 CROSS JOIN LATERAL (SELECT p.started + k * interval '1 minute' AS s, LEAST(p.started + (k + 1) * interval '1 minute', p.ended) AS e) m
  LEFT JOIN LATERAL (
    SELECT id, hourly FROM "Rate"
     WHERE "poolId" = $1 AND "gpuType" IS NOT DISTINCT FROM p.gpu_type AND "effectiveFrom" <= m.s
     ORDER BY "effectiveFrom" DESC, "createdAt" DESC LIMIT 1) rate ON true`;

/** The rates the demo starts with, as a director would have set them (amortisation inputs kept). */
function demoRates(today: Date) {
  const back = (days: number) => new Date(today.getTime() - days * 86_400_000);
  const gpu = { purchasePrice: "30000", years: "4", hoursPerYear: "8760", utilisation: "100" };
  const cpu = { purchasePrice: "1200", years: "4", hoursPerYear: "8760", utilisation: "100" };
  return [
    { gpuType: DEMO_GPU, hourly: "1.1000", effectiveFrom: back(RATES_DAYS_BACK), source: "Vendor quote Q-2291 before delivery, per GPU (seeded demo)", amortisation: null },
    { gpuType: DEMO_GPU, hourly: amortisedHourlyText(gpu)!, effectiveFrom: back(21), source: "Invoice 2026-118: 8-GPU server at 240,000, per GPU (seeded demo)", amortisation: { ...gpu, per: "gpu" } },
    { gpuType: null, hourly: amortisedHourlyText(cpu)!, effectiveFrom: back(RATES_DAYS_BACK), source: "CPU nodes at 38,400 for 32 slots, per slot (seeded demo)", amortisation: { ...cpu, per: "gpu" } },
  ];
}

/**
 * Seeds the demo's rates and history unless the lab already has a ledger or seeded jobs (a later
 * start, or a lab that ran jobs before this existed: its history is never rewritten). Returns
 * how many jobs it seeded (0: nothing done).
 */
export async function seedDemoCosts(args: { streams: DemoStream[]; directorId: string | null; now?: Date }): Promise<number> {
  const now = args.now ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const pool = await ensurePool(DEMO_POOL);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('demo-costs'))`;
      const [done] = await tx.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "Job" WHERE seeded) OR EXISTS (SELECT 1 FROM "LedgerEntry") AS any`;
      if (done?.any) return 0;
      if ((await tx.rate.count({ where: { poolId: pool.id } })) === 0) {
        await tx.rate.createMany({ data: demoRates(today).map((r) => ({ ...r, poolId: pool.id, kind: "owned" as const, createdById: args.directorId, amortisation: r.amortisation ?? undefined })) });
      }
      const s = args.streams;
      await tx.$executeRawUnsafe(PLAN_SQL, s.map((x) => x.projectId), s.map((x) => x.userId), s.map((x) => x.snapshotId), s.map((x) => x.kind), s.map((x) => x.busy), today.toISOString().slice(0, 10));
      const jobs = await tx.$executeRawUnsafe(JOBS_SQL);
      await tx.$executeRawUnsafe(ATTEMPTS_SQL);
      await tx.$executeRawUnsafe(LEDGER_SQL, pool.id);
      return jobs;
    },
    { timeout: 30_000 },
  );
}
