-- CreateTable
CREATE TABLE "LedgerJobDay" (
    "day" DATE NOT NULL,
    "jobId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "gpuType" TEXT NOT NULL,
    "amount" DECIMAL(20,6) NOT NULL,
    "seconds" DECIMAL(20,3) NOT NULL,
    "seeded" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "LedgerJobDay_pkey" PRIMARY KEY ("day","jobId","projectId","userId","poolId","gpuType","seeded")
);

-- Kept by a statement trigger, in the same statement as the entries: whoever writes the ledger (the
-- meter, seeded history, tests) keeps the per-job rollup exact, and only rows really inserted count
-- (an INSERT ... ON CONFLICT DO NOTHING's transition table holds only those).
CREATE FUNCTION ledger_job_day_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LedgerJobDay" (day, "jobId", "projectId", "userId", "poolId", "gpuType", amount, seconds, seeded)
  SELECT "startsAt"::date, "jobId", "projectId", "userId", "poolId", COALESCE("gpuType", ''), sum(amount),
         sum(GREATEST(gpus, 1) * EXTRACT(EPOCH FROM "endsAt" - "startsAt")), seeded
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 9 ORDER BY 1, 2, 3, 4, 5, 6, 9
  ON CONFLICT (day, "jobId", "projectId", "userId", "poolId", "gpuType", seeded)
  DO UPDATE SET amount = "LedgerJobDay".amount + EXCLUDED.amount, seconds = "LedgerJobDay".seconds + EXCLUDED.seconds;
  RETURN NULL;
END $$;

CREATE TRIGGER ledger_job_day AFTER INSERT ON "LedgerEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_job_day_rollup();

-- The entries written before this migration.
INSERT INTO "LedgerJobDay" (day, "jobId", "projectId", "userId", "poolId", "gpuType", amount, seconds, seeded)
SELECT "startsAt"::date, "jobId", "projectId", "userId", "poolId", COALESCE("gpuType", ''), sum(amount),
       sum(GREATEST(gpus, 1) * EXTRACT(EPOCH FROM "endsAt" - "startsAt")), seeded
  FROM "LedgerEntry" GROUP BY 1, 2, 3, 4, 5, 6, 9;
