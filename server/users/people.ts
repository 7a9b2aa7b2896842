// The lab's people, for its admins and directors: who has an account, inviting an address to
// the lab, promoting an external, lab roles (admins only), and ending someone's sessions.
import type { LabRole } from "@prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { endSessionsOf } from "../auth/sessions";
import { isBootstrapAdmin, normalizeEmail, signInPolicy } from "../auth/sign-in-policy";
import { db, type Tx } from "../db/client";
import { AppError } from "../errors";
import { log } from "../log";
import { canSendMail, invitationMail, sendMail } from "../mail/send-mail";
import { ZInvitePersonInput, type TInvitePersonInput, type TPerson } from "./schemas";
import { displayName, isDirector } from "./users";

type Manager = { id: string; email: string; name: string | null; labRole: LabRole };

const personSelect = (now: Date) =>
  ({
    id: true,
    email: true,
    name: true,
    labRole: true,
    external: true,
    invitedAt: true,
    lastSignInAt: true,
    createdAt: true,
    _count: { select: { memberships: true, sessions: { where: { expires: { gt: now } } } } },
  }) as const;

type PersonRow = {
  id: string;
  email: string;
  name: string | null;
  labRole: LabRole;
  external: boolean;
  invitedAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  _count: { memberships: number; sessions: number };
};

function toPerson({ _count, ...row }: PersonRow): TPerson {
  return { ...row, activeSessions: _count.sessions, projects: _count.memberships, adminByConfig: isBootstrapAdmin(row.email, signInPolicy()) };
}

async function requireManager(actorId: string): Promise<Manager> {
  const actor = await db.user.findUnique({ where: { id: actorId }, select: { id: true, email: true, name: true, labRole: true, external: true } });
  if (!actor || actor.external || !isDirector(actor.labRole)) {
    throw new AppError("FORBIDDEN", "Only lab admins and directors can see and manage the lab's people.");
  }
  return actor;
}

async function findPerson(tx: Tx, userId: string): Promise<TPerson> {
  const row = await tx.user.findUnique({ where: { id: userId }, select: personSelect(new Date()) });
  if (!row) throw new AppError("NOT_FOUND", "That person was not found.");
  return toPerson(row);
}

export async function listPeople(args: { actorId: string }): Promise<TPerson[]> {
  await requireManager(args.actorId);
  const rows = await db.user.findMany({ select: personSelect(new Date()), orderBy: [{ name: { sort: "asc", nulls: "last" } }, { email: "asc" }] });
  return rows.map(toPerson);
}

/**
 * Invites an address to the lab: it may sign in from now on, as a lab member. An external who
 * already has an account becomes a lab member. Directors invite researchers; admins any role.
 */
export async function invitePerson(args: { actorId: string } & TInvitePersonInput): Promise<TPerson> {
  const input = ZInvitePersonInput.parse({ email: args.email, labRole: args.labRole });
  const actor = await requireManager(args.actorId);
  const email = normalizeEmail(input.email);
  if (!email) throw new AppError("BAD_REQUEST", `"${input.email}" is not an email address.`, { email: ["must be an email address, like ana@lab.example"] });
  if (input.labRole !== "researcher" && actor.labRole !== "admin") {
    throw new AppError("FORBIDDEN", "Only lab admins can invite directors and admins.", { labRole: ["only admins can give this role"] });
  }
  const person = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { external: true, invitedAt: true, lastSignInAt: true, labRole: true } });
    if (existing && !existing.external && (existing.invitedAt || existing.lastSignInAt || isDirector(existing.labRole))) {
      throw new AppError("CONFLICT", `${email} is already in the lab.`, { email: ["is already in the lab"] });
    }
    const now = new Date();
    const user = await tx.user.upsert({
      where: { email },
      create: { email, labRole: input.labRole, invitedAt: now },
      update: { labRole: input.labRole, invitedAt: now, external: false },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorId: actor.id, action: "user.invited", target: email, data: { labRole: input.labRole, wasExternal: !!existing?.external } });
    return findPerson(tx, user.id);
  });
  if (canSendMail) {
    // The invitation stands without the mail; a mail server that is down is logged, not fatal.
    await sendMail(invitationMail(email, displayName(actor))).catch((e: unknown) =>
      log.error({ err: { message: (e as Error).message }, to: email }, "the invitation mail could not be sent"),
    );
  }
  return person;
}

/** An external becomes a lab member: they may create projects. */
export async function promoteExternal(args: { actorId: string; userId: string }): Promise<TPerson> {
  const actor = await requireManager(args.actorId);
  return db.$transaction(async (tx) => {
    const person = await findPerson(tx, args.userId);
    if (!person.external) throw new AppError("CONFLICT", `${person.email} is already a lab member.`);
    await tx.user.update({ where: { id: person.id }, data: { external: false } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "user.promoted", target: person.email });
    return findPerson(tx, person.id);
  });
}

/**
 * Admins only. Nobody changes their own role, so an admin is only ever demoted by another admin
 * and the lab always keeps one.
 */
export async function changeLabRole(args: { actorId: string; userId: string; labRole: LabRole }): Promise<TPerson> {
  const actor = await requireManager(args.actorId);
  if (actor.labRole !== "admin") throw new AppError("FORBIDDEN", "Only lab admins can change lab roles.");
  if (args.userId === actor.id) {
    throw new AppError("CONFLICT", "You cannot change your own lab role; another admin can. (This way the lab always keeps an admin.)");
  }
  return db.$transaction(async (tx) => {
    const person = await findPerson(tx, args.userId);
    if (person.labRole === args.labRole) return person;
    if (person.external && args.labRole !== "researcher") {
      throw new AppError("CONFLICT", `${person.email} is an external collaborator; make them a lab member before giving them a lab role.`);
    }
    if (person.adminByConfig && args.labRole !== "admin") {
      throw new AppError("CONFLICT", `${person.email} is listed in BENCHTOP_ADMIN_EMAILS, which makes them an admin at every sign-in; remove them there first.`);
    }
    await tx.user.update({ where: { id: person.id }, data: { labRole: args.labRole } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "user.lab_role_changed", target: person.email, data: { from: person.labRole, to: args.labRole } });
    return findPerson(tx, person.id);
  });
}

/** Signs someone out everywhere: every browser of theirs is refused at its next request. */
export async function endSessions(args: { actorId: string; userId: string }): Promise<{ ended: number }> {
  const actor = await requireManager(args.actorId);
  const person = await db.user.findUnique({ where: { id: args.userId }, select: { email: true } });
  if (!person) throw new AppError("NOT_FOUND", "That person was not found.");
  return db.$transaction(async (tx) => {
    const ended = await endSessionsOf(args.userId, tx);
    await recordAuditEvent(tx, { actorId: actor.id, action: "user.sessions_ended", target: person.email, data: { ended } });
    return { ended };
  });
}
