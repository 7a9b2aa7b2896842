import { db } from "../db/client";
import type { Env } from "../env-schema";
import { DEMO_EMAILS } from "../seed/demo-people";

/**
 * One-click sign-in as a seeded demo person. Only in demo mode, and only as one of the seeded
 * people: production (or development) refuses it whatever the request says.
 */
export async function authorizeDemoSignIn(
  userId: unknown,
  mode: Env["BENCHTOP_MODE"],
): Promise<{ id: string; email: string; name: string | null } | null> {
  if (mode !== "demo" || typeof userId !== "string" || userId.length === 0) return null;
  return db.user.findFirst({
    where: { id: userId, email: { in: [...DEMO_EMAILS] } },
    select: { id: true, email: true, name: true },
  });
}
