// The costs report over ledger rows written as the meter writes them (entries + daily rollups). Each
// test works in a year of its own, so lab-wide sums see only its rows.
import { describe, expect, it } from "vitest";
import { db, Prisma } from "../../server/db/client";
import { costsCsv, costsReport } from "../../server/costs/report";
import { costsDashboard } from "../../server/costs/dashboard";
import { createApiToken } from "../../server/tokens/api-tokens";
import { addMemberAs, createProjectFor, createUser, type TestUser } from "../support/factories";
import { rest } from "../edge/http";
import { writeLedger } from "./ledger-fixture";

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

async function projectOf(owner: TestUser) {
  const project = await createProjectFor(owner);
  const { id } = await db.project.findUniqueOrThrow({ where: { slug: project.slug }, select: { id: true } });
  return { ...project, id };
}

/** The exact sum of LedgerEntry.amount with startsAt in [from, to), straight from the table. */
async function ledgerSum(from: Date, to: Date, projectId?: string): Promise<Prisma.Decimal> {
  const rows = await db.$queryRaw<{ s: string | null }[]>`SELECT sum(amount)::text AS s FROM "LedgerEntry"
    WHERE "startsAt" >= ${from} AND "startsAt" < ${to} AND (${projectId ?? null}::text IS NULL OR "projectId" = ${projectId ?? null}::text)`;
  return new Prisma.Decimal(rows[0]?.s ?? "0");
}

const cents = (d: Prisma.Decimal) => d.toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP).toFixed(2);

describe("costs report", () => {
  it("groups by project, person, pool, GPU type, day and job, with GPU-hours beside the money", async () => {
    const director = await createUser({ labRole: "director" });
    const ada = await createUser({ name: "Ada Lovelace" });
    const bob = await createUser({ name: "Bob Noyce" });
    const pa = await projectOf(ada);
    const pb = await projectOf(bob);
    const pool = await db.pool.create({ data: { name: `report-pool-${Date.now()}` } });
    // Ada: 2 x A100 for 90 min at $2/h on 3 Mar 2041 ($6.00, 3 GPU-h); Bob: a CPU slot 60 min at $0.50/h ($0.50, 0 GPU-h)
    // on 4 Mar; Bob: 1 x H100 for 30 min at $4/h on our pool on 5 Mar ($2.00, 0.5 GPU-h).
    const ja = await writeLedger({ projectId: pa.id, userId: ada.id, startsAt: at(2041, 3, 3, 10), minutes: 90, hourly: "2", gpus: 2 });
    await writeLedger({ projectId: pb.id, userId: bob.id, startsAt: at(2041, 3, 4, 10), minutes: 60, hourly: "0.5", gpuType: null });
    await writeLedger({ projectId: pb.id, userId: bob.id, startsAt: at(2041, 3, 5, 10), minutes: 30, hourly: "4", gpuType: "H100", poolId: pool.id });
    const q = { actorId: director.id, from: "2041-03-01", to: "2041-04-01" };

    const byProject = await costsReport({ ...q, groupBy: "project" });
    expect(byProject.scope).toBe("lab");
    expect(byProject.groups.map((g) => [g.label, g.amount.amount, g.gpuHours, g.href])).toEqual([
      [pa.slug, "6.00", 3, `/projects/${pa.slug}`],
      [pb.slug, "2.50", 0.5, `/projects/${pb.slug}`],
    ]);
    expect(byProject.total).toEqual({ amount: { amount: "8.50", currency: "USD" }, gpuHours: 3.5 });
    expect((await costsReport({ ...q, groupBy: "person" })).groups.map((g) => [g.label, g.amount.amount])).toEqual([["Ada Lovelace", "6.00"], ["Bob Noyce", "2.50"]]);
    expect((await costsReport({ ...q, groupBy: "pool" })).groups.map((g) => [g.key, g.label, g.amount.amount])).toEqual([
      ["pool-fixture", "pool-fixture (deleted)", "6.50"],
      [pool.id, pool.name, "2.00"],
    ]);
    expect((await costsReport({ ...q, groupBy: "gpuType" })).groups.map((g) => [g.label, g.amount.amount, g.gpuHours])).toEqual([
      ["A100", "6.00", 3], ["H100", "2.00", 0.5], ["CPU slot", "0.50", 0],
    ]);
    expect((await costsReport({ ...q, groupBy: "day" })).groups.map((g) => [g.key, g.amount.amount])).toEqual([
      ["2041-03-03", "6.00"], ["2041-03-04", "0.50"], ["2041-03-05", "2.00"],
    ]);
    const byJob = await costsReport({ ...q, groupBy: "job" });
    expect(byJob.groups[0]).toMatchObject({ key: ja.jobId, amount: { amount: "6.00" } });
    expect(byJob.groups).toHaveLength(3);
    // Filters: a project, a person (by email), a pool (by name).
    expect((await costsReport({ ...q, projectSlug: pb.slug, groupBy: "gpuType" })).total.amount.amount).toBe("2.50");
    expect((await costsReport({ ...q, person: ada.email })).total.amount.amount).toBe("6.00");
    expect((await costsReport({ ...q, pool: pool.name })).total.amount.amount).toBe("2.00");
  });

  it("a range that starts and ends mid-day reads the edge minutes exactly, and equals the ledger to the cent", async () => {
    const director = await createUser({ labRole: "director" });
    const owner = await createUser();
    const p = await projectOf(owner);
    // 3 days of 24 h each, 1 GPU at $1.37/h: every minute is $0.022833..., so rounding shows if the edges are off.
    for (const d of [10, 11, 12]) await writeLedger({ projectId: p.id, userId: owner.id, startsAt: at(2042, 6, d), minutes: 24 * 60, hourly: "1.37" });
    const from = at(2042, 6, 10, 13, 17);
    const to = at(2042, 6, 12, 8, 41);
    const r = await costsReport({ actorId: director.id, from: from.toISOString(), to: to.toISOString(), groupBy: "day" });
    const exact = await ledgerSum(from, to);
    expect(r.total.amount.amount).toBe(cents(exact));
    // 10 Jun from 13:17 (643 min), all of 11 Jun, 12 Jun to 08:41 (521 min).
    expect(r.total.gpuHours).toBe(Math.round(((643 + 1440 + 521) / 60) * 100) / 100);
    expect(r.groups.map((g) => [g.key, g.amount.amount])).toEqual([
      ["2042-06-10", cents(await ledgerSum(from, at(2042, 6, 11)))],
      ["2042-06-11", cents(await ledgerSum(at(2042, 6, 11), at(2042, 6, 12)))],
      ["2042-06-12", cents(await ledgerSum(at(2042, 6, 12), to))],
    ]);
    // By job: whole days from the per-job rollup (kept by LedgerEntry's trigger), the edges from the entries.
    const byJob = await costsReport({ actorId: director.id, from: from.toISOString(), to: to.toISOString(), groupBy: "job" });
    expect(byJob.groups).toHaveLength(3);
    expect(byJob.total.amount.amount).toBe(cents(exact));
    expect(byJob.groups.reduce((a, g) => a.plus(g.amount.amount), new Prisma.Decimal(0)).toFixed(2)).toBe(cents(exact));
    // Within one day only.
    const inDay = await costsReport({ actorId: director.id, from: at(2042, 6, 11, 1, 30).toISOString(), to: at(2042, 6, 11, 2).toISOString() });
    expect(inDay.total).toEqual({ amount: { amount: cents(await ledgerSum(at(2042, 6, 11, 1, 30), at(2042, 6, 11, 2))), currency: "USD" }, gpuHours: 0.5 });
    // The rollups agree with the entries for whole days.
    expect((await costsReport({ actorId: director.id, from: "2042-06-10", to: "2042-06-13" })).total.amount.amount).toBe(cents(await ledgerSum(at(2042, 6, 10), at(2042, 6, 13))));
  });

  it("the per-job rollup counts only rows really inserted: a replayed minute (ON CONFLICT DO NOTHING) changes nothing", async () => {
    const director = await createUser({ labRole: "director" });
    const owner = await createUser();
    const p = await projectOf(owner);
    const { jobId, attemptNodeId } = await writeLedger({ projectId: p.id, userId: owner.id, startsAt: at(2047, 8, 8, 8), minutes: 30, hourly: "6" }); // $3.00
    const rollup = () => db.$queryRaw<{ s: string }[]>`SELECT sum(amount)::text AS s FROM "LedgerJobDay" WHERE "jobId" = ${jobId}`.then((r) => r[0]!.s);
    expect(await rollup()).toBe("3.000000");
    // The meter's replay: the same (node, minute) again, and one new minute.
    await db.$executeRaw`
      INSERT INTO "LedgerEntry" ("attemptNodeId", minute, "startsAt", "endsAt", "jobId", "attemptId", "projectId", "userId", "poolId", "agentId", "gpuType", gpus, hourly, amount)
      SELECT ${attemptNodeId}, k, ${at(2047, 8, 8, 8)}::timestamp + k * interval '1 minute', ${at(2047, 8, 8, 8)}::timestamp + (k + 1) * interval '1 minute',
             ${jobId}, 'att', ${p.id}, ${owner.id}, 'pool-fixture', 'agent-fixture', 'A100', 1, 6, 0.1
        FROM generate_series(29, 30) k
      ON CONFLICT ("attemptNodeId", minute) DO NOTHING`;
    expect(await rollup()).toBe("3.100000");
    const r = await costsReport({ actorId: director.id, from: "2047-08-01", to: "2047-09-01", groupBy: "job" });
    expect(r.groups.find((g) => g.key === jobId)?.amount.amount).toBe("3.10");
    const jobSum = (await db.$queryRaw<{ s: string }[]>`SELECT sum(amount)::text AS s FROM "LedgerEntry" WHERE "jobId" = ${jobId}`)[0]?.s;
    expect(jobSum).toBe("3.100000");
  });

  it("directors see the lab; others their own spend and their projects'; another's project is not found", async () => {
    const director = await createUser({ labRole: "director" });
    const ada = await createUser();
    const bob = await createUser();
    const carol = await createUser();
    const pa = await projectOf(ada);
    const pc = await projectOf(carol);
    await addMemberAs(carol, pc, bob, "viewer");
    await writeLedger({ projectId: pa.id, userId: ada.id, startsAt: at(2043, 2, 2), minutes: 60, hourly: "6" }); // $6.00
    await writeLedger({ projectId: pc.id, userId: carol.id, startsAt: at(2043, 2, 2), minutes: 60, hourly: "3" }); // $3.00
    await writeLedger({ projectId: pa.id, userId: bob.id, startsAt: at(2043, 2, 3), minutes: 60, hourly: "1" }); // $1.00: Bob's own, in Ada's project
    const q = { from: "2043-02-01", to: "2043-03-01" };
    expect((await costsReport({ ...q, actorId: director.id })).total.amount.amount).toBe("10.00");
    expect((await costsReport({ ...q, actorId: ada.id })).total.amount.amount).toBe("7.00");
    const forBob = await costsReport({ ...q, actorId: bob.id });
    expect(forBob.scope).toBe("own");
    expect(forBob.total.amount.amount).toBe("4.00"); // Carol's project (a member) + his own minute in Ada's
    expect((await costsReport({ ...q, actorId: carol.id, projectSlug: pa.slug }).catch((e) => e)).code).toBe("NOT_FOUND");
    const dash = await costsDashboard({ ...q, actorId: bob.id });
    expect(dash.pools).toBeNull();
    expect(dash.total.amount.amount).toBe("4.00");
  });

  it("CSV total == JSON total == the ledger's sum, and seeded history is flagged (REST: /costs, /costs?format=csv and /costs.csv)", async () => {
    const director = await createUser({ labRole: "director" });
    const owner = await createUser();
    const p = await projectOf(owner);
    await writeLedger({ projectId: p.id, userId: owner.id, startsAt: at(2044, 9, 9, 9, 9), minutes: 77, hourly: "2.3456", gpus: 3 });
    const { token } = await createApiToken({ actorId: director.id, name: "costs" });
    const before = await rest("GET", `/costs?from=2044-09-01&to=2044-10-01&groupBy=person`, { token });
    expect(before.status).toBe(200);
    expect(before.json.includesSeeded).toBe(false);
    await writeLedger({ projectId: p.id, userId: owner.id, startsAt: at(2044, 9, 20, 23, 30), minutes: 61, hourly: "1.1111", seeded: true });
    const json = await rest("GET", `/costs?from=2044-09-01&to=2044-10-01&groupBy=day&project=${p.slug}`, { token });
    expect(json.status).toBe(200);
    expect(json.json.includesSeeded).toBe(true);
    expect(json.json.groups.map((g: { key: string; seeded: boolean }) => [g.key, g.seeded])).toEqual([["2044-09-09", false], ["2044-09-20", true], ["2044-09-21", true]]);
    const csv = await rest("GET", `/costs.csv?from=2044-09-01&to=2044-10-01&groupBy=day&project=${p.slug}`, { token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text.trim().split("\r\n").map((l) => l.split(","));
    expect(lines[0]).toEqual(["group_by", "key", "label", "amount", "currency", "gpu_hours", "seeded"]);
    const total = lines.at(-1)!;
    expect(total.slice(0, 5)).toEqual(["total", "", "Total", json.json.total.amount.amount, "USD"]);
    expect(total[3]).toBe(cents(await ledgerSum(at(2044, 9, 1), at(2044, 10, 1), p.id)));
    expect(lines.slice(1, -1).map((l) => l[3])).toEqual(json.json.groups.map((g: { amount: { amount: string } }) => g.amount.amount));
    expect(costsCsv(await costsReport({ actorId: director.id, from: "2044-09-01", to: "2044-10-01", groupBy: "day", projectSlug: p.slug }))).toBe(csv.text);
    // format=csv on /costs is the same CSV; format=json (or none) the JSON.
    const asked = await rest("GET", `/costs?from=2044-09-01&to=2044-10-01&groupBy=day&project=${p.slug}&format=csv`, { token });
    expect(asked.headers.get("content-type")).toContain("text/csv");
    expect(asked.text).toBe(csv.text);
    expect((await rest("GET", `/costs?from=2044-09-01&to=2044-10-01&groupBy=day&project=${p.slug}&format=json`, { token })).json).toEqual(json.json);
    // Bad input: a sentence.
    const bad = await rest("GET", `/costs?from=yesterday`, { token });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('"yesterday" is not a date');
    expect((await rest("GET", `/costs.csv?from=2044-10-01&to=2044-09-01`, { token })).status).toBe(400);
  });

  it("the dashboard: daily stacks, a budget's forecast from the last 7 days, own GPUs used vs owned, costliest jobs", async () => {
    const director = await createUser({ labRole: "director" });
    const owner = await createUser();
    const p = await projectOf(owner);
    const pool = await db.pool.create({ data: { name: `dash-pool-${Date.now()}` } });
    await db.agent.create({ data: { name: `dash-agent-${Date.now()}`, poolId: pool.id, tokenHash: `h-${Date.now()}`, tokenPrefix: "x", gpuType: "A100", registeredAt: at(2045, 1, 1), gpus: [{ index: 0, model: "A100", memoryMb: 81920 }, { index: 1, model: "A100", memoryMb: 81920 }] } });
    // $14.40/day (1 GPU at $7.20/h, 2 h a day) on 1..10 Jan 2045 in our pool.
    for (let d = 1; d <= 10; d++) await writeLedger({ projectId: p.id, userId: owner.id, startsAt: at(2045, 1, d, 9), minutes: 120, hourly: "7.2", poolId: pool.id });
    await db.budget.create({ data: { scope: p.id, projectId: p.id, amount: new Prisma.Decimal(500) } });
    const now = at(2045, 1, 11);
    const dash = await costsDashboard({ actorId: director.id, from: "2045-01-01", to: "2045-01-11", projectSlug: p.slug, now });
    expect(dash.total.amount.amount).toBe("144.00");
    expect(dash.series.days).toHaveLength(10);
    expect(dash.series.days[0]).toEqual({ day: "2045-01-01", values: { [p.id]: "14.40" } });
    const b = dash.budgets.find((x) => x.project === p.slug)!;
    // Spent $144 by 11 Jan; $14.40/day for the 21 days left: $446.40.
    expect(b).toMatchObject({ spent: { amount: "144.00" }, forecast: { amount: "446.40" }, percent: 28, forecastPercent: 89 });
    // The page's headline: this month for the filtered project, against its monthly budget.
    expect(dash.month).toMatchObject({ spent: { amount: "144.00" }, forecast: { amount: "446.40" }, budget: { amount: "500.00" }, percent: 28, forecastPercent: 89 });
    expect(b.burn).toHaveLength(31);
    expect(b.burn[9]).toEqual({ day: "2045-01-10", actual: "144.00", forecast: "144.00" });
    expect(b.burn[30]).toEqual({ day: "2045-01-31", actual: null, forecast: "446.40" });
    // 2 GPUs x 240 h owned; 20 GPU-h used: 95.8 % idle.
    expect(dash.pools?.find((x) => x.pool === pool.name)).toEqual({ pool: pool.name, gpus: 2, ownedGpuHours: 480, usedGpuHours: 20, idleShare: 0.958 });
    expect(dash.topJobs).toHaveLength(10);
    expect(dash.topJobs[0]!.amount.amount).toBe("14.40");
  });
});
