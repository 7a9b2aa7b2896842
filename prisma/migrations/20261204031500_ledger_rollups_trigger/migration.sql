-- Hand-written: both daily rollups of the ledger (LedgerDay, LedgerJobDay) kept by one statement
-- trigger on LedgerEntry, in the inserting statement itself. Whoever writes entries (the meter,
-- the demo's seeded history, tests, benches) keeps them exact without knowing they exist, and only
-- rows really inserted count: an INSERT ... ON CONFLICT DO NOTHING's transition table holds only
-- those. Each upsert takes its rows in key order, so two meters never deadlock on a rollup.
DROP TRIGGER ledger_job_day ON "LedgerEntry";
DROP FUNCTION ledger_job_day_rollup();

CREATE FUNCTION ledger_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LedgerDay" (day, "projectId", "userId", "poolId", "gpuType", amount, seconds, seeded)
  SELECT "startsAt"::date, "projectId", "userId", "poolId", COALESCE("gpuType", ''), sum(amount),
         sum(GREATEST(gpus, 1) * EXTRACT(EPOCH FROM "endsAt" - "startsAt")), seeded
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 8 ORDER BY 1, 2, 3, 4, 5, 8
  ON CONFLICT (day, "projectId", "userId", "poolId", "gpuType", seeded)
  DO UPDATE SET amount = "LedgerDay".amount + EXCLUDED.amount, seconds = "LedgerDay".seconds + EXCLUDED.seconds;

  INSERT INTO "LedgerJobDay" (day, "jobId", "projectId", "userId", "poolId", "gpuType", amount, seconds, seeded)
  SELECT "startsAt"::date, "jobId", "projectId", "userId", "poolId", COALESCE("gpuType", ''), sum(amount),
         sum(GREATEST(gpus, 1) * EXTRACT(EPOCH FROM "endsAt" - "startsAt")), seeded
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 9 ORDER BY 1, 2, 3, 4, 5, 6, 9
  ON CONFLICT (day, "jobId", "projectId", "userId", "poolId", "gpuType", seeded)
  DO UPDATE SET amount = "LedgerJobDay".amount + EXCLUDED.amount, seconds = "LedgerJobDay".seconds + EXCLUDED.seconds;
  RETURN NULL;
END $$;

CREATE TRIGGER ledger_rollups AFTER INSERT ON "LedgerEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_rollups();
