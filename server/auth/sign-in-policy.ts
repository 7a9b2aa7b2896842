// Who may sign in. Invite-only by default: an address gets a link (or an SSO sign-in) only when
// the lab knows it. BENCHTOP_SIGNUP=open lets anyone in, as an external, until an admin promotes
// them. The same rules serve email links and every SSO provider (server/auth/sign-in-callback.ts).
import { db } from "../db/client";
import { env } from "../env";
import { isDirector } from "../users/users";

export type SignInPolicy = {
  signup: "invite" | "open";
  /** Lower-case domains; an address matches its own domain or any subdomain of one. */
  allowedDomains: readonly string[];
  /** Lower-case addresses that may always sign in and are made lab admins when they do. */
  adminEmails: readonly string[];
};

export function signInPolicy(): SignInPolicy {
  return { signup: env.BENCHTOP_SIGNUP, allowedDomains: env.BENCHTOP_ALLOWED_EMAIL_DOMAINS, adminEmails: env.BENCHTOP_ADMIN_EMAILS };
}

/**
 * An address as Auth.js keys it (NFKC, trimmed, lower-case), or null when it is not one. Auth.js
 * throws on what it cannot read; we answer with a sentence instead, before it is asked.
 */
export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const email = value.normalize("NFKC").trim().toLowerCase();
  if (email.length > 254 || email.includes('"') || email.includes(",")) return null;
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email) ? email : null;
}

/** lab.example admits ana@lab.example and ana@cs.lab.example, never ana@notlab.example. */
export function domainAllowed(email: string, domains: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

export function isBootstrapAdmin(email: string, policy: SignInPolicy): boolean {
  return policy.adminEmails.includes(email);
}

/** Whether the lab itself vouches for the address, with no account needed. */
export function labVouchesFor(email: string, policy: SignInPolicy): boolean {
  return isBootstrapAdmin(email, policy) || domainAllowed(email, policy.allowedDomains);
}

/**
 * May `email` sign in? Yes when sign-up is open, when the lab vouches for it, or when its account
 * was invited, holds a lab role above researcher, or is a member of some project.
 */
export async function mayEnter(email: string, policy: SignInPolicy = signInPolicy()): Promise<boolean> {
  if (policy.signup === "open" || labVouchesFor(email, policy)) return true;
  const user = await db.user.findUnique({
    where: { email },
    select: { invitedAt: true, labRole: true, memberships: { take: 1, select: { projectId: true } } },
  });
  return !!user && (user.invitedAt !== null || isDirector(user.labRole) || user.memberships.length > 0);
}

/**
 * What a new account starts as: a lab member when the lab vouches for the address, else external.
 * (A bootstrap admin is made admin by the sign-in itself, with its audit event: record-sign-in.ts.)
 */
export function newAccount(email: string, policy: SignInPolicy = signInPolicy()): { external: boolean } {
  return { external: !labVouchesFor(email, policy) };
}
