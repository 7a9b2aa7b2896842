// Personal API tokens: `bt_` + 32 random bytes (base64url). Only the SHA-256 is stored; a token
// has 256 bits of entropy, so a fast hash is the right one (no password stretching needed).
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";

export const TOKEN_PREFIX = "bt_";

export const ZCreateApiTokenInput = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  expiresInDays: z.number().int().min(1, "must be at least 1").max(3650, "must be at most 3650").nullable().default(null),
});
export type TCreateApiTokenInput = z.input<typeof ZCreateApiTokenInput>;

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

const tokenSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for the actor. The returned `token` is the only time it is ever visible. */
export async function createApiToken(
  args: { actorId: string } & TCreateApiTokenInput,
): Promise<{ token: string; apiToken: TApiToken }> {
  const input = ZCreateApiTokenInput.parse(args);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const apiToken = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: args.actorId,
        name: input.name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashToken(token),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
      select: tokenSelect,
    });
    await recordAuditEvent(tx, { actorId: args.actorId, action: "token.created", target: input.name });
    return row;
  });
  return { token, apiToken };
}

export async function listApiTokens(args: { actorId: string }): Promise<TApiToken[]> {
  return db.apiToken.findMany({ where: { userId: args.actorId }, select: tokenSelect, orderBy: { createdAt: "desc" } });
}

export async function revokeApiToken(args: { actorId: string; tokenId: string }): Promise<TApiToken> {
  const row = await db.apiToken.findFirst({ where: { id: args.tokenId, userId: args.actorId }, select: tokenSelect });
  if (!row) throw new AppError("NOT_FOUND", "That token was not found.");
  if (row.revokedAt) return row;
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() }, select: tokenSelect });
    await recordAuditEvent(tx, { actorId: args.actorId, action: "token.revoked", target: row.name });
    return revoked;
  });
}

export type TokenUser = { id: string; email: string; name: string | null; labRole: "admin" | "director" | "researcher" };

/** The user a bearer token belongs to, or null for an unknown, revoked or expired token. */
export async function authenticateApiToken(token: string): Promise<TokenUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, labRole: true } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
  // Record use at most once a minute, so a busy script does not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
