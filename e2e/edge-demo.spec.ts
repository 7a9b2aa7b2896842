// The edge on the demo server: every page and API answer carries the security headers, each page
// its own nonce on every script, and no page of the app logs a CSP violation.
import { expect, test, type APIResponse, type Response } from "@playwright/test";
import { expectNoCspViolations, watchCsp } from "./support/csp";
import { appRequest } from "./support/request";

function expectCommonHeaders(headers: Record<string, string>, what: string) {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  // BENCHTOP_URL is http here: no HSTS (it is sent when BENCHTOP_URL is https).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

async function expectPageHeaders(response: Response | null, url: string): Promise<string> {
  expect(response, url).not.toBeNull();
  const headers = response!.headers();
  expectCommonHeaders(headers, url);
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `${url}: a nonce in ${csp}`).toBeTruthy();
  const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(" ")[0], d]));
  expect(directives["script-src"], url).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(directives["img-src"], url).toBe("img-src 'self' data: blob:");
  expect(directives["object-src"], url).toBe("object-src 'none'");
  expect(directives["base-uri"], url).toBe("base-uri 'self'");
  expect(directives["form-action"], url).toBe("form-action 'self'");
  expect(directives["frame-ancestors"], url).toBe("frame-ancestors 'self'");
  expect(directives["worker-src"], url).toBe("worker-src 'self' blob:");
  // Every script in the HTML, inline or not, carries this request's nonce.
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, url).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
  return nonce!;
}

function expectApiHeaders(res: APIResponse, what: string) {
  const headers = res.headers();
  expectCommonHeaders(headers, what);
  expect(headers["content-security-policy"], what).toBe("default-src 'none'; frame-ancestors 'none'");
}

test("every page carries the headers and its own nonce, and no page logs a CSP violation", async ({ page }) => {
  test.setTimeout(180_000);
  const csp = watchCsp(page);
  const nonces = new Set<string>();
  nonces.add(await expectPageHeaders(await page.goto("/signin"), "/signin"));
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).toHaveURL(/\/$/);

  // A job of its own, so its page has something to show (a same-origin cookie mutation: allowed).
  const submitted = await appRequest(page).post("/api/v1/jobs", { data: { projectSlug: "demo", name: "edge walk", command: "echo '::metric step=1 loss=0.5'; echo done" } });
  expect(submitted.status()).toBe(201);
  const { id } = (await submitted.json()) as { id: string };

  const pages: [string, () => Promise<unknown>][] = [
    ["/", () => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible()],
    ["/projects", () => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible()],
    ["/projects/demo", () => expect(page.getByText("analysis.ipynb").first()).toBeVisible()],
    ["/projects/demo/files/train.py", () => expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 })],
    ["/projects/demo/files/analysis.ipynb", () => expect(page.getByTestId("notebook")).toBeVisible({ timeout: 30_000 })],
    ["/projects/demo/datasets", () => expect(page.getByRole("link", { name: "stability-assays" })).toBeVisible()],
    ["/projects/demo/datasets/stability-assays/images", () => expect(page.getByRole("table", { name: "Objects" })).toBeVisible()],
    ["/projects/demo/jobs", () => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible()],
    ["/projects/demo/jobs/new", () => expect(page.getByLabel("Command")).toBeVisible()],
    [`/jobs/${id}`, () => expect(page.getByRole("heading", { level: 1, name: "edge walk" })).toBeVisible()],
    ["/projects/demo/settings", () => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible()],
    ["/queue", () => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible()],
    ["/settings/tokens", () => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible()],
    ["/settings/stores", () => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible()],
    ["/dev/mailbox", () => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible()],
    ["/no-such-page", () => expect(page.getByRole("heading", { level: 1 })).toContainText(/not found/i)],
  ];
  for (const [url, ready] of pages) {
    nonces.add(await expectPageHeaders(await page.goto(url), url));
    await ready();
  }
  // An image preview in the dataset browser (img-src: Benchtop's own presigned URL).
  await page.goto("/projects/demo/datasets/stability-assays/images");
  await page.getByRole("table", { name: "Objects" }).getByRole("button", { name: "melting-curves.png" }).click();
  await expect.poll(() => page.getByRole("img", { name: "Image preview" }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(nonces.size, "a fresh nonce per page").toBe(pages.length + 1);
  await expectNoCspViolations(csp);
});

test("every API answer carries the headers, including the ones the front door gives", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).toHaveURL(/\/$/);
  const request = page.request;
  for (const url of ["/api/health", "/api/v1/openapi.json", "/api/v1/projects", "/api/v1/me", "/api/trpc/me.whoami", "/api/auth/session", "/api/dev/mailbox", "/api/nothing-here", "/api/v1/nothing-here"]) {
    const res = await request.get(url);
    expect(res.status(), url).toBeLessThan(500);
    expectApiHeaders(res, url);
  }
  const malformed = await request.get("/api/v1/projects/%E0%A4%A");
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toContain("malformed percent-encoding");
  expectApiHeaders(malformed, "malformed");
  const trace = await request.fetch("/api/v1/projects", { method: "TRACE" });
  expect(trace.status()).toBe(405);
  expect((await trace.json()).error.message).toContain("does not answer TRACE");
  expectApiHeaders(trace, "TRACE");
  const get = await request.get("/api/v1/projects/demo");
  const head = await request.head("/api/v1/projects/demo");
  expect(head.status()).toBe(200);
  expect(head.headers()["content-type"]).toBe(get.headers()["content-type"]);
  expect((await head.body()).length).toBe(0);
  // Static files carry the common headers too.
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await request.get("/signin")).text())![1]!;
  expectCommonHeaders((await request.get(asset)).headers(), asset);
});

test("the output frame is a document of its own: sandboxed, no network, framed only by Benchtop", async ({ request }) => {
  const res = await request.get("/frames/output");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-security-policy"]).toBe(
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; media-src data: blob:; frame-ancestors 'self'; sandbox allow-scripts",
  );
});

test("an image from outside Benchtop is refused by the page's policy (as Markdown's would be), and the watch sees it", async ({ page }) => {
  const csp = watchCsp(page);
  await page.goto("/signin");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "http://127.0.0.1:9/tracking-pixel.png";
    document.body.append(img);
  });
  await expect.poll(async () => (await csp.violations()).join("\n")).toContain("img-src blocked http://127.0.0.1:9/tracking-pixel.png");
});
