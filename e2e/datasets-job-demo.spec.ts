// A researcher attaches the demo lab's dataset to a job from the submit form; the job reads its
// files at $BENCHTOP_DATASET_STABILITY_ASSAYS, and the job's page lists the dataset and the
// version it read. Runs against the demo server (seeded local store, local agent).
import { expect, test } from "@playwright/test";

const COMMAND = 'wc -l "$BENCHTOP_DATASET_STABILITY_ASSAYS"/measurements/*.csv; ls "$BENCHTOP_DATASET_STABILITY_ASSAYS"';

test("attach a dataset from the submit form; the job reads it and its page names the version", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: /Protein stability/ }).first()).toBeVisible();

  await page.goto("/projects/demo/jobs/new");
  await page.getByLabel("Command").fill(COMMAND);
  await page.getByLabel("Name", { exact: true }).fill("reads the assays");
  await page.getByLabel("GPUs per node").fill("1");

  // The project's one dataset is offered first; latest version, copied before the job starts.
  await page.getByRole("button", { name: "Attach dataset" }).click();
  const row = page.getByTestId("dataset-row");
  await expect(row.getByRole("combobox", { name: "Dataset 1" })).toHaveText("stability-assays");
  await expect(row.getByRole("combobox", { name: /Version of dataset/ })).toHaveText("Latest");
  await expect(row.getByRole("combobox", { name: /Mode of dataset/ })).toHaveText("Copy first");
  await expect(row.getByText("$BENCHTOP_DATASET_STABILITY_ASSAYS")).toBeVisible();
  await page.getByRole("button", { name: "Submit job" }).click();

  await expect(page).toHaveURL(/\/jobs\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "reads the assays" })).toBeVisible();
  const log = page.getByRole("log");
  await expect(log).toContainText(/dataset stability-assays v\d+: \d+ files/, { timeout: 60_000 });
  await expect(log).toContainText(/70 \S*\/measurements\/variants\.csv/, { timeout: 30_000 });
  await expect(log).toContainText("README.md");
  await expect(page.getByText("Succeeded", { exact: true }).first()).toBeVisible({ timeout: 30_000 });

  const datasets = page.getByRole("region", { name: "Datasets" });
  await expect(datasets.getByRole("link", { name: "stability-assays" })).toBeVisible();
  await expect(datasets.getByText(/^v\d+$/)).toBeVisible();
  await expect(datasets.getByText("copy", { exact: true })).toBeVisible();
  await expect(datasets.getByText(/^\d+ files · /)).toBeVisible();
});
