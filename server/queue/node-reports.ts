// What agents report about the nodes they run. Each report checks the lease first (lease.ts).
import type { z } from "zod";
import type { ZArtifactsRequest, ZCheckpointRequest, ZEndedRequest, ZLogsRequest } from "../../contract/agent-protocol";
import { db } from "../db/client";
import { AppError } from "../errors";
import { missingBlobs, putManifest, assertSafeRelativePath } from "../storage/blobs";
import { finishAttempt } from "./finish-attempt";
import { LeaseLostError, requireLease } from "./lease";
import { finishSingleNodeSuccessStatement } from "./sql/finish-single-node-success";
import { nodeStartedStatement } from "./sql/node-started";
import { countLogLinesStatement, lockAttemptRow, lockJobRow } from "./sql/row-locks";
import { parseMetricLine } from "../../contract/metrics-protocol";
import { CHANNEL, notify } from "./notify";

/** The node's process runs: its attempt and job are running (one statement, lease checked in it). */
export async function nodeStarted(agentId: string, nodeId: string, fencingToken: string): Promise<void> {
  const jobId = await nodeStartedStatement(nodeId, agentId, asToken(fencingToken, nodeId));
  if (!jobId) throw new LeaseLostError(nodeId);
}

function asToken(fencingToken: string, nodeId: string): string {
  if (!/^\d{1,19}$/.test(fencingToken)) throw new LeaseLostError(nodeId);
  return fencingToken;
}

/**
 * The common end, in one statement: the only node of a single-node attempt exited 0. The attempt
 * and job succeed, the GPUs are released and the usage recorded. Returns false when this is not
 * that case (the caller takes the general path).
 */
async function finishSingleNodeSuccess(agentId: string, nodeId: string, fencingToken: string): Promise<boolean> {
  return finishSingleNodeSuccessStatement(nodeId, agentId, asToken(fencingToken, nodeId));
}

/**
 * Stores log batches in order, each once: a batch already stored (a resend after a lost answer or
 * a server restart) is acknowledged again and skipped. Lines get job-wide numbers under the job
 * row's lock, so the log has no gaps. Metric lines also become metric points.
 */
export async function appendLogs(agentId: string, nodeId: string, body: z.infer<typeof ZLogsRequest>): Promise<number> {
  return db.$transaction(async (tx) => {
    const node = await requireLease(tx, agentId, nodeId, body.fencingToken);
    await lockJobRow(tx, node.jobId);
    const seqs = body.batches.map((b) => b.seq);
    const stored = await tx.logChunk.findMany({
      where: { jobId: node.jobId, attemptNumber: node.attemptNumber, nodeRank: node.nodeRank, seq: { in: seqs } },
      select: { seq: true },
    });
    const have = new Set(stored.map((s) => s.seq));
    const fresh = body.batches.filter((b) => !have.has(b.seq) && b.lines.length > 0).sort((a, b) => a.seq - b.seq);
    const total = fresh.reduce((n, b) => n + b.lines.length, 0);
    if (total > 0) {
      let next = (await countLogLinesStatement(tx, node.jobId, total)) - total;
      const points: { jobId: string; attemptNumber: number; key: string; step: number | null; value: number }[] = [];
      for (const b of fresh) {
        await tx.logChunk.create({
          data: { jobId: node.jobId, attemptNumber: node.attemptNumber, nodeRank: node.nodeRank, seq: b.seq, firstLine: next, lineCount: b.lines.length, text: b.lines.join("\n") },
        });
        next += b.lines.length;
        for (const line of b.lines) {
          const m = parseMetricLine(line);
          if (!m) continue;
          for (const [key, value] of Object.entries(m.values)) points.push({ jobId: node.jobId, attemptNumber: node.attemptNumber, key, step: m.step, value });
          if (m.total !== null && m.step !== null) points.push({ jobId: node.jobId, attemptNumber: node.attemptNumber, key: "progress", step: m.step, value: m.step / Math.max(1, m.total) });
        }
      }
      if (points.length) await tx.metricPoint.createMany({ data: points });
      await notify(tx, CHANNEL.job, node.jobId);
    }
    // Empty batches are acknowledged without being stored.
    const maxSeq = await tx.logChunk.aggregate({
      where: { jobId: node.jobId, attemptNumber: node.attemptNumber, nodeRank: node.nodeRank },
      _max: { seq: true },
    });
    return Math.max(maxSeq._max.seq ?? -1, ...body.batches.filter((b) => b.lines.length === 0).map((b) => b.seq));
  });
}

async function checkManifestFiles(files: { path: string; sha256: string }[]) {
  for (const f of files) assertSafeRelativePath(f.path);
  const missing = await missingBlobs(files.map((f) => f.sha256));
  if (missing.length) throw new AppError("BAD_REQUEST", `${missing.length} file(s) were not uploaded first (e.g. ${missing[0]}).`);
}

export async function saveCheckpoint(agentId: string, nodeId: string, body: z.infer<typeof ZCheckpointRequest>): Promise<string> {
  const node = await requireLease(db, agentId, nodeId, body.fencingToken);
  await checkManifestFiles(body.files);
  const { key } = await putManifest(`checkpoints/${node.jobId}`, { files: body.files });
  const row = await db.checkpoint.create({
    data: {
      jobId: node.jobId,
      attemptNumber: node.attemptNumber,
      manifestKey: key,
      fileCount: body.files.length,
      totalBytes: body.files.reduce((n, f) => n + f.size, 0),
    },
    select: { id: true },
  });
  return row.id;
}

export async function saveArtifacts(agentId: string, nodeId: string, body: z.infer<typeof ZArtifactsRequest>): Promise<void> {
  const node = await requireLease(db, agentId, nodeId, body.fencingToken);
  await checkManifestFiles(body.files);
  const prefix = node.nodeRank > 0 ? `node-${node.nodeRank}/` : "";
  await db.$transaction(
    body.files.map((f) =>
      db.artifact.upsert({
        where: { jobId_path: { jobId: node.jobId, path: prefix + f.path } },
        create: { jobId: node.jobId, attemptNumber: node.attemptNumber, path: prefix + f.path, sizeBytes: f.size, sha256: f.sha256 },
        update: { attemptNumber: node.attemptNumber, sizeBytes: f.size, sha256: f.sha256 },
      }),
    ),
  );
}

const describeExit = (exitCode: number | null, signal: string | null) =>
  exitCode !== null ? `exited with status ${exitCode}` : signal ? `was killed by ${signal}` : "ended";

/**
 * A node's process is gone. A clean exit ends the node; when every node of the attempt exited 0
 * the attempt succeeded. Anything else ends the whole attempt at once (the other nodes of a
 * multi-node job are stopped), and the job is retried or ended (finish-attempt.ts).
 */
export async function nodeEnded(agentId: string, nodeId: string, body: z.infer<typeof ZEndedRequest>): Promise<void> {
  if (body.outcome === "exited" && body.exitCode === 0 && (await finishSingleNodeSuccess(agentId, nodeId, body.fencingToken))) return;
  await db.$transaction(async (tx) => {
    const node = await requireLease(tx, agentId, nodeId, body.fencingToken, true);
    await lockAttemptRow(tx, node.attemptId);
    const rankNote = (await tx.attempt.findUniqueOrThrow({ where: { id: node.attemptId }, select: { job: { select: { nodes: true } } } })).job.nodes > 1 ? ` on node ${node.nodeRank}` : "";
    if (body.outcome === "exited" && body.exitCode === 0) {
      await tx.attemptNode.update({ where: { id: nodeId }, data: { state: "ended", exitCode: 0, endedAt: new Date() } });
      await tx.gpuClaim.deleteMany({ where: { attemptNodeId: nodeId } });
      const live = await tx.attemptNode.count({ where: { attemptId: node.attemptId, state: { not: "ended" } } });
      if (live === 0) await finishAttempt(tx, node.attemptId, { state: "succeeded", reason: "exited with status 0", exitCode: 0 });
      else await notify(tx, CHANNEL.queue, "node-ended");
      return;
    }
    await tx.attemptNode.update({ where: { id: nodeId }, data: { exitCode: body.exitCode } });
    const outcome =
      body.outcome === "timed_out"
        ? { state: "timed_out" as const, reason: `ran past its max runtime and was stopped${rankNote}`, exitCode: body.exitCode }
        : body.outcome === "cancelled"
          ? { state: "cancelled" as const, reason: "cancelled", exitCode: body.exitCode }
          : body.outcome === "refused"
            ? { state: "refused" as const, reason: `${body.message || "no reason given"}${rankNote}`, exitCode: null }
          : body.outcome === "failed_to_start"
            ? { state: "failed" as const, reason: `could not start${rankNote}: ${body.message || "no reason given"}`, exitCode: null }
            : body.outcome === "failed"
              ? { state: "failed" as const, reason: `stopped by its agent${rankNote}: ${body.message || "no reason given"}`, exitCode: body.exitCode }
            : { state: "failed" as const, reason: `${describeExit(body.exitCode, body.signal)}${rankNote}`, exitCode: body.exitCode };
    await finishAttempt(tx, node.attemptId, outcome);
  });
}
