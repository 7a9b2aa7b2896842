import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";
import { requireProjectRole } from "../projects/access";
import { finishAttempt } from "./finish-attempt";
import { CHANNEL, notify } from "./notify";
import { FINAL_STATES, type TJobState } from "./schemas";

/**
 * Cancels a job in any state. A queued job ends at once; a placed or running one is stopped by its
 * agents (SIGTERM, grace, SIGKILL) at their next heartbeat, and ends `cancelled` when they report.
 * Editors, owners, and whoever submitted it may cancel.
 */
export async function cancelJob(args: { actorId: string; jobId: string }): Promise<{ state: TJobState }> {
  const job = await db.job.findFirst({
    where: { id: args.jobId, project: { members: { some: { userId: args.actorId } } } },
    select: { id: true, name: true, state: true, submittedById: true, projectId: true, project: { select: { slug: true } } },
  });
  if (!job) throw new AppError("NOT_FOUND", `Job ${args.jobId} was not found.`);
  if (job.submittedById !== args.actorId) await requireProjectRole({ actorId: args.actorId, projectSlug: job.project.slug, atLeast: "editor" });
  if (FINAL_STATES.includes(job.state)) return { state: job.state };
  return requestCancel(job, { actorId: args.actorId, reason: null });
}

/**
 * The cancel itself, for a caller already allowed to cancel: a person (cancelJob above) or the
 * server (a budget's stop policy, server/costs/alerts.ts, with actorId null and its reason in words).
 */
export async function requestCancel(
  job: { id: string; name: string; projectId: string },
  by: { actorId: string | null; reason: string | null },
): Promise<{ state: TJobState }> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const queued = await tx.job.updateMany({
      where: { id: job.id, state: "queued" },
      data: { state: "cancelled", stateReason: by.reason ?? "cancelled before it started", cancelRequestedAt: now, endedAt: now, queuePosition: null, estimatedStartAt: null },
    });
    // Not a job that ended meanwhile (its agent reported between the read above and now).
    await tx.job.updateMany({
      where: { id: job.id, cancelRequestedAt: null, state: { notIn: [...FINAL_STATES] } },
      data: { cancelRequestedAt: now, stateReason: by.reason ? `cancelling: ${by.reason}` : "cancelling: waiting for its agents to stop it" },
    });
    await recordAuditEvent(tx, { actorId: by.actorId, projectId: job.projectId, action: "job.cancelled", target: job.name, data: { jobId: job.id, ...(by.reason ? { reason: by.reason } : {}) } });
    // Placed but not yet claimed by any agent: nothing runs, so it ends here and now.
    const unclaimed = await tx.attempt.findMany({
      where: { jobId: job.id, state: "assigned", nodes: { every: { state: "assigned" } } },
      select: { id: true },
    });
    for (const a of unclaimed) await finishAttempt(tx, a.id, { state: "cancelled", reason: "cancelled before it started", exitCode: null });
    // Wake the agents running it, so the next heartbeat (not a poll interval later) stops it.
    const nodes = await tx.attemptNode.findMany({ where: { attempt: { jobId: job.id }, state: { not: "ended" } }, select: { agentId: true } });
    for (const agentId of new Set(nodes.map((n) => n.agentId))) await notify(tx, CHANNEL.agent, agentId);
    await notify(tx, CHANNEL.job, job.id);
    await notify(tx, CHANNEL.queue, "cancel");
    const state = (await tx.job.findUniqueOrThrow({ where: { id: job.id }, select: { state: true } })).state;
    return { state: queued.count ? "cancelled" : state };
  });
}
