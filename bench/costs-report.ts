// Every dashboard query over a busy lab's year: 1,000,000 ledger entries (5,000 jobs of 200 GPU-minutes,
// 12 projects, 24 people, 3 pools) written with generate_series into a scratch database, with their
// daily rollups kept by the ledger's trigger from exactly those rows, as for the meter's. Each query runs
// through the same functions the API and the /costs page call; p50/p99 over 20 runs after 2 warm-ups.
// Target: each under 300 ms. Each answer is also checked against SUM(LedgerEntry.amount) to the cent.
//   npx tsx bench/costs-report.ts [--entries 1000000] [--runs 20]
import os from "node:os";
import { performance } from "node:perf_hooks";
import { benchDatabase, fmt, percentile } from "./support";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("entries", 1_000_000);
const RUNS = arg("runs", 20);
const PER_JOB = 200;

const database = await benchDatabase("costs-report");
try {
  const { db, Prisma } = await import("../server/db/client");
  const { costsReport } = await import("../server/costs/report");
  const { costsDashboard, ownSpend } = await import("../server/costs/dashboard");

  const director = await db.user.create({ data: { email: "director@bench", name: "Director", labRole: "director" } });
  const people = await Promise.all(Array.from({ length: 24 }, (_, i) => db.user.create({ data: { email: `p${i}@bench`, name: `Person ${i}` } })));
  const projects = await Promise.all(Array.from({ length: 12 }, (_, i) => db.project.create({ data: { slug: `p${i}`, name: `Project ${i}` } })));
  for (const [i, p] of projects.entries()) await db.member.create({ data: { projectId: p.id, userId: people[i]!.id, role: "owner" } });
  const pools = await Promise.all(["own-a100", "own-h100", "cloud"].map((name) => db.pool.create({ data: { name } })));
  for (const [i, pool] of pools.entries()) {
    await db.agent.create({ data: { name: `agent-${i}`, poolId: pool.id, tokenHash: `h${i}`, tokenPrefix: "x", gpuType: i === 1 ? "H100" : "A100", registeredAt: new Date("2025-01-01"), gpus: Array.from({ length: 8 }, (_, g) => ({ index: g })) } });
  }
  for (const p of projects.slice(0, 6)) await db.budget.create({ data: { scope: p.id, projectId: p.id, amount: new Prisma.Decimal(20_000) } });
  await db.budget.create({ data: { scope: "lab", amount: new Prisma.Decimal(250_000) } });

  const year = new Date("2025-01-01T00:00:00Z");
  const jobs = Math.ceil(N / PER_JOB);
  const spacingSeconds = (365 * 86_400) / jobs;
  let t = performance.now();
  await db.$executeRawUnsafe(
    `INSERT INTO "LedgerEntry" ("attemptNodeId", minute, "startsAt", "endsAt", "jobId", "attemptId", "projectId", "userId", "poolId", "agentId", "gpuType", gpus, hourly, amount)
     SELECT 'node-' || j, m, s, s + interval '1 minute', 'job-' || j, 'att-' || j, (ARRAY[$1])[1 + j % 12], (ARRAY[$2])[1 + j % 24],
            (ARRAY[$3])[1 + j % 3], 'agent', CASE WHEN j % 3 = 1 THEN 'H100' WHEN j % 7 = 0 THEN NULL ELSE 'A100' END,
            CASE WHEN j % 7 = 0 AND j % 3 <> 1 THEN 0 ELSE 1 + j % 4 END, h, round(h * GREATEST(CASE WHEN j % 7 = 0 AND j % 3 <> 1 THEN 0 ELSE 1 + j % 4 END, 1) / 60, 6)
       FROM (SELECT i / ${PER_JOB} AS j, i % ${PER_JOB} AS m FROM generate_series(0, ${N - 1}) i) g,
            LATERAL (SELECT $4::timestamp + (j * ${spacingSeconds}) * interval '1 second' + m * interval '1 minute' AS s,
                            CASE WHEN j % 3 = 1 THEN 3.9871 ELSE 1.8313 END AS h) x`.replace(/\$1/g, projects.map((p) => `'${p.id}'`).join(",")).replace(/\$2/g, people.map((p) => `'${p.id}'`).join(",")).replace(/\$3/g, pools.map((p) => `'${p.id}'`).join(",")).replace("$4", `'${year.toISOString()}'`),
  );
  console.log(`wrote ${N.toLocaleString("en")} ledger entries (${jobs.toLocaleString("en")} jobs) in ${fmt((performance.now() - t) / 1000)} s`);
  t = performance.now();
  await db.$executeRawUnsafe(`ANALYZE "LedgerEntry"; `);
  await db.$executeRawUnsafe(`ANALYZE "LedgerDay"; `);
  await db.$executeRawUnsafe(`ANALYZE "LedgerJobDay"; `);
  const days = (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "LedgerDay"`)[0]!.n;
  console.log(`rolled up (by the ledger's trigger, in the insert) into ${days.toLocaleString("en")} LedgerDay rows; analysed in ${fmt((performance.now() - t) / 1000)} s`);

  const now = new Date("2025-12-20T15:42:00Z");
  const exact = async (from: string, to: string, projectId?: string) =>
    (await db.$queryRaw<{ s: string }[]>`SELECT round(COALESCE(sum(amount), 0), 2)::text AS s FROM "LedgerEntry" WHERE "startsAt" >= ${new Date(from)} AND "startsAt" < ${new Date(to)} AND (${projectId ?? null}::text IS NULL OR "projectId" = ${projectId ?? null}::text)`)[0]!.s;

  const month = { from: "2025-12-01", to: "2026-01-01" };
  const yearRange = { from: "2025-01-01", to: "2026-01-01" };
  const midDay = { from: "2025-03-14T09:26:00Z", to: "2025-11-02T17:03:00Z" };
  const cases: { name: string; run: () => Promise<unknown>; check?: () => Promise<[string, string]> }[] = [
    { name: "report by project, this month", run: () => costsReport({ actorId: director.id, ...month }), check: async () => [(await costsReport({ actorId: director.id, ...month })).total.amount.amount, await exact(month.from, month.to)] },
    { name: "report by day, the whole year", run: () => costsReport({ actorId: director.id, ...yearRange, groupBy: "day" }), check: async () => [(await costsReport({ actorId: director.id, ...yearRange, groupBy: "day" })).total.amount.amount, await exact(yearRange.from, yearRange.to)] },
    { name: "report by person, year, mid-day edges", run: () => costsReport({ actorId: director.id, ...midDay, groupBy: "person" }), check: async () => [(await costsReport({ actorId: director.id, ...midDay, groupBy: "person" })).total.amount.amount, await exact(midDay.from, midDay.to)] },
    { name: "report by GPU type, year, one project", run: () => costsReport({ actorId: director.id, ...yearRange, groupBy: "gpuType", projectSlug: "p3" }), check: async () => [(await costsReport({ actorId: director.id, ...yearRange, groupBy: "gpuType", projectSlug: "p3" })).total.amount.amount, await exact(yearRange.from, yearRange.to, projects[3]!.id)] },
    { name: "report by job, this month", run: () => costsReport({ actorId: director.id, ...month, groupBy: "job" }) },
    { name: "report by pool, year (a researcher's own)", run: () => costsReport({ actorId: people[5]!.id, ...yearRange, groupBy: "pool" }) },
    { name: "dashboard (all charts), this month", run: () => costsDashboard({ actorId: director.id, ...month, now }) },
    { name: "dashboard (all charts), the whole year", run: () => costsDashboard({ actorId: director.id, ...yearRange, by: "person", now }) },
    { name: "home dashboard: own spend + budgets", run: () => ownSpend({ actorId: people[2]!.id, now }) },
  ];

  const rows: string[][] = [];
  for (const c of cases) {
    for (let i = 0; i < 2; i++) await c.run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await c.run();
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    let exactness = "";
    if (c.check) {
      const [answer, ledger] = await c.check();
      exactness = answer === ledger ? `= ledger ${answer}` : `MISMATCH ${answer} vs ${ledger}`;
    }
    const p99 = percentile(times, 99);
    rows.push([c.name, fmt(percentile(times, 50)), fmt(p99), p99 < 300 ? "yes" : "NO", exactness]);
  }
  const header = ["query", "p50 ms", "p99 ms", "< 300 ms", "total vs SUM(LedgerEntry)"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log(`\n${N.toLocaleString("en")} entries, ${RUNS} runs each; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${os.cpus().length} CPUs:`);
  for (const r of [header, ...rows]) console.log(r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("   "));
  await db.$disconnect();
  await (await import("../server/db/pool")).sql.end(); // the process's one pool, Prisma's too
} finally {
  await database.stop();
}
