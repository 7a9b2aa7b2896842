import type { Prisma } from "@prisma/client";
import type { Tx } from "../db/client";

export type AuditAction =
  | "project.created"
  | "project.renamed"
  | "project.archived"
  | "project.unarchived"
  | "member.added"
  | "member.role_changed"
  | "member.removed"
  | "file.created"
  | "file.renamed"
  | "file.deleted"
  | "folder.created"
  | "folder.renamed"
  | "folder.deleted"
  | "token.created"
  | "token.revoked"
  | "user.signed_in"
  | "user.invited"
  | "user.promoted"
  | "user.lab_role_changed"
  | "user.sessions_ended"
  | "agent.created"
  | "agent.drained"
  | "agent.undrained"
  | "pool.updated"
  | "job.submitted"
  | "job.cancelled"
  | "datastore.created"
  | "datastore.updated"
  | "datastore.deleted"
  | "datastore.location_shared"
  | "datastore.location_unshared"
  | "dataset.created"
  | "dataset.updated"
  | "dataset.removed"
  | "dataset.objects_deleted"
  | "dataset.snapshot_created"
  | "budget.set"
  | "job.approved"
  | "rate.set"
  | "settings.costs_updated";

/** Writes one audit event, inside the caller's transaction so it lands with the change. */
export async function recordAuditEvent(
  tx: Tx,
  event: { actorId: string | null; projectId?: string | null; action: AuditAction; target?: string; data?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      projectId: event.projectId ?? null,
      action: event.action,
      target: event.target ?? "",
      data: event.data ?? {},
    },
  });
}
