// The demo's rates and seeded history (server/seed/demo-costs.ts), on a database of its own: the
// seed is lab-wide (pool "lab", the demo people), which other files on the shared one must not see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownDatabase } from "../support/own-database";

let drop: () => Promise<void>;
beforeAll(async () => {
  ({ drop } = await ownDatabase("demo_costs"));
}, 120_000);
afterAll(async () => drop?.());

describe("the demo's cost history", () => {
  it("seeds rates and five weeks of finished jobs whose ledger and rollups agree, once, fast, never scheduled", async () => {
    const { db } = await import("../../server/db/client");
    const { seedDemoLab, seedDemoCostHistory } = await import("../../server/seed/demo-lab");
    const { getCostSettings } = await import("../../server/costs/settings");
    const { runSchedulerPass } = await import("../../server/queue/scheduler-pass");
    const { meterStatement } = await import("../../server/queue/sql/meter");
    const { DEMO_PEOPLE } = await import("../../server/seed/demo-people");

    expect(await seedDemoLab()).toBe(true);
    const jobs = await db.job.findMany({ where: { seeded: true }, select: { id: true, state: true, gpusPerNode: true, gpuType: true, startedAt: true, endedAt: true, command: true, submittedById: true, projectId: true } });
    expect(jobs.length).toBeGreaterThan(120);
    expect(new Set(jobs.map((j) => j.state))).toEqual(new Set(["succeeded", "failed", "cancelled"]));
    expect(jobs.every((j) => j.endedAt! < new Date() && j.startedAt! < j.endedAt!)).toBe(true);
    expect(jobs.some((j) => j.gpusPerNode === 0 && j.gpuType === null)).toBe(true);
    expect(jobs.filter((j) => j.endedAt!.getTime() - j.startedAt!.getTime() > 15 * 3600_000)).toHaveLength(2); // the two big runs
    expect(jobs.some((j) => j.command === "python train.py --lr 3e-4")).toBe(true);
    const people = await db.user.findMany({ where: { email: { in: DEMO_PEOPLE.map((p) => p.email) } }, select: { id: true, email: true } });
    const ana = people.find((p) => p.email.startsWith("ana."))!.id;
    const ben = people.find((p) => p.email.startsWith("ben."))!.id;
    expect(new Set(jobs.map((j) => j.submittedById))).toEqual(new Set([ana, ben]));
    expect(new Set(jobs.map((j) => j.projectId)).size).toBe(2);
    // Working-day rhythm: most jobs start Monday to Friday.
    const weekend = jobs.filter((j) => [0, 6].includes(j.startedAt!.getUTCDay())).length;
    expect(weekend).toBeLessThan(jobs.length * 0.15);

    // Rates for demo-gpu (a quote, then the invoice amortised) and the CPU slot, six weeks back.
    const rates = await db.rate.findMany({ where: { pool: { name: "lab" } }, orderBy: [{ effectiveFrom: "asc" }, { hourly: "desc" }] });
    expect(rates.map((r) => [r.gpuType, r.hourly.toFixed(4)])).toEqual([["demo-gpu", "1.1000"], [null, "0.0342"], ["demo-gpu", "0.8562"]]);
    expect(rates[2]!.amortisation).toMatchObject({ purchasePrice: "30000", years: "4", hoursPerYear: "8760" });
    expect(Date.now() - rates[0]!.effectiveFrom.getTime()).toBeGreaterThan(41 * 86_400_000);

    // Every seeded minute is the meter's: rate x units x seconds / 3600, the rate the one in force at its start.
    const [wrong] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "LedgerEntry" e
       WHERE NOT e.seeded OR e.amount <> round(e.hourly * GREATEST(e.gpus, 1) * EXTRACT(EPOCH FROM e."endsAt" - e."startsAt") / 3600, 6)
          OR e."rateId" IS DISTINCT FROM (SELECT id FROM "Rate" r WHERE r."poolId" = e."poolId" AND r."gpuType" IS NOT DISTINCT FROM e."gpuType" AND r."effectiveFrom" <= e."startsAt" ORDER BY r."effectiveFrom" DESC LIMIT 1)`;
    expect(wrong!.n).toBe(0);
    // Each job's minutes cover exactly its run.
    const [gaps] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Job" j JOIN "Attempt" a ON a."jobId" = j.id
        LEFT JOIN (SELECT "jobId", sum(EXTRACT(EPOCH FROM "endsAt" - "startsAt")) AS secs, count(*) AS n FROM "LedgerEntry" GROUP BY 1) l ON l."jobId" = j.id
       WHERE j.seeded AND (l.secs IS DISTINCT FROM EXTRACT(EPOCH FROM a."endedAt" - a."startedAt") OR l.n <> ceil(EXTRACT(EPOCH FROM a."endedAt" - a."startedAt") / 60))`;
    expect(gaps!.n).toBe(0);
    // Ledger sums == rollup sums, to the micro-unit, per day, project, person, pool and GPU type; and in total.
    const [mismatch] = await db.$queryRaw<{ n: number; ledger: string; rollup: string }[]>`
      WITH l AS (SELECT "startsAt"::date AS day, "projectId", "userId", "poolId", COALESCE("gpuType", '') AS g, sum(amount) AS amount,
                        sum(GREATEST(gpus, 1) * EXTRACT(EPOCH FROM "endsAt" - "startsAt")) AS seconds FROM "LedgerEntry" GROUP BY 1, 2, 3, 4, 5),
           d AS (SELECT day, "projectId", "userId", "poolId", "gpuType" AS g, amount, seconds FROM "LedgerDay" WHERE seeded)
      SELECT (SELECT count(*) FROM l FULL JOIN d USING (day, "projectId", "userId", "poolId", g)
               WHERE l.amount IS DISTINCT FROM d.amount OR l.seconds IS DISTINCT FROM d.seconds)::int AS n,
             (SELECT sum(amount)::text FROM "LedgerEntry") AS ledger, (SELECT sum(amount)::text FROM "LedgerDay") AS rollup`;
    expect(mismatch!.n).toBe(0);
    expect(mismatch!.ledger).toBe(mismatch!.rollup);
    expect(Number(mismatch!.ledger)).toBeGreaterThan(100); // GPU-hours at ~$0.86-1.10: a few hundred dollars

    // The director's budgets for both projects: demo monthly (warn), vision-baselines a grant (hold), over half of it spent.
    const helen = (await db.user.findUniqueOrThrow({ where: { email: DEMO_PEOPLE.find((p) => p.key === "helen")!.email } })).id;
    const budgets = await db.budget.findMany({ where: { updatedById: helen }, include: { project: { select: { slug: true } } }, orderBy: { amount: "asc" } });
    expect(budgets.map((b) => [b.project?.slug, b.policy, b.endsAt === null]).sort()).toEqual([["demo", "warn", true], ["vision-baselines", "hold", false]]);
    const { getProjectBudget } = await import("../../server/costs/budgets");
    const grant = (await getProjectBudget({ actorId: helen, projectSlug: "vision-baselines" }))!;
    expect(grant.percent).toBeGreaterThanOrEqual(50);
    expect(Number(grant.amount.amount) % 50).toBe(0);

    // Seeded history leaves the currency editable, and nothing ever schedules or meters it.
    expect((await getCostSettings({ actorId: ana })).currencyEditable).toBe(true);
    await runSchedulerPass();
    expect(await meterStatement(null)).toBe(0);
    const after = await db.job.findMany({ where: { seeded: true }, select: { id: true, state: true, attemptCount: true } });
    expect(after.every((j) => ["succeeded", "failed", "cancelled"].includes(j.state) && j.attemptCount === 1)).toBe(true);
    expect(await db.attempt.count({ where: { job: { seeded: true } } })).toBe(jobs.length);

    // A second start seeds nothing more.
    const entries = await db.ledgerEntry.count();
    expect(await seedDemoLab()).toBe(false);
    expect(await seedDemoCostHistory()).toEqual({ jobs: 0, ms: 0 });
    expect(await db.job.count({ where: { seeded: true } })).toBe(jobs.length);
    expect(await db.ledgerEntry.count()).toBe(entries);
    expect(await db.rate.count()).toBe(3);

    // From nothing, the same history again (it is deterministic).
    await db.$executeRaw`DELETE FROM "LedgerEntry"`;
    await db.$executeRaw`DELETE FROM "LedgerDay"`;
    await db.$executeRaw`DELETE FROM "Job" WHERE seeded`;
    const again = await seedDemoCostHistory();
    expect(again.jobs).toBe(jobs.length);
    expect(await db.ledgerEntry.count()).toBe(entries);
    const [total] = await db.$queryRaw<{ t: string }[]>`SELECT sum(amount)::text AS t FROM "LedgerEntry"`;
    expect(total!.t).toBe(mismatch!.ledger);
    console.log(`seedDemoCostHistory: ${again.jobs} jobs, ${entries} ledger entries, ${total!.t} USD, in ${again.ms} ms`);
  }, 120_000);
});
