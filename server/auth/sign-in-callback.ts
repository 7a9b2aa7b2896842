// Auth.js's signIn callback: one decision for email links and every SSO provider.
import type { NextAuthConfig } from "next-auth";
import { db } from "../db/client";
import { mayEnter, normalizeEmail, signInPolicy, type SignInPolicy } from "./sign-in-policy";

type SignInParams = Parameters<NonNullable<NonNullable<NextAuthConfig["callbacks"]>["signIn"]>>[0];

/** Where Auth.js sends someone whose link is on its way; a refused address is sent there too. */
export const VERIFY_REQUEST_PATH = "/api/auth/verify-request?provider=email&type=email";
export const UNVERIFIED_EMAIL_PATH = "/signin?error=UnverifiedEmail";

export async function decideSignIn(params: SignInParams, policy: SignInPolicy = signInPolicy()): Promise<boolean | string> {
  const { user, account, profile, email } = params;
  if (!account) return false;
  // The demo's one-click sign-in: authorizeDemoSignIn already refused it outside demo mode.
  if (account.type === "credentials") return true;
  const address = normalizeEmail(user.email);
  if (account.type === "email") {
    const allowed = address !== null && (await mayEnter(address, policy));
    // Asking for a link: a refused address gets exactly the answer of one whose link is on its
    // way (the same redirect, and no mail), so the answer tells nothing about who is a member.
    if (email?.verificationRequest) return allowed || VERIFY_REQUEST_PATH;
    return allowed;
  }
  return decideSsoSignIn({ provider: account.provider, providerAccountId: account.providerAccountId, address, profile }, policy);
}

/**
 * SSO. An IdP account already linked to a Benchtop account signs in as it (if that person may).
 * Otherwise Auth.js would link by email (allowDangerousEmailAccountLinking, see providers.ts), so
 * that is allowed only when the IdP says it verified the address: else anyone who can make an
 * IdP account claiming ana@lab.example would become Ana. A new person needs the same, except at
 * the lab's own OIDC provider, which may leave the claim out for addresses it issued itself.
 */
async function decideSsoSignIn(
  sso: { provider: string; providerAccountId: string; address: string | null; profile: SignInParams["profile"] },
  policy: SignInPolicy,
): Promise<boolean | string> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: sso.provider, providerAccountId: sso.providerAccountId } },
    select: { user: { select: { email: true } } },
  });
  if (linked) return mayEnter(linked.user.email, policy);
  if (!sso.address) return false;
  const verified = emailVerified(sso.profile);
  const existing = await db.user.findUnique({ where: { email: sso.address }, select: { id: true } });
  const trusted = verified === true || (verified === null && !existing && sso.provider === "oidc");
  if (!trusted) return UNVERIFIED_EMAIL_PATH;
  return mayEnter(sso.address, policy);
}

/** The profile's email_verified claim: true, false, or null when the IdP leaves it out. */
export function emailVerified(profile: SignInParams["profile"]): boolean | null {
  const claim = (profile as { email_verified?: unknown } | undefined)?.email_verified;
  if (claim === undefined || claim === null) return null;
  // Some IdPs (AWS Cognito among them) send the claim as a string.
  return claim === true || claim === "true";
}
