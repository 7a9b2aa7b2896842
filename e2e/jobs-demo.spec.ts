// A researcher submits a job from the browser, watches its log stream and a metric chart grow,
// then cancels it. Runs against the demo server, whose local agent offers 4 simulated GPUs.
import { expect, test } from "@playwright/test";
import { signInByEmail, uniqueEmail } from "./support/auth";
import { expectNoCspViolations, watchCsp } from "./support/csp";

// Pure bash, so the job needs nothing installed: a log line and a metric point every 0.3 s.
const COMMAND = 'for s in $(seq 1 2000); do echo "epoch 0 step $s"; echo "::metric step=$s total=2000 loss=$((1000 / s))"; sleep 0.3; done';

test("submit from the browser, watch logs stream and a chart grow, cancel; nothing breaks the page's CSP", async ({ page }) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);
  await signInByEmail(page, uniqueEmail("jobs"));
  const name = `Jobs e2e ${Date.now()}`;
  await page.goto("/");
  await page.getByRole("button", { name: "New project" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByText("No jobs yet")).toBeVisible();
  await page.getByRole("link", { name: "New job" }).first().click();

  // A field error beside its field, before anything reaches the server.
  await page.getByRole("button", { name: "Submit job" }).click();
  await expect(page.getByText("Command is required")).toBeVisible();

  await page.getByLabel("Command").fill(COMMAND);
  await page.getByLabel("Name", { exact: true }).fill("counting steps");
  await page.getByLabel("GPUs per node").fill("1");
  await page.getByRole("button", { name: "30m" }).click();
  await page.getByRole("button", { name: "Submit job" }).click();

  await expect(page).toHaveURL(/\/jobs\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "counting steps" })).toBeVisible();

  // The log streams: later steps appear without a reload.
  const log = page.getByRole("log");
  await expect(log).toContainText("epoch 0 step 3", { timeout: 30_000 });
  await expect(log).toContainText("epoch 0 step 12", { timeout: 20_000 });
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  // The loss chart grows: its latest step moves on.
  const chart = page.getByRole("figure", { name: "loss" });
  await expect(chart).toBeVisible({ timeout: 20_000 });
  const stepOf = async () => Number(/at step ([\d,]+)/.exec((await chart.textContent()) ?? "")?.[1]?.replace(/,/g, "") ?? 0);
  const first = await stepOf();
  await expect.poll(stepOf, { timeout: 20_000 }).toBeGreaterThan(first);
  await expect(page.getByRole("progressbar", { name: "Progress" })).toBeVisible();

  // Search finds a line and says where it is.
  await page.getByLabel("Search the log").fill("step 5");
  await page.getByLabel("Search the log").press("Enter");
  await expect(page.getByText(/^\d+ \/ \d+$/)).toBeVisible();
  await page.getByLabel("Search the log").fill("");

  // Cancel, confirmed; the job ends cancelled within seconds.
  await page.getByRole("button", { name: "Cancel job" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel job" }).click();
  await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Re-run", exact: true })).toBeVisible();
  // recharts, the log's live stream (SSE), sonner's toasts and dialogs ran under the nonce CSP.
  await expectNoCspViolations(csp);
});
