import { expect, test } from "@playwright/test";
import { demoSecrets } from "./secrets";

test("no server secret reaches the browser: pages, scripts, API answers", async ({ page, request }) => {
  const secrets = demoSecrets();
  expect(secrets.every((s) => s.length >= 20)).toBe(true);
  const bodies: string[] = [];
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (/javascript|json|html|text/.test(type)) bodies.push(await res.text().catch(() => ""));
  });
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  bodies.push(await (await request.get("/api/health")).text());
  bodies.push(await (await request.get("/api/v1/openapi.json")).text());
  bodies.push(await (await request.get("/api/auth/providers")).text());
  // Signed in, the pages that hold the most: the editor, a notebook, a dataset with previews
  // and presigned URLs, the queue and the data stores.
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).toHaveURL(/\/$/);
  for (const url of [
    "/projects/demo/files/train.py",
    "/projects/demo/files/analysis.ipynb",
    "/projects/demo/datasets/stability-assays/measurements",
    "/projects/demo/jobs",
    "/queue",
    "/settings/stores",
  ]) {
    await page.goto(url);
    await page.waitForLoadState("load");
  }
  await page.goto("/projects/demo/datasets/stability-assays/images");
  await page.getByRole("table", { name: "Objects" }).getByRole("button", { name: "melting-curves.png" }).click();
  await expect(page.getByRole("img", { name: "Image preview" })).toBeVisible();
  bodies.push(await (await page.request.get("/api/v1/data-stores")).text());
  expect(bodies.length).toBeGreaterThan(20);
  for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
});

test("one click signs in as a demo person and lands on their dashboard", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: /Protein stability/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Vision baselines/ }).first()).toBeVisible();
  await page.getByRole("link", { name: /Protein stability/ }).first().click();
  await expect(page.getByText("analysis.ipynb")).toBeVisible();
  await expect(page.getByText("train.py")).toBeVisible();
});

test("the CLI works at once with the token the demo wrote", async () => {
  const { spawnSync } = await import("node:child_process");
  const path = await import("node:path");
  const home = path.join(process.env.E2E_RUN_DIR!, "demo");
  const r = spawnSync(process.execPath, ["bin/benchtop.mjs", "whoami"], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: home, BENCHTOP_HOME: home, BENCHTOP_CONFIG: path.join(home, "no-config.json") } as unknown as NodeJS.ProcessEnv,
  });
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("Ana Souza <ana.souza@demo.benchtop.dev>");
});
