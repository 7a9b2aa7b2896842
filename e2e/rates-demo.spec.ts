// Rates in the demo lab: the seeded prices of the simulated demo-gpu and the CPU slot, set by the
// director Helen with the amortisation calculator; a researcher sees them read-only; the seeded
// history is marked as such in job lists and on its job pages.
import { expect, test, type Page } from "@playwright/test";

async function signInAs(page: Page, name: RegExp) {
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name }).click();
  await expect(page).toHaveURL(/\/$/);
}

test("the director sets a rate with the calculator and sees it in the table, its history kept", async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  await signInAs(page, /Helen Park/);
  await page.goto("/costs/rates");
  await expect(page.getByRole("heading", { level: 1, name: "Rates" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Costs" })).toHaveAttribute("href", "/costs");
  const gpu = page.getByTestId("rate-row").filter({ hasText: "demo-gpu" });
  const cpu = page.getByTestId("rate-row").filter({ hasText: "CPU slot" });
  await expect(gpu).toContainText("$0.8562");
  await expect(gpu).toContainText("Invoice 2026-118");
  await expect(cpu).toContainText("$0.0342");
  // The currency can change until a real job is charged (other demo specs may have run one by now).
  await expect(page.getByRole("button", { name: "Change currency" }).or(page.getByText("USD is fixed: the ledger holds charges in it."))).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("rates-seeded.png"), fullPage: true });

  await page.getByRole("button", { name: "Set a rate" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Set a rate" });
  await expect(dialog.getByRole("combobox", { name: "Pool" })).toHaveText("lab");
  await dialog.getByRole("combobox", { name: "Prices" }).click();
  await page.getByRole("option", { name: "demo-gpu (per GPU)" }).click();
  await expect(dialog.getByRole("radio", { name: /Owned/ })).toHaveAttribute("aria-checked", "true");
  await dialog.getByLabel("Purchase price per GPU").fill("40000");
  await dialog.getByLabel("Years of life").fill("5");
  await expect(dialog.getByLabel("Hours per year")).toHaveValue("8760");
  // 40000 / (5 x 8760) = 0.913242... -> 0.9132, shown as it is typed.
  await expect(dialog.getByTestId("amortised-hourly")).toContainText("$0.9132");
  await dialog.getByLabel("Expected utilisation (%)").fill("80");
  await expect(dialog.getByTestId("amortised-hourly")).toContainText("$1.1416"); // 40000 / 35040 = 1.14155...
  await dialog.getByLabel("Expected utilisation (%)").fill("100");
  await dialog.getByLabel("Source").fill("Invoice 2026-204: second 8-GPU server, per GPU");
  await page.screenshot({ path: test.info().outputPath("rates-dialog.png") });
  await dialog.getByRole("button", { name: "Save rate" }).click();
  await expect(dialog).toBeHidden();

  await expect(gpu).toContainText("$0.9132");
  await expect(gpu).toContainText("Invoice 2026-204");
  await expect(gpu).toContainText("40,000 per GPU over 5 years of 8760 h");
  await gpu.getByRole("button", { name: /History of demo-gpu on lab/ }).click();
  const history = page.getByRole("list", { name: "Rate history" });
  await expect(history.getByRole("listitem")).toHaveCount(3);
  await expect(history.getByRole("listitem").first()).toContainText("(now)");
  await expect(history).toContainText("Vendor quote");
  await expect(history).toContainText("set by Helen Park");
  await page.screenshot({ path: test.info().outputPath("rates-after.png"), fullPage: true });

  // Backdating into charged minutes is refused with the server's sentence, in the form.
  await page.getByRole("button", { name: "Set a rate" }).first().click();
  await dialog.getByRole("combobox", { name: "Prices" }).click();
  await page.getByRole("option", { name: "demo-gpu (per GPU)" }).click();
  await dialog.getByRole("tab", { name: "Hourly price" }).click();
  await dialog.getByLabel(/Price per GPU and hour/).fill("2");
  await dialog.getByLabel("From (UTC)").fill("2020-01-01");
  await dialog.getByRole("button", { name: "Save rate" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Rates apply from now on: minutes of demo-gpu on pool lab up to");
});

test("a researcher sees the rates read-only, and seeded jobs say they are seeded history", async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  await signInAs(page, /Ana Souza/);
  await page.goto("/costs/rates");
  await expect(page.getByTestId("rate-row").filter({ hasText: "CPU slot" })).toContainText("$0.0342");
  await expect(page.getByText("Lab directors and admins set them.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Set a rate" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Change currency" })).toHaveCount(0);

  await page.goto("/projects/demo/jobs");
  const seeded = page.getByRole("row").filter({ hasText: "seeded history" });
  await expect(seeded.first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("jobs-seeded.png") });
  await seeded.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/jobs\/seed/);
  await expect(page.getByText("seeded history", { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("job-seeded.png"), fullPage: true });
});
