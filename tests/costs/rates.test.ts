import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, Prisma } from "../../server/db/client";
import { amortisedHourly, listRates, ratesAt, setRate } from "../../server/costs/rates";
import { createApiToken } from "../../server/tokens/api-tokens";
import { createUser, type TestUser } from "../support/factories";
import { rest as restCall } from "../edge/http";

async function rest(user: TestUser, method: string, path: string, body?: unknown) {
  const { token } = await createApiToken({ actorId: user.id, name: "rates" });
  return restCall(method, path, { token, body });
}

async function pool() {
  return db.pool.create({ data: { name: `pool-${randomUUID().slice(0, 8)}` }, select: { id: true, name: true } });
}

/** One charged minute of `gpuType` on the pool, as the meter writes it. */
async function charged(poolId: string, gpuType: string | null, startsAt: Date) {
  const node = randomUUID();
  await db.ledgerEntry.create({
    data: {
      attemptNodeId: node, minute: 0, startsAt, endsAt: new Date(startsAt.getTime() + 60_000), jobId: `job-${node}`, attemptId: `att-${node}`,
      projectId: "p", userId: "u", poolId, agentId: "a", gpuType, gpus: 1, hourly: new Prisma.Decimal(1), amount: new Prisma.Decimal("0.016667"),
    },
  });
}

const fail = <T>(p: Promise<T>) => p.then(() => { throw new Error("expected a refusal"); }, (e: { code: string; message: string }) => e);

describe("setRate", () => {
  it("amortises a purchase price exactly: price / (years x hours x utilisation), half-up to 4 decimals", async () => {
    expect(amortisedHourly({ purchasePrice: "32000", years: "4" }).toFixed(4)).toBe("0.9132"); // 0.913242...
    expect(amortisedHourly({ purchasePrice: "35040", years: "4", hoursPerYear: "8760" }).toFixed(4)).toBe("1.0000");
    expect(amortisedHourly({ purchasePrice: "35040", years: "4", utilisation: "50" }).toFixed(4)).toBe("2.0000");
    // 10 / 8760 = 0.00114155... -> 0.0011; 0.45 / 1000 = 0.00045 -> 0.0005 (half-up)
    expect(amortisedHourly({ purchasePrice: "10", years: "1" }).toFixed(4)).toBe("0.0011");
    expect(amortisedHourly({ purchasePrice: "0.45", years: "1", hoursPerYear: "1000" }).toFixed(4)).toBe("0.0005"); // 0.00045 half-up
    // 3000.3 / 1000 in floats is 3.0002999...; exact decimals give 3.0003.
    expect(amortisedHourly({ purchasePrice: "3000.3", years: "1", hoursPerYear: "1000" }).toFixed(4)).toBe("3.0003");

    const director = await createUser({ labRole: "director" });
    const p = await pool();
    const rate = await setRate({ actorId: director.id, pool: p.name, gpuType: "H100", amortisation: { purchasePrice: "32000", years: "4", hoursPerYear: "8760" }, source: "invoice 118, 8-GPU server / 8" });
    expect(rate).toMatchObject({ pool: p.name, gpuType: "H100", kind: "owned", hourly: "0.9132", currency: "USD", source: "invoice 118, 8-GPU server / 8" });
    expect(rate.amortisation).toEqual({ purchasePrice: "32000", years: "4", hoursPerYear: "8760", utilisation: "100" });
    const row = await db.rate.findUniqueOrThrow({ where: { id: rate.id } });
    expect(row.hourly.toString()).toBe("0.9132");
    const audit = await db.auditEvent.findFirst({ where: { action: "rate.set", target: `${p.name}/H100` } });
    expect(audit?.actorId).toBe(director.id);
    expect(audit?.data).toMatchObject({ hourly: "0.9132", kind: "owned" });
  });

  it("a plain hourly price with its source, for a cloud kind and for the CPU slot; the newest in force is current", async () => {
    const admin = await createUser({ labRole: "admin" });
    const p = await pool();
    const before = new Date(Date.now() - 3_600_000);
    await setRate({ actorId: admin.id, pool: p.name, gpuType: "A100", kind: "on_demand", hourly: "4.10", source: "AWS p4d / 8", effectiveFrom: before.toISOString() });
    await setRate({ actorId: admin.id, pool: p.name, gpuType: "A100", kind: "spot", hourly: "1.2345", source: "AWS spot" });
    await setRate({ actorId: admin.id, pool: p.name, gpuType: "A100", kind: "spot", hourly: "9", effectiveFrom: "2099-01-01" });
    const cpu = await setRate({ actorId: admin.id, pool: p.name, gpuType: null, hourly: "0.05" });
    expect(cpu).toMatchObject({ gpuType: null, kind: "owned", hourly: "0.0500" });
    const list = await listRates({ actorId: admin.id });
    const mine = list.current.filter((r) => r.pool === p.name);
    expect(mine.map((r) => [r.gpuType, r.kind, r.hourly])).toEqual([["A100", "spot", "1.2345"], [null, "owned", "0.0500"]]);
    expect(list.history.filter((r) => r.pool === p.name).map((r) => r.hourly)).toEqual(["9.0000", "1.2345", "4.1000", "0.0500"]);
    expect(list.canSet).toBe(true);
    expect(list.pools.map((x) => x.name)).toContain(p.name);
    expect(list.history.find((r) => r.hourly === "9.0000")?.effectiveFrom.toISOString()).toBe("2099-01-01T00:00:00.000Z");
    // The meter's read side sees the same one.
    const at = (await ratesAt()).find((r) => r.poolId === p.id && r.gpuType === "A100");
    expect(at?.hourly.toFixed(4)).toBe("1.2345");
  });

  it("refuses a date before a minute already charged, with a sentence; later dates pass", async () => {
    const director = await createUser({ labRole: "director" });
    const p = await pool();
    const minute = new Date(Date.UTC(2026, 10, 30, 14, 7));
    await charged(p.id, "A100", minute);
    const err = await fail(setRate({ actorId: director.id, pool: p.name, gpuType: "A100", hourly: "2", effectiveFrom: "2026-11-01" }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toBe(`Rates apply from now on: minutes of A100 on pool ${p.name} up to 2026-11-30 14:07 UTC are already charged, so a new rate starts after that (leave the date empty for now).`);
    expect((await fail(setRate({ actorId: director.id, pool: p.name, gpuType: "A100", hourly: "2", effectiveFrom: minute.toISOString() }))).code).toBe("CONFLICT");
    // Other GPU types and the CPU slot of the pool are not charged yet.
    await setRate({ actorId: director.id, pool: p.name, gpuType: "H100", hourly: "2", effectiveFrom: "2026-11-01" });
    await setRate({ actorId: director.id, pool: p.name, gpuType: null, hourly: "0.1", effectiveFrom: "2026-11-01" });
    const ok = await setRate({ actorId: director.id, pool: p.name, gpuType: "A100", hourly: "2", effectiveFrom: new Date(minute.getTime() + 60_000).toISOString() });
    expect(ok.hourly).toBe("2.0000");
    expect(await db.rate.count({ where: { poolId: p.id } })).toBe(3);
  });

  it("only directors and admins set rates; everyone signed in reads them", async () => {
    const researcher = await createUser();
    const p = await pool();
    const err = await fail(setRate({ actorId: researcher.id, pool: p.name, gpuType: "A100", hourly: "1" }));
    expect(err).toMatchObject({ code: "FORBIDDEN", message: "Only directors and admins set rates." });
    const list = await listRates({ actorId: researcher.id });
    expect(list.canSet).toBe(false);
    expect(await db.rate.count({ where: { poolId: p.id } })).toBe(0);
  });

  it("refuses bad input with sentences", async () => {
    const director = await createUser({ labRole: "director" });
    const p = await pool();
    const base = { actorId: director.id, pool: p.name, gpuType: "A100" };
    const msg = async (input: Partial<Parameters<typeof setRate>[0]>) => (await fail(setRate({ ...base, ...input }))).message;
    expect(await msg({ pool: "nowhere", hourly: "1" })).toMatch(/^There is no pool "nowhere"; the pools are .*\.$/);
    expect(await msg({ hourly: "cheap" })).toBe('The hourly price "cheap" is not a number.');
    expect(await msg({ hourly: "-1" })).toBe("The hourly price must be zero or more.");
    expect(await msg({ hourly: "1.23456" })).toBe('A rate keeps at most 4 decimals; "1.23456" has 5.');
    expect(await msg({})).toBe("Give an hourly price, or for the lab's own hardware the purchase price, years of life and hours per year.");
    expect(await msg({ hourly: "1", amortisation: { purchasePrice: "1", years: "1" } })).toBe("Give an hourly price or the purchase price to amortise, not both.");
    expect(await msg({ kind: "spot", amortisation: { purchasePrice: "1", years: "1" } })).toBe("A purchase price is amortised only for the lab's own hardware (kind owned), not spot; give the spot price per hour.");
    expect(await msg({ amortisation: { purchasePrice: "1000", years: "0" } })).toBe("The years of life must be more than zero.");
    expect(await msg({ amortisation: { purchasePrice: "1000", years: "4", hoursPerYear: "9000" } })).toBe("The hours per year must be more than 0 and at most 8784 (a leap year).");
    expect(await msg({ amortisation: { purchasePrice: "1000", years: "4", utilisation: "120" } })).toBe("The utilisation is a percentage above 0 and at most 100.");
    expect(await msg({ hourly: "1", effectiveFrom: "next week" })).toBe('"next week" is not a date; write it as YYYY-MM-DD or an ISO time.');
    expect(await msg({ gpuType: " ", hourly: "1" })).toBe("Name the GPU type (as agents report it, e.g. A100-SXM4-80GB), or set the CPU slot's rate.");
    expect(await db.rate.count({ where: { poolId: p.id } })).toBe(0);
  });

  it("GET and POST /api/v1/rates", async () => {
    const director = await createUser({ labRole: "director" });
    const researcher = await createUser();
    const p = await pool();
    const posted = await rest(director, "POST", "/rates", { pool: p.name, gpuType: "demo-gpu", amortisation: { purchasePrice: "32000", years: "4" }, source: "invoice" });
    expect(posted.status).toBe(200);
    expect(posted.json.rate).toMatchObject({ pool: p.name, gpuType: "demo-gpu", hourly: "0.9132", currency: "USD" });
    const refused = await rest(researcher, "POST", "/rates", { pool: p.name, gpuType: "demo-gpu", hourly: "1" });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toBe("Only directors and admins set rates.");
    const list = await rest(researcher, "GET", "/rates");
    expect(list.status).toBe(200);
    expect(list.json.canSet).toBe(false);
    expect(list.json.current.find((r: { pool: string }) => r.pool === p.name)).toMatchObject({ hourly: "0.9132", kind: "owned", source: "invoice" });
  });
});
