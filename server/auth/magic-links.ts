// Magic links. Auth.js makes the token and stores its hash through the adapter; these decide what
// a link may still do: it works once, for 15 minutes, and using one ends every other link still
// outstanding for the address. Rows stay a day after they expire, so the page a link opens can
// say whether it was used, expired or superseded rather than only "invalid".
import { createHash } from "node:crypto";
import { db } from "../db/client";
import { env } from "../env";

export const LINK_MAX_AGE_S = 15 * 60;
const KEEP_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000;

export type LinkState =
  | { state: "valid"; email: string; expires: Date }
  | { state: "used"; email: string; at: Date }
  | { state: "superseded"; email: string; at: Date }
  | { state: "expired"; email: string; at: Date }
  | { state: "unknown"; email: string };

/** The token as stored: SHA-256 of token + secret, hex, exactly as Auth.js hashes it. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(`${token}${env.AUTH_SECRET ?? ""}`).digest("hex");
}

/** What a mailed link can still do. Reads only: opening a link never changes it. */
export async function describeLink(link: { email: string; token: string }): Promise<LinkState> {
  const email = link.email.toLowerCase();
  const row = link.token
    ? await db.verificationToken.findUnique({
        where: { identifier_token: { identifier: email, token: hashLinkToken(link.token) } },
        select: { expires: true, usedAt: true, supersededAt: true },
      })
    : null;
  if (!row) return { state: "unknown", email };
  if (row.usedAt) return { state: "used", email, at: row.usedAt };
  if (row.supersededAt) return { state: "superseded", email, at: row.supersededAt };
  if (row.expires.getTime() <= Date.now()) return { state: "expired", email, at: row.expires };
  return { state: "valid", email, expires: row.expires };
}

/** The adapter's createVerificationToken: stores the hashed token, and clears out old rows. */
export async function createLinkToken(data: { identifier: string; token: string; expires: Date }) {
  await db.verificationToken.deleteMany({ where: { expires: { lt: new Date(Date.now() - KEEP_AFTER_EXPIRY_MS) } } });
  return db.verificationToken.create({ data, select: { identifier: true, token: true, expires: true } });
}

/**
 * The adapter's useVerificationToken, which Auth.js calls when "Continue" is pressed: the token
 * is marked used (once: of two presses at once, one wins) and every other live link for the
 * address is superseded. Null for a token that is unknown, used, superseded or expired.
 */
export async function useLinkToken(params: { identifier: string; token: string }) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const used = await tx.verificationToken.updateMany({
      where: { identifier: params.identifier, token: params.token, usedAt: null, supersededAt: null, expires: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count === 0) return null;
    await tx.verificationToken.updateMany({
      where: { identifier: params.identifier, token: { not: params.token }, usedAt: null, supersededAt: null },
      data: { supersededAt: now },
    });
    return tx.verificationToken.findUniqueOrThrow({
      where: { identifier_token: params },
      select: { identifier: true, token: true, expires: true },
    });
  });
}

/**
 * The link we mail: our own page (/signin/link), which shows "Continue as ..." and POSTs the
 * token only when that button is pressed, so a mail scanner that opens links cannot spend one.
 * `authJsUrl` is the callback URL Auth.js built; its query (token, email, callbackUrl) is kept.
 */
export function landingUrl(authJsUrl: string): string {
  const url = new URL(authJsUrl);
  return `${env.baseUrl}/signin/link?${url.searchParams}`;
}
