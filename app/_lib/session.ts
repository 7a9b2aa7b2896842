// Who is signed in, for server components. Pages call requireUser with their own path so a
// visitor without a session lands on /signin and comes back to where they were going.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { sessionUser } from "@/server/auth/session-cookie";
import type { TUser } from "@/server/users/users";

/**
 * The signed-in person, or null: no session, a session that was signed out or ended (its row is
 * checked, as for every API request), or a person who no longer exists. Once per render.
 */
export const getCurrentUser = cache(async (): Promise<TUser | null> => sessionUser((await headers()).get("cookie")));

export async function requireUser(callbackPath: string): Promise<TUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(callbackPath));
  return user;
}

export function signInPath(callbackPath: string): string {
  return callbackPath === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/** A callbackUrl we are willing to send someone to: a path on this site, nothing else. */
export function safeCallbackPath(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return "/";
  try {
    // Auth.js may hand us an absolute URL; only its path is kept, so we never leave this site.
    const url = new URL(v, "http://benchtop.invalid");
    const path = url.pathname + url.search + url.hash;
    if (path.startsWith("//") || path.startsWith("/signin") || path.startsWith("/api/")) return "/";
    return path;
  } catch {
    return "/";
  }
}
