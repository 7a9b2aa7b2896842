import { describe, expect, it } from "vitest";
import { db } from "../server/db/client";
import { authenticateApiToken, createApiToken, hashToken, listApiTokens, revokeApiToken } from "../server/tokens/api-tokens";
import { createUser } from "./support/factories";

describe("API tokens", () => {
  it("shows the token once and stores only its hash", async () => {
    const ana = await createUser();
    const { token, apiToken } = await createApiToken({ actorId: ana.id, name: "laptop" });
    expect(token).toMatch(/^bt_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await listApiTokens({ actorId: ana.id }))).not.toContain(token.slice(10));
  });

  it("authenticates its owner until revoked", async () => {
    const ana = await createUser();
    const { token, apiToken } = await createApiToken({ actorId: ana.id, name: "ci" });
    expect((await authenticateApiToken(token))?.id).toBe(ana.id);
    await revokeApiToken({ actorId: ana.id, tokenId: apiToken.id });
    expect(await authenticateApiToken(token)).toBeNull();
  });

  it("refuses an expired token and one that was never issued", async () => {
    const ana = await createUser();
    const { token, apiToken } = await createApiToken({ actorId: ana.id, name: "old", expiresInDays: 1 });
    await db.apiToken.update({ where: { id: apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateApiToken(token)).toBeNull();
    expect(await authenticateApiToken("bt_" + "x".repeat(43))).toBeNull();
  });

  it("is scoped to its user: nobody else can list or revoke it", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const { apiToken } = await createApiToken({ actorId: ana.id, name: "mine" });
    expect((await listApiTokens({ actorId: ben.id })).map((t) => t.id)).not.toContain(apiToken.id);
    await expect(revokeApiToken({ actorId: ben.id, tokenId: apiToken.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
