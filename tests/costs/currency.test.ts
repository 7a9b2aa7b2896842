// The lab's currency: set by directors/admins while the ledger holds no real charge. On a database
// of its own, since the currency is lab-wide and other files expect USD.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownDatabase } from "../support/own-database";

let drop: () => Promise<void>;
beforeAll(async () => {
  ({ drop } = await ownDatabase("currency"));
}, 120_000);
afterAll(async () => drop?.());

describe("the lab's currency", () => {
  it("directors set it (ISO 4217) until the ledger holds a real charge; seeded history does not count", async () => {
    const { db, Prisma } = await import("../../server/db/client");
    const { getCostSettings, setCostSettings } = await import("../../server/costs/settings");
    const { labCurrency } = await import("../../server/costs/money");
    const { createUser } = await import("../support/factories");
    const { createApiToken } = await import("../../server/tokens/api-tokens");
    const { rest } = await import("../edge/http");
    const director = await createUser({ labRole: "director" });
    const researcher = await createUser();

    expect(await getCostSettings({ actorId: researcher.id })).toEqual({ currency: "USD", currencyEditable: true, canSet: false });
    const refused = await setCostSettings({ actorId: researcher.id, currency: "EUR" }).catch((e) => e);
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "Only directors and admins set the lab's currency." });
    const bad = await setCostSettings({ actorId: director.id, currency: "EURO" }).catch((e) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST", message: '"EURO" is not an ISO 4217 currency code; write one like USD, EUR or JPY.' });
    expect((await setCostSettings({ actorId: director.id, currency: "XYZ" }).catch((e) => e)).code).toBe("BAD_REQUEST");

    expect(await setCostSettings({ actorId: director.id, currency: "eur" })).toEqual({ currency: "EUR", currencyEditable: true, canSet: true });
    expect(await labCurrency()).toBe("EUR");
    expect(await db.auditEvent.count({ where: { action: "settings.costs_updated" } })).toBe(1);

    const row = (seeded: boolean, node: string) => ({
      attemptNodeId: node, minute: 0, startsAt: new Date("2026-11-02T10:00:00Z"), endsAt: new Date("2026-11-02T10:01:00Z"), jobId: "j", attemptId: "a",
      projectId: "p", userId: "u", poolId: "pool", agentId: "ag", gpuType: "demo-gpu", gpus: 1, hourly: new Prisma.Decimal(1), amount: new Prisma.Decimal("0.016667"), seeded,
    });
    await db.ledgerEntry.create({ data: row(true, "seeded-node") });
    expect((await setCostSettings({ actorId: director.id, currency: "JPY" })).currency).toBe("JPY");

    await db.ledgerEntry.create({ data: row(false, "real-node") });
    expect((await getCostSettings({ actorId: director.id })).currencyEditable).toBe(false);
    const locked = await setCostSettings({ actorId: director.id, currency: "USD" }).catch((e) => e);
    expect(locked).toMatchObject({ code: "CONFLICT", message: "The ledger already holds charges in JPY, so the lab's currency stays JPY; it can change only before the first job is charged." });
    expect(await labCurrency()).toBe("JPY");
    // Setting the one it has is no change, so it is not refused.
    expect((await setCostSettings({ actorId: director.id, currency: "JPY" })).currency).toBe("JPY");

    const { token } = await createApiToken({ actorId: director.id, name: "currency" });
    expect(await rest("GET", "/settings/costs", { token })).toMatchObject({ status: 200, json: { currency: "JPY", currencyEditable: false, canSet: true } });
    const put = await rest("PUT", "/settings/costs", { token, body: { currency: "GBP" } });
    expect(put.status).toBe(409);
    expect(put.json.error.message).toContain("already holds charges in JPY");
  });
});
