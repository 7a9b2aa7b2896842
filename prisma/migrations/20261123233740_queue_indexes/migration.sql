-- DropIndex
DROP INDEX "Job_state_submittedAt_idx";

-- DropIndex
DROP INDEX "Attempt_state_idx";

-- DropIndex
DROP INDEX "AttemptNode_agentId_state_idx";

-- Hand-written (db:check ignores *_partial): indexes over live rows only. A job or attempt that
-- ends leaves these indexes instead of adding entries to them, which keeps the claim/complete
-- path's writes small (bench/claim-complete.ts).
CREATE INDEX "Job_live_partial" ON "Job" ("state") WHERE "state" IN ('starting', 'running');
CREATE INDEX "Attempt_live_partial" ON "Attempt" ("jobId") WHERE "state" IN ('assigned', 'running');
