// What Benchtop serves from public/: the icons every page links (favicon, app icons, the web
// manifest) and a robots.txt that keeps a self-hosted lab tool out of search engines. Before any
// sign-in, as a browser or a crawler first meets it.
import { expect, test } from "@playwright/test";
import { expectNoCspViolations, watchCsp } from "./support/csp";

test("the sign-in page links its icons and manifest, each served from public/; robots.txt disallows everything", async ({ page, request }) => {
  const csp = watchCsp(page);
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toContain("text/plain");
  expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);

  await page.goto("/signin");
  const hrefs = async (rel: string) => page.locator(`head link[rel="${rel}"]`).evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).getAttribute("href")));
  expect(await hrefs("icon")).toEqual(expect.arrayContaining(["/icon.svg", "/favicon.ico", "/icons/icon-192.png"]));
  expect(await hrefs("apple-touch-icon")).toEqual(["/icons/apple-touch-icon.png"]);
  expect(await hrefs("manifest")).toEqual(["/manifest.webmanifest"]);
  await expect(page.locator('head meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  const served = async (url: string, type: RegExp) => {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()["content-type"], url).toMatch(type);
    return res;
  };
  await served("/icon.svg", /^image\/svg\+xml/);
  await served("/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/);
  await served("/icons/apple-touch-icon.png", /^image\/png/);
  const manifest = (await (await served("/manifest.webmanifest", /^application\/manifest\+json/)).json()) as { name: string; icons: { src: string; type: string; purpose: string }[] };
  expect(manifest.name).toBe("Benchtop");
  expect(manifest.icons.map((i) => i.purpose)).toEqual(expect.arrayContaining(["any", "maskable"]));
  for (const icon of manifest.icons) await served(icon.src, new RegExp(`^${icon.type.replace("+", "\\+")}`));
  await expectNoCspViolations(csp);
});
