// Row locks that order the reports of one job or attempt: two agents' reports (or a report and a
// heartbeat's cancel) about the same attempt take it in turn, so exactly one of them ends it.
// Callers: ../node-reports.ts, ../heartbeat.ts.
import type { Tx } from "../../db/client";

/** Holds the job's row until the transaction ends (log batches of one job are numbered in turn). */
export async function lockJobRow(tx: Tx, jobId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Job" WHERE id = ${jobId} FOR UPDATE`;
}

/** Holds the attempt's row until the transaction ends. */
export async function lockAttemptRow(tx: Tx, attemptId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Attempt" WHERE id = ${attemptId} FOR UPDATE`;
}

/** Adds `lines` to the job's line count; returns the count after (the new lines' numbers end there). */
export async function countLogLinesStatement(tx: Tx, jobId: string, lines: number): Promise<number> {
  const rows = await tx.$queryRaw<{ logLineCount: number }[]>`
    UPDATE "Job" SET "logLineCount" = "logLineCount" + ${lines} WHERE id = ${jobId} RETURNING "logLineCount"`;
  return rows[0]!.logLineCount;
}
