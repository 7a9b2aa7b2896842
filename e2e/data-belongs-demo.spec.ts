// Data belongs to projects, as people meet it on the demo server: an external collaborator sees
// datasets and stores without where they live, a job's variables are hidden from those who may
// not read them (a secret from everyone), and an archived project says it is read-only.
// API calls use the demo's own token (Ana Souza, owner of "demo"), as the CLI does.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const home = () => path.join(process.env.E2E_RUN_DIR!, "demo");
const anaToken = () => fs.readFileSync(path.join(home(), "demo-token"), "utf8").trim();

async function signInAs(page: Page, who: RegExp) {
  await page.context().clearCookies(); // whoever was signed in before
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: who }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function asAna(request: APIRequestContext, method: "GET" | "POST", url: string, data?: unknown) {
  const res = await request.fetch(`/api/v1${url}`, { method, data, headers: { authorization: `Bearer ${anaToken()}` } });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

test("an external collaborator sees the demo's datasets and stores without their location", async ({ page }) => {
  const bodies: string[] = [];
  page.on("response", async (res) => {
    if (/html|json|javascript|text/.test(res.headers()["content-type"] ?? "")) bodies.push(await res.text().catch(() => ""));
  });
  await signInAs(page, /Chen Wei/);
  await page.goto("/projects/demo/datasets");
  await expect(page.getByRole("link", { name: "stability-assays" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("external-datasets.png"), fullPage: true });
  await page.goto("/projects/demo/datasets/stability-assays");
  await expect(page.getByRole("heading", { name: "stability-assays" })).toBeVisible();
  await page.goto("/settings/stores");
  await expect(page.getByRole("heading", { name: "local" })).toBeVisible();
  await expect(page.getByText("Folder", { exact: true })).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  const stores = await page.request.get("/api/v1/data-stores");
  bodies.push(await stores.text());
  // The demo store's folder is BENCHTOP_HOME/datasets: none of it reaches Chen.
  for (const body of bodies) {
    expect(body).not.toContain(home());
    // As a field of data (JSON, or the page's RSC payload where quotes are escaped), not as code. ("prefix" is also
    // a folder inside the dataset, which browsing names, so the dataset's own is checked by the tests in tests/.)
    for (const field of ["localRoot", "bucket", "endpoint", "hasCredentials"]) {
      expect(body).not.toContain(`"${field}":`);
      expect(body).not.toContain(`\\"${field}\\":`);
    }
  }
});

test("a job's variables: the submitter reads them, a viewer sees names only, a secret shows to nobody", async ({ page, request }) => {
  const value = `wandb-${Date.now().toString(36)}`;
  const secret = `secret-${Date.now().toString(36)}`;
  const { id } = await asAna(request, "POST", "/jobs", {
    projectSlug: "demo",
    name: "env visibility",
    command: "echo done",
    gpus: 0,
    env: { WANDB_API_KEY: value },
    secretEnv: { HF_TOKEN: secret },
  });

  await signInAs(page, /Ana Souza/);
  await page.goto(`/jobs/${id}`);
  await expect(page.getByText(`WANDB_API_KEY=${value}`)).toBeVisible();
  await expect(page.getByText("HF_TOKEN")).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);

  await signInAs(page, /Chen Wei/);
  const bodies: string[] = [];
  page.on("response", async (res) => {
    if (/html|json|javascript|text/.test(res.headers()["content-type"] ?? "")) bodies.push(await res.text().catch(() => ""));
  });
  await page.goto(`/jobs/${id}`);
  await expect(page.getByText("WANDB_API_KEY=")).toBeVisible();
  await expect(page.getByText("Values are shown to the person who gave them")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("job-env-masked.png"), fullPage: true });
  await page.waitForLoadState("networkidle");
  for (const body of bodies) {
    expect(body).not.toContain(value);
    expect(body).not.toContain(secret);
  }
});

test("the submit form makes a variable secret with the lock", async ({ page }) => {
  await signInAs(page, /Ana Souza/);
  await page.goto("/projects/demo/jobs/new?command=python3%20train.py");
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Name of variable 1").fill("HF_TOKEN");
  await page.getByRole("button", { name: "Make variable HF_TOKEN secret" }).click();
  const valueBox = page.getByLabel("Secret value of variable 1");
  await expect(valueBox).toHaveAttribute("type", "password");
  await valueBox.fill("hf_abc");
  await expect(page.getByText("Secret values are encrypted at rest")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("submit-secret.png"), fullPage: true });
});

test("an archived project says it is read-only and offers no changes", async ({ page, request }) => {
  const slug = `archived-${Date.now().toString(36)}`;
  await asAna(request, "POST", "/projects", { name: `Archived ${slug}`, slug });
  await request.fetch(`/api/v1/projects/${slug}/files/text`, {
    method: "POST",
    data: { path: "train.py", baseVersion: null, content: "print(1)\n" },
    headers: { authorization: `Bearer ${anaToken()}` },
  });
  await asAna(request, "POST", `/projects/${slug}/archive`);
  const refused = await request.fetch(`/api/v1/projects/${slug}/files/text`, {
    method: "POST",
    data: { path: "train.py", baseVersion: 1, content: "print(2)\n" },
    headers: { authorization: `Bearer ${anaToken()}` },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toBe(`Project ${slug} is archived; it is read-only. An owner can unarchive it in Settings.`);

  await signInAs(page, /Ana Souza/);
  await page.goto(`/projects/${slug}/jobs`);
  await expect(page.getByText("This project is archived; it is read-only.")).toBeVisible();
  await expect(page.getByRole("link", { name: "New job" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("archived.png"), fullPage: true });
  await page.goto(`/projects/${slug}/datasets`);
  await expect(page.getByRole("button", { name: "New dataset" })).toHaveCount(0);
});

test("a lab director shares a store's folder with a project on the stores page", async ({ page }) => {
  await signInAs(page, /Helen Park/);
  await page.goto("/settings/stores");
  const shares = page.getByRole("region", { name: "Shared locations" });
  await expect(shares).toBeVisible();
  const folder = `shared-${Date.now().toString(36)}/`;
  await shares.getByLabel("Bucket").fill("e2e-shared");
  await shares.getByLabel("Folder").fill(folder);
  await shares.getByLabel("Project (slug)").fill("vision-baselines");
  await shares.getByRole("button", { name: "Share" }).click();
  await expect(shares.getByRole("cell", { name: `local: e2e-shared/${folder}`, exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("stores-shares.png"), fullPage: true });
});
