// Ending attempts and deciding what becomes of their job: succeeded, retried, requeued after a
// lost agent, or ended for good. One place, used by agents' reports and by the sweep.
import type { AttemptState, JobState } from "@prisma/client";
import type { Tx } from "../db/client";
import { CHANNEL, notify } from "./notify";
import { endAttemptStatement } from "./sql/end-attempt";

/** Lost attempts (agents gone) that end a job `failed`: the 3rd loss is the last. */
export const MAX_LOST_ATTEMPTS = 3;

/**
 * How many times agents may refuse a job over their own bookkeeping (a GPU they still count as
 * busy) before it ends `failed`: a guard against a loop, not the user's retries.
 */
export const MAX_REFUSED_ATTEMPTS = 5;

export type AttemptOutcome = {
  state: Exclude<AttemptState, "assigned" | "running">;
  reason: string;
  exitCode: number | null;
};

/**
 * Ends an attempt (all its nodes, their GPU claims), records its GPU time, and moves the job on.
 * Idempotent: an attempt already ended is left alone. Other nodes still running lose their lease,
 * so their agents stop them at the next heartbeat.
 */
export async function finishAttempt(tx: Tx, attemptId: string, outcome: AttemptOutcome): Promise<void> {
  const attempt = await tx.attempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      state: true,
      number: true,
      startedAt: true,
      job: {
        select: {
          id: true,
          state: true,
          submittedById: true,
          projectId: true,
          gpusPerNode: true,
          nodes: true,
          maxRetries: true,
          failedAttempts: true,
          lostAttempts: true,
          cancelRequestedAt: true,
          stateReason: true,
        },
      },
      nodes: { select: { agentId: true, agent: { select: { name: true } } } },
    },
  });
  if (!attempt || (attempt.state !== "assigned" && attempt.state !== "running")) return;
  // The attempt, its nodes, their GPUs and its GPU time: the one definition (sql/end-attempt.ts).
  if (!(await endAttemptStatement(tx, attemptId, outcome))) return;
  const now = new Date();
  const job = attempt.job;

  const agents = attempt.nodes.map((n) => n.agent.name).join(", ");
  let next: { state: JobState; reason: string; exitCode?: number | null; failed?: number; lost?: number };
  if (job.cancelRequestedAt || outcome.state === "cancelled") {
    // A cancel with its reason in words (a budget's stop policy, cancel-job.ts's requestCancel) keeps it.
    const why = job.stateReason.match(/^cancelling: (stopped: .*)$/)?.[1];
    next = { state: "cancelled", reason: why ?? "cancelled" };
  } else if (outcome.state === "succeeded") {
    next = { state: "succeeded", reason: "exited with status 0", exitCode: 0 };
  } else if (outcome.state === "timed_out") {
    next = { state: "timed_out", reason: outcome.reason, exitCode: outcome.exitCode };
  } else if (outcome.state === "lost") {
    const lost = job.lostAttempts + 1;
    next =
      lost >= MAX_LOST_ATTEMPTS
        ? { state: "failed", reason: `its attempts were lost ${lost} times (agents stopped answering; last: ${agents}), so Benchtop stopped retrying it`, lost }
        : { state: "queued", reason: `requeued: attempt ${attempt.number} was lost (${outcome.reason}); it resumes from its last checkpoint`, lost };
  } else if (outcome.state === "refused") {
    // The agent's bookkeeping, not the job: requeued at once, and the user's retries stay whole.
    const refused = await tx.attempt.count({ where: { jobId: job.id, state: "refused" } });
    next =
      refused >= MAX_REFUSED_ATTEMPTS
        ? { state: "failed", reason: `its agents refused it ${refused} times (last: ${agents}, ${outcome.reason}), so Benchtop stopped trying` }
        : { state: "queued", reason: `requeued: ${agents} refused attempt ${attempt.number} (${outcome.reason}); this does not count against its retries` };
  } else {
    const failed = job.failedAttempts + 1;
    next =
      failed <= job.maxRetries
        ? { state: "queued", reason: `retrying: attempt ${attempt.number} ${outcome.reason} (retry ${failed} of ${job.maxRetries})`, failed }
        : { state: "failed", reason: outcome.reason, exitCode: outcome.exitCode, failed };
  }
  const final = next.state !== "queued";
  await tx.job.update({
    where: { id: job.id },
    data: {
      state: next.state,
      stateReason: next.reason,
      ...(next.exitCode !== undefined ? { exitCode: next.exitCode } : {}),
      ...(next.failed !== undefined ? { failedAttempts: next.failed } : {}),
      ...(next.lost !== undefined ? { lostAttempts: next.lost } : {}),
      ...(final ? { endedAt: now } : { queuePosition: null, estimatedStartAt: null }),
    },
  });
  await notify(tx, CHANNEL.queue, "ended");
  await notify(tx, CHANNEL.job, job.id);
  for (const n of attempt.nodes) await notify(tx, CHANNEL.agent, n.agentId);
}
