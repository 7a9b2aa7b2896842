// A budget as the demo lab's director meets it: Helen sets one on the project's settings card; the
// project's spend passes 50 and 80 % (ledger rows written into the demo server's own database, as
// the meter would, since the demo's simulated GPUs would take hours to spend it; sized to whatever
// seeded history the demo already has this month); the supervisor's
// check tells her by the bell, once (thresholds crossed together are one notice, for the highest); the submit form shows a job's price before it runs.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";

const home = () => path.join(process.env.E2E_RUN_DIR!, "demo");

/** The demo server's embedded PostgreSQL: its port from postmaster.pid (line 4), its password file. */
async function demoDb(): Promise<pg.Client> {
  const port = Number(fs.readFileSync(path.join(home(), "postgres", "postmaster.pid"), "utf8").split("\n")[3]);
  const password = fs.readFileSync(path.join(home(), "postgres-password"), "utf8").trim();
  const client = new pg.Client({ host: "127.0.0.1", port, user: "benchtop", password, database: "benchtop" });
  await client.connect();
  return client;
}

async function signInAs(page: Page, who: RegExp) {
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: who }).click();
  await expect(page).toHaveURL(/\/$/);
}

const escape = (s: string) => s.replace(/[$().]/g, "\\$&");
const usd = (amount: string) => new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(amount as `${number}`);
const MONTH = `date_trunc('month', now() AT TIME ZONE 'UTC')`;

test("a director sets a budget on the settings card, is told by the bell when spend passes 80 %, and the owner sees a job's price before it runs", async ({ page }) => {
  test.setTimeout(150_000);
  // The demo may have seeded history this month: the budget is sized so that it is under 50 % before, and 82 % after.
  const db = await demoDb();
  let spent: string;
  try {
    spent = (await db.query(`SELECT COALESCE(SUM(amount), 0)::text AS s FROM "LedgerEntry" e JOIN "Project" p ON p.id = e."projectId" WHERE p.slug = 'demo' AND e."startsAt" >= ${MONTH}`)).rows[0].s;
  } catch (e) {
    await db.end();
    throw e;
  }
  const amount = Math.max(400, Math.ceil(Number(spent) / 0.4 / 100) * 100);
  const target = (amount * 0.82).toFixed(2);

  await signInAs(page, /Helen Park/);
  await page.goto("/projects/demo/settings");
  const card = page.getByRole("region", { name: "Budget" });
  // The demo seeds a monthly budget of hers for the project (warn only); she changes it.
  await card.getByRole("button", { name: "Edit" }).click();
  await card.getByLabel("Amount").fill(String(amount));
  await card.getByRole("combobox", { name: "At 100 %" }).click();
  await page.getByRole("option", { name: "Hold new jobs", exact: true }).click();
  await card.getByRole("button", { name: "Save budget" }).click();
  // (Other demo specs run jobs on this project meanwhile, at the demo's rates: its spend moves by cents.)
  await expect(card.getByText(new RegExp(`^\\$[\\d,.]+ of ${escape(usd(String(amount)))}$`))).toBeVisible();
  await expect(card.getByText("At 100 %: hold new jobs")).toBeVisible();

  // The project's spend this month topped up to 82 % (one ledger row, as the meter would write, a minute
  // ago: the costs spec beside this one reads last month), and a
  // GPU rate when the demo has none, so the submit form has a price.
  try {
    await db.query(
      `INSERT INTO "LedgerEntry" ("attemptNodeId", minute, "startsAt", "endsAt", "jobId", "attemptId", "projectId", "userId", "poolId", "agentId", "gpuType", gpus, hourly, amount)
       SELECT 'e2e-node', 0, GREATEST(now() - interval '2 minutes', ${MONTH}), GREATEST(now() - interval '2 minutes', ${MONTH}) + interval '1 minute', 'e2e-job', 'e2e-attempt', p.id, m."userId", 'e2e-pool', 'e2e-agent', 'A100', 1, 0, $1::numeric - $2::numeric
         FROM "Project" p JOIN "Member" m ON m."projectId" = p.id AND m.role = 'owner' WHERE p.slug = 'demo'`,
      [target, spent],
    );
    await db.query(`
      INSERT INTO "Rate" (id, "poolId", "gpuType", kind, hourly, "effectiveFrom", source)
      SELECT DISTINCT ON (a."poolId", a."gpuType") 'e2e-' || a.id, a."poolId", a."gpuType", 'owned', 1.25, now() - interval '1 day', 'e2e'
        FROM "Agent" a WHERE a."gpuType" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Rate")`);
  } finally {
    await db.end();
  }

  // The supervisor checks budgets every 30 s; the bell polls every 30 s (a reload asks at once).
  // Other notices may be there too (the demo's seeded grant passes half at the first check): this
  // one must come, once.
  const bell = page.getByRole("button", { name: /^Notices/ });
  const list = page.getByRole("dialog", { name: "Notices" });
  const notice = list.getByText(new RegExp(`^Project demo has spent \\$[\\d,.]+ \\(82 %\\) of its ${escape(usd(String(amount)))} \\w+ budget$`));
  await expect(async () => {
    await page.reload();
    await expect(bell).toHaveAccessibleName(/^Notices, \d+ unread$/, { timeout: 2000 });
    await bell.click();
    await expect(notice).toHaveCount(1, { timeout: 2000 });
  }).toPass({ timeout: 75_000, intervals: [3000] });
  await page.screenshot({ path: test.info().outputPath("notice-bell.png") });
  await page.keyboard.press("Escape");
  await expect(bell).toHaveAccessibleName("Notices");
  await expect(card.getByText("82 %", { exact: true })).toBeVisible();
  await expect(card.getByRole("progressbar", { name: "Budget spent" })).toHaveAttribute("aria-valuenow", "82");
  await card.screenshot({ path: test.info().outputPath("budget-card.png") });

  // Ana, the project's owner, was told too; she submits from the form, which prices the job as she types.
  await signInAs(page, /Ana Souza/);
  await bell.click();
  await expect(notice).toHaveCount(1);
  await page.keyboard.press("Escape");
  await page.goto("/projects/demo/jobs/new");
  await page.getByLabel("Command").fill("python train.py --epochs 3");
  await expect(page.getByTestId("price-estimate")).toHaveText(/^At most \$[\d.,]+ on .+ \(24 h max\)(; expected ~\$[\d.,]+ from your last .+ of this command)?\.$/, { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath("submit-price.png"), fullPage: true });
});
