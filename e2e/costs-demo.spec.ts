// The director's dashboard in the demo lab: ledger rows are written into the demo's own database
// (as the meter writes them; the ledger's trigger rolls them up), Helen opens
// /costs, filters to one project and downloads the CSV. The CSV's total, the table's total and the
// ledger's own sum agree to the cent. Seeded history may be there too: every figure is compared
// with the database, not with constants.
import fs from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Client } from "pg";

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The demo server's embedded PostgreSQL (playwright.config.ts: BENCHTOP_HOME = E2E_RUN_DIR/demo). */
async function demoDatabase(): Promise<Client> {
  const home = path.join(process.env.E2E_RUN_DIR!, "demo");
  const password = (await fs.readFile(path.join(home, "postgres-password"), "utf8")).trim();
  const port = Number((await fs.readFile(path.join(home, "postgres", "postmaster.pid"), "utf8")).split("\n")[3]);
  const client = new Client({ host: "127.0.0.1", port, user: "benchtop", password, database: "benchtop" });
  await client.connect();
  return client;
}

/** One run's minutes, as the meter writes them; the ledger's trigger rolls them up into LedgerDay and LedgerJobDay. */
const LEDGER = `
INSERT INTO "LedgerEntry" ("attemptNodeId", minute, "startsAt", "endsAt", "jobId", "attemptId", "projectId", "userId",
                           "poolId", "agentId", "gpuType", gpus, hourly, amount)
SELECT node, k, t0 + k * interval '1 minute', t0 + (k + 1) * interval '1 minute', job_id, 'att-' || node, project_id, user_id,
       pool_id, 'agent-e2e', gpu_type, gpus, hourly, round(hourly * gpus / 60, 6)
  FROM (SELECT gen_random_uuid()::text AS node, $1::text AS project_id, $2::text AS user_id, $3::text AS pool_id, $4::text AS gpu_type,
               $5::int AS gpus, $6::numeric AS hourly, $7::timestamp AS t0, $8::int AS minutes, $9::text AS job_id) src,
       generate_series(0, minutes - 1) k`;

test("a director filters /costs to a project and exports a CSV whose total is the table's and the ledger's", async ({ page }) => {
  test.setTimeout(120_000);
  const db = await demoDatabase();
  // Three whole UTC days of last month (the 10th to the 12th): this month's spend is the budget spec's,
  // which runs beside this one on the same demo, so neither writes into the other's range.
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 13);
  const from = dayOf(today - 3 * DAY);
  const until = dayOf(today - DAY);
  try {
    const ids = async (sql: string, args: unknown[] = []) => (await db.query(sql, args)).rows as Record<string, string>[];
    const [demo, vision] = await ids(`SELECT id, slug FROM "Project" WHERE slug IN ('demo', 'vision-baselines') ORDER BY slug`);
    const people = Object.fromEntries((await ids(`SELECT id, email FROM "User" WHERE email LIKE 'ana.souza@%' OR email LIKE 'ben.okafor@%'`)).map((u) => [u.email!.split(".")[0], u.id]));
    const [pool] = await ids(`SELECT p.id, COALESCE(a."gpuType", 'A100') AS gpu FROM "Pool" p LEFT JOIN "Agent" a ON a."poolId" = p.id ORDER BY p."createdAt" LIMIT 1`);
    const jobOf = async (projectId: string) => (await ids(`SELECT id FROM "Job" WHERE "projectId" = $1 ORDER BY "submittedAt" LIMIT 1`, [projectId]))[0]?.id ?? null;
    const demoJob = await jobOf(demo!.id!);
    const runs: [Record<string, string>, string, number, string, number, number][] = [
      // project, person, GPUs, hourly, day offset, minutes
      [demo!, people.ana!, 2, "2.3456", 3, 250],
      [demo!, people.ben!, 1, "2.3456", 2, 613],
      [vision!, people.ben!, 4, "1.1111", 2, 97],
      [demo!, people.ana!, 1, "2.3456", 1, 1439],
    ];
    for (const [p, user, gpus, hourly, back, minutes] of runs) {
      const t0 = new Date(today - back * DAY + 7 * 3_600_000 + 17_000);
      await db.query(LEDGER, [p.id, user, pool!.id, pool!.gpu, gpus, hourly, t0, minutes, (await jobOf(p.id!)) ?? `job-e2e-${p.slug}`]);
    }
    // A monthly budget for the demo project, unless the demo already has one: the budget chart draws it.
    await db.query(`INSERT INTO "Budget" (id, scope, "projectId", amount, "updatedAt") VALUES ('e2e-budget-demo', $1, $1, 400, now()) ON CONFLICT DO NOTHING`, [demo!.id]);
    const exact = async (projectId: string | null) =>
      (await db.query(`SELECT round(COALESCE(sum(amount), 0), 2)::text AS s FROM "LedgerEntry" WHERE "startsAt" >= $1 AND "startsAt" < $2 AND ($3::text IS NULL OR "projectId" = $3)`, [new Date(today - 3 * DAY), new Date(today), projectId])).rows[0].s as string;
    const demoSum = await exact(demo!.id!);
    const labSum = await exact(null);

    await page.goto("/signin");
    await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Helen Park/ }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Costs" }).click();
    await expect(page).toHaveURL(/\/costs$/);
    await expect(page.getByRole("heading", { name: "Costs", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Rates" })).toHaveAttribute("href", "/costs/rates");

    await page.goto(`/costs?from=${from}&until=${until}`);
    await expect(page.getByTestId("spend-table-total")).toHaveText(`$${Number(labSum).toLocaleString("en", { minimumFractionDigits: 2 })}`);
    await expect(page.getByTestId("spend-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await page.getByRole("combobox", { name: "Project" }).selectOption("demo");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/project=demo/);
    await expect(page).toHaveURL(new RegExp(`from=${from}`));
    const tableTotal = page.getByTestId("spend-table-total");
    await expect(tableTotal).toHaveText(`$${Number(demoSum).toLocaleString("en", { minimumFractionDigits: 2 })}`);
    await expect(page.getByTestId("range-total")).toHaveText((await tableTotal.textContent())!);

    await expect(page.getByTestId("budgets-table")).toContainText("demo");
    await expect(page.getByTestId("budget-chart").locator(".recharts-line").first()).toBeVisible();
    await page.getByRole("navigation", { name: "Stack by" }).getByRole("link", { name: "Person" }).click();
    await expect(page).toHaveURL(/by=person/);
    await expect(page.getByTestId("spend-table")).toContainText("Ana Souza");
    await expect(tableTotal).toHaveText(`$${Number(demoSum).toLocaleString("en", { minimumFractionDigits: 2 })}`);
    await page.screenshot({ path: test.info().outputPath("costs-demo.png"), fullPage: true });

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "CSV by person" }).click();
    const csv = await fs.readFile((await (await downloading).path())!, "utf8");
    const lines = csv.trim().split("\r\n").map((l) => l.split(","));
    expect(lines[0]).toEqual(["group_by", "key", "label", "amount", "currency", "gpu_hours", "seeded"]);
    const total = lines.at(-1)!;
    expect(total[0]).toBe("total");
    expect(total[3]).toBe(demoSum);
    expect(`$${Number(total[3]).toLocaleString("en", { minimumFractionDigits: 2 })}`).toBe(await tableTotal.textContent());
    // A job that exists links to its page.
    if (demoJob) await expect(page.getByTestId("jobs-table").locator(`a[href="/jobs/${demoJob}"]`)).toBeVisible();
  } finally {
    await db.end();
  }
});

test("a researcher sees her own spend this month on her dashboard, and no Costs in the nav", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).toHaveURL(/\/$/);
  const card = page.getByTestId("your-spend");
  await expect(card.getByText(/^Your spend, /)).toBeVisible();
  await expect(card.getByText(/^\$[\d,]+\.\d\d/).first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Costs" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("costs-researcher.png") });
});
