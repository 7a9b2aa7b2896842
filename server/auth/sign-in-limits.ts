// Rate limits on sign-in links, per address (against mail-bombing one person) and per client
// (against one machine spraying many addresses). Counted in PostgreSQL, so several app instances
// agree; an advisory lock per address and per client makes the count and the insert one step.
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { env } from "../env";

export const LINK_WINDOW_S = 15 * 60;

export type LinkLimits = { perAddress: number; perClient: number };
export type LinkRefusal = { scope: "address" | "client"; retryAfterS: number };

// Advisory-lock class ids (the first key of pg_advisory_xact_lock(int, int)), for these locks only.
const ADDRESS_LOCK = 0x5349_0001;
const CLIENT_LOCK = 0x5349_0002;

export function linkLimits(): LinkLimits {
  return { perAddress: env.BENCHTOP_SIGNIN_LIMIT_PER_ADDRESS, perClient: env.BENCHTOP_SIGNIN_LIMIT_PER_CLIENT };
}

/**
 * Counts one request for a link to `email` from `client`, or refuses it and says how long until
 * the oldest counted request leaves the window. A refused request is not counted, so waiting
 * out the time given is enough. Every address counts, invited or not, so the answer tells nothing.
 */
export async function countLinkRequest(args: { email: string; client: string; limits?: LinkLimits }): Promise<LinkRefusal | null> {
  const limits = args.limits ?? linkLimits();
  // Prisma keeps timestamps as UTC wall time; the database's clock is the one all instances share.
  const now = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
  const window = Prisma.sql`${now} - make_interval(secs => ${LINK_WINDOW_S})`;
  return db.$transaction(async (tx) => {
    // Always address first, then client: two requests never wait on each other in a circle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${args.email}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLIENT_LOCK}::int, hashtext(${args.client}))`;
    for (const [scope, column, key, limit] of [
      ["address", Prisma.sql`email`, args.email, limits.perAddress],
      ["client", Prisma.sql`client`, args.client, limits.perClient],
    ] as const) {
      const [row] = await tx.$queryRaw<{ count: number; retry: number | null }[]>`
        SELECT count(*)::int AS count,
               ceil(extract(epoch FROM min("createdAt") + make_interval(secs => ${LINK_WINDOW_S}) - ${now}))::int AS retry
        FROM "SignInRequest" WHERE ${column} = ${key} AND "createdAt" > ${window}`;
      if (row && row.count >= limit) return { scope, retryAfterS: Math.max(1, row.retry ?? LINK_WINDOW_S) };
    }
    // What has left the window counts for nothing any more. SKIP LOCKED: two requests clearing
    // at once never wait on each other (nor deadlock over rows taken in another order).
    await tx.$executeRaw`
      DELETE FROM "SignInRequest" WHERE id IN (
        SELECT id FROM "SignInRequest" WHERE "createdAt" <= ${window} ORDER BY "createdAt" LIMIT 500 FOR UPDATE SKIP LOCKED)`;
    await tx.$executeRaw`INSERT INTO "SignInRequest" (email, client, "createdAt") VALUES (${args.email}, ${args.client}, ${now})`;
    return null;
  });
}
