// Server-side sessions behind the JWT cookie. Auth.js's credentials provider (the demo's one-click
// sign-in) needs JWT sessions, and a JWT alone cannot be taken back; so each sign-in makes a
// Session row, the cookie carries its id (`sid`), and every request looks the row up (one
// primary-key read that also loads the user). Deleting the row ends that browser's session.
import { randomBytes } from "node:crypto";
import { db, type Tx } from "../db/client";
import { userSelect, type TUser } from "../users/users";

/** A session lasts 30 days from sign-in. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** What the session cookie's JWT holds that matters here. */
export type SessionClaims = { sub?: string | null; sid?: unknown };

export async function startSession(userId: string, method: string): Promise<string> {
  const sessionToken = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.$transaction([
    db.session.deleteMany({ where: { userId, expires: { lt: now } } }),
    db.session.create({ data: { sessionToken, userId, method, expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } }),
  ]);
  return sessionToken;
}

/** The user of a live session, or null: no such row (signed out, ended), expired, or not theirs. */
export async function liveSessionUser(claims: SessionClaims): Promise<TUser | null> {
  if (typeof claims.sid !== "string" || !claims.sub) return null;
  const row = await db.session.findUnique({
    where: { sessionToken: claims.sid },
    select: { userId: true, expires: true, user: { select: userSelect } },
  });
  if (!row || row.userId !== claims.sub || row.expires.getTime() <= Date.now()) return null;
  return row.user;
}

export async function endSession(claims: SessionClaims): Promise<void> {
  if (typeof claims.sid !== "string") return;
  await db.session.deleteMany({ where: { sessionToken: claims.sid } });
}

/** Ends every session of one person; their browsers are signed out at their next request. */
export async function endSessionsOf(userId: string, tx: Tx = db): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  return count;
}
