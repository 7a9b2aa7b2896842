// A researcher browses the demo's dataset, previews a CSV as a table and an image without
// downloading them, then uploads a folder to a dataset of their own and watches the progress.
// Runs against the demo server, which seeds the local store "local" and the dataset
// "stability-assays" in project "demo" (server/seed/demo-datasets).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { appRequest } from "./support/request";

async function signInAsAna(page: Page) {
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).toHaveURL(/\/$/);
}

test("browse the demo dataset, open a folder, preview a CSV and an image", async ({ page }) => {
  await signInAsAna(page);
  await page.goto("/projects/demo");
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Datasets" }).click();
  await page.getByRole("link", { name: "stability-assays" }).click();
  await expect(page).toHaveURL(/\/datasets\/stability-assays$/);

  const rows = page.getByRole("table", { name: "Objects" });
  await rows.getByRole("link", { name: "measurements" }).click();
  await expect(page).toHaveURL(/\/stability-assays\/measurements$/);
  await expect(page.getByRole("navigation", { name: "Folder" })).toContainText("measurements");

  // The CSV opens as a table: its header and a row, quoted fields intact.
  await rows.getByRole("button", { name: "variants.csv" }).click();
  const details = page.getByRole("complementary", { name: "Details of variants.csv" });
  const table = details.getByRole("table", { name: "Table preview" });
  await expect(table.getByRole("columnheader", { name: "tm_celsius" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "variant" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "I288F" })).toBeVisible();
  await expect(details.getByText("text/csv")).toBeVisible();

  // Back to the root by the breadcrumb, into images/: the PNG is drawn, not downloaded.
  await page.getByRole("navigation", { name: "Folder" }).getByRole("link", { name: "stability-assays" }).click();
  await rows.getByRole("link", { name: "images" }).click();
  await rows.getByRole("button", { name: "melting-curves.png" }).click();
  const image = page.getByRole("img", { name: "Image preview" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test("upload a folder straight to the store with visible progress; its files then appear", async ({ page }) => {
  test.setTimeout(120_000);
  // A folder with one file large enough to take several progress events (two 16 MiB parts and a bit).
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-e2e-upload-"));
  const folder = path.join(root, "batch-01");
  fs.mkdirSync(path.join(folder, "nested"), { recursive: true });
  fs.writeFileSync(path.join(folder, "weights.bin"), Buffer.alloc(40 * 1024 * 1024, 7));
  fs.writeFileSync(path.join(folder, "labels.csv"), "id,label\n1,cat\n2,dog\n");
  fs.writeFileSync(path.join(folder, "nested", "notes.txt"), "uploaded by the e2e test\n");

  await signInAsAna(page);
  const name = `upload-e2e-${Date.now().toString(36)}`;
  await page.goto("/projects/demo/datasets");
  await page.getByRole("button", { name: "New dataset" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  // The store select picks "local" by itself when it is the only one; choose it either way.
  await dialog.getByRole("combobox").click();
  await page.getByRole("option", { name: /^local/ }).click();
  await dialog.getByLabel("Bucket", { exact: true }).fill("e2e");
  await dialog.getByLabel("Folder in the bucket").fill(`${name}/`);
  await dialog.getByRole("button", { name: "Create dataset" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${name}$`));
  await expect(page.getByText("This dataset is empty")).toBeVisible();

  // Every value the total bar shows is recorded in the page, so a fast upload cannot slip past.
  await page.evaluate(() => {
    const seen: number[] = ((window as unknown as { __progress: number[] }).__progress = []);
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Total upload progress"]');
      const v = Number(bar?.getAttribute("aria-valuenow") ?? NaN);
      if (!Number.isNaN(v) && seen.at(-1) !== v) seen.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });
  await page.getByLabel("Folder to upload").setInputFiles(folder);
  const panel = page.getByRole("region", { name: "Uploads" });
  await expect(panel.getByRole("progressbar", { name: "Total upload progress" })).toBeVisible();
  await expect(panel.getByText("Uploaded 3 files")).toBeVisible({ timeout: 60_000 });
  const seen = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
  expect(seen.some((v) => v > 0 && v < 100), `progress values seen: ${seen.join(", ")}`).toBe(true);
  expect(seen.at(-1)).toBe(100);

  // The listing refreshes by itself: the uploaded folder, then its files with their sizes.
  const rows = page.getByRole("table", { name: "Objects" });
  await rows.getByRole("link", { name: "batch-01" }).click();
  await expect(rows.getByRole("button", { name: "weights.bin" })).toBeVisible();
  await expect(rows.getByRole("row", { name: /weights\.bin/ })).toContainText("40.0 MB");
  await expect(rows.getByRole("button", { name: "labels.csv" })).toBeVisible();
  await expect(rows.getByRole("link", { name: "nested" })).toBeVisible();
  fs.rmSync(root, { recursive: true, force: true });
});

test("edit a dataset's description, then remove it: the objects stay in the store", async ({ page }) => {
  await signInAsAna(page);
  const name = `remove-e2e-${Date.now().toString(36)}`;
  const { stores } = (await (await page.request.get("/api/v1/data-stores")).json()) as { stores: { id: string; name: string }[] };
  const local = stores.find((s) => s.name === "local")!;
  const created = await appRequest(page).post("/api/v1/projects/demo/datasets", { data: { name, description: "", storeId: local.id, bucket: "e2e", prefix: `${name}/` } });
  expect(created.status()).toBe(201);

  // The demo's local store is a folder of the demo server's data folder (e2e/secrets.ts reads it too).
  const kept = path.join(process.env.E2E_RUN_DIR!, "demo", "datasets", "e2e", name, "kept.txt");
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  fs.writeFileSync(kept, "still here\n");

  await page.goto(`/projects/demo/datasets/${name}`);
  await expect(page.getByRole("table", { name: "Objects" }).getByRole("button", { name: "kept.txt" })).toBeVisible();
  await page.getByRole("button", { name: `Settings of ${name}` }).click();
  await page.getByRole("menuitem", { name: "Edit name and description" }).click();
  await page.getByRole("dialog").getByLabel("Description").fill("Scratch data for the e2e test");
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Scratch data for the e2e test")).toBeVisible();

  await page.getByRole("button", { name: `Settings of ${name}` }).click();
  await page.getByRole("menuitem", { name: "Remove dataset…" }).click();
  const ask = page.getByRole("alertdialog", { name: `Remove the dataset ${name}?` });
  await expect(ask).toContainText(`e2e/${name}/`);
  await ask.getByRole("button", { name: "Remove dataset" }).click();
  await expect(page).toHaveURL(/\/projects\/demo\/datasets$/);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect(fs.readFileSync(kept, "utf8")).toBe("still here\n");
});
