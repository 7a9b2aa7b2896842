// Approval of a job held by its budget: an owner of its project or a director clears the hold;
// the next scheduler pass places it like any queued job.
import { db } from "../db/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { hasProjectRole } from "../projects/access";
import { isDirector } from "../users/users";

export async function approveJob(args: { actorId: string; jobId: string }): Promise<{ id: string; heldReason: string | null; approvedAt: Date | null }> {
  const job = await db.job.findUnique({ where: { id: args.jobId }, select: { id: true, state: true, heldReason: true, projectId: true, project: { select: { slug: true } } } });
  const actor = await db.user.findUnique({ where: { id: args.actorId }, select: { labRole: true } });
  const member = job ? await db.member.findFirst({ where: { userId: args.actorId, projectId: job.projectId }, select: { role: true } }) : null;
  const director = !!actor && isDirector(actor.labRole);
  if (!job || (!member && !director)) throw new AppError("NOT_FOUND", `Job ${args.jobId} was not found.`);
  if (!director && !hasProjectRole(member!.role, "owner")) throw new AppError("FORBIDDEN", `Approving a held job needs the owner role in project "${job.project.slug}" or the director role.`);
  if (!job.heldReason) throw new AppError("CONFLICT", `Job ${job.id} is not held; there is nothing to approve.`);
  if (job.state !== "queued") throw new AppError("CONFLICT", `Job ${job.id} is ${job.state}; only a queued job can be approved.`);
  return db.$transaction(async (tx) => {
    const approvedAt = new Date();
    const row = await tx.job.update({ where: { id: job.id }, data: { heldReason: null, heldAt: null, approvedById: args.actorId, approvedAt }, select: { id: true, heldReason: true, approvedAt: true } });
    await recordAuditEvent(tx, { actorId: args.actorId, projectId: job.projectId, action: "job.approved", target: job.id, data: { heldReason: job.heldReason } });
    return row;
  });
}
