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
  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
});
