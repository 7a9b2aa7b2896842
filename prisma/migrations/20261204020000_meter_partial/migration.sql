-- Hand-written (db:check ignores *_partial): the nodes the meter (server/queue/sql/meter.ts) still
-- has minutes to write. A node leaves it once it has ended and is metered to its end, so the meter's
-- scan stays the size of what runs now, not of every node the lab ever ran.
CREATE INDEX "AttemptNode_unmetered_partial" ON "AttemptNode" ("attemptId")
  WHERE "state" <> 'ended' OR "meteredUntil" IS NULL OR "meteredUntil" < "endedAt";
