import type { ProjectRole } from "@prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { projectAccess, type ProjectArgs } from "./access";
import { ZAddMemberInput, type TAddMemberInput, type TMember } from "./schemas";

const memberSelect = {
  role: true,
  createdAt: true,
  user: { select: { id: true, email: true, name: true, external: true } },
} as const;

function toMember(row: {
  role: ProjectRole;
  createdAt: Date;
  user: { id: string; email: string; name: string | null; external: boolean };
}): TMember {
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
    external: row.user.external,
    joinedAt: row.createdAt,
  };
}

export async function listMembers(args: ProjectArgs): Promise<TMember[]> {
  const { project } = await projectAccess(args, "viewer");
  const rows = await db.member.findMany({
    where: { projectId: project.id },
    select: memberSelect,
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toMember);
}

/**
 * Adds a member by email. Someone Benchtop has not seen yet gets an account that their first
 * sign-in (magic link or SSO with the same address) takes over. Owners only.
 */
export async function addMember(
  args: ProjectArgs & TAddMemberInput,
): Promise<TMember> {
  const input = ZAddMemberInput.parse({ email: args.email, role: args.role });
  const { project } = await projectAccess(args, "owner");
  return db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email },
      update: {},
      select: { id: true },
    });
    const existing = await tx.member.findUnique({
      where: { projectId_userId: { projectId: project.id, userId: user.id } },
      select: { role: true },
    });
    if (existing) {
      throw new AppError("CONFLICT", `${input.email} is already ${existing.role === "owner" ? "an" : "a"} ${existing.role} of this project.`, {
        email: ["is already a member"],
      });
    }
    const row = await tx.member.create({
      data: { projectId: project.id, userId: user.id, role: input.role },
      select: memberSelect,
    });
    await recordAuditEvent(tx, {
      actorId: args.actorId,
      projectId: project.id,
      action: "member.added",
      target: input.email,
      data: { role: input.role },
    });
    return toMember(row);
  });
}

export async function changeMemberRole(args: ProjectArgs & { userId: string; role: ProjectRole }): Promise<TMember> {
  const { project } = await projectAccess(args, "owner");
  return db.$transaction(async (tx) => {
    const current = await findMember(tx, project.id, args.userId);
    if (current.role === "owner" && args.role !== "owner") {
      await ensureAnotherOwner(tx, project.id, args.userId === args.actorId ? null : current.user.email);
    }
    const row = await tx.member.update({
      where: { projectId_userId: { projectId: project.id, userId: args.userId } },
      data: { role: args.role },
      select: memberSelect,
    });
    await recordAuditEvent(tx, {
      actorId: args.actorId,
      projectId: project.id,
      action: "member.role_changed",
      target: current.user.email,
      data: { from: current.role, to: args.role },
    });
    return toMember(row);
  });
}

/** Removes a member. Owners may remove anyone but the last owner; anyone may leave. */
export async function removeMember(args: ProjectArgs & { userId: string }): Promise<void> {
  const leaving = args.userId === args.actorId;
  const { project } = await projectAccess(args, leaving ? "viewer" : "owner");
  await db.$transaction(async (tx) => {
    const current = await findMember(tx, project.id, args.userId);
    if (current.role === "owner") await ensureAnotherOwner(tx, project.id, args.userId === args.actorId ? null : current.user.email);
    await tx.member.delete({ where: { projectId_userId: { projectId: project.id, userId: args.userId } } });
    await recordAuditEvent(tx, {
      actorId: args.actorId,
      projectId: project.id,
      action: "member.removed",
      target: current.user.email,
    });
  });
}

async function findMember(tx: Tx, projectId: string, userId: string) {
  const row = await tx.member.findUnique({
    where: { projectId_userId: { projectId, userId } },
    select: { role: true, user: { select: { email: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "That person is not a member of this project.");
  return row;
}

/** `email` names the owner in question; null when it is the actor themselves. */
async function ensureAnotherOwner(tx: Tx, projectId: string, email: string | null): Promise<void> {
  // Lock the project's owner rows so two concurrent demotions cannot both pass this check.
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Member" WHERE "projectId" = ${projectId} AND role = 'owner' FOR UPDATE`;
  if (owners.length <= 1) {
    const who = email ? `${email} is` : "You are";
    throw new AppError("CONFLICT", `${who} the last owner of this project; make someone else an owner first.`);
  }
}
