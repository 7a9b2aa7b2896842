// Who the session cookie belongs to, for every reader of it: resolveActor (tRPC, REST, SSE) and
// getCurrentUser (server components). It decodes Auth.js's JWT itself rather than calling auth(),
// which needs Next's request scope and would re-sign the cookie on every read, and then checks
// the session's row, as the jwt callback does for Auth.js's own endpoints.
import { decode } from "next-auth/jwt";
import { env } from "../env";
import type { TUser } from "../users/users";
import { liveSessionUser } from "./sessions";

/** Auth.js's cookie name: `__Secure-` prefixed when Benchtop is served over https (auth.ts). */
export const useSecureCookies = env.baseUrl.startsWith("https://");
export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}authjs.session-token`;

export function hasSessionCookie(cookieHeader: string | null): boolean {
  return !!cookieHeader?.includes(SESSION_COOKIE);
}

export async function sessionUser(cookieHeader: string | null): Promise<TUser | null> {
  const value = sessionCookieValue(cookieHeader);
  if (!value || !env.AUTH_SECRET) return null;
  let claims: Awaited<ReturnType<typeof decode>>;
  try {
    claims = await decode({ token: value, secret: env.AUTH_SECRET, salt: SESSION_COOKIE });
  } catch {
    return null; // not ours, tampered with, or signed with an old secret
  }
  return claims ? liveSessionUser(claims) : null;
}

/** The cookie's value; Auth.js splits a large one into NAME.0, NAME.1, ... */
function sessionCookieValue(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const cookies = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name.startsWith(SESSION_COOKIE)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a malformed value is no session
    }
  }
  const whole = cookies.get(SESSION_COOKIE);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${SESSION_COOKIE}.${i}`); i++) chunks.push(cookies.get(`${SESSION_COOKIE}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}
