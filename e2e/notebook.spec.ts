// The notebook in the demo lab: run the seeded notebook on a real kernel and see its plot and
// table; an HTML output that tries to read the app's cookies, its page and its API gets nothing;
// the command-mode keys and save.
import { expect, test, type Page } from "@playwright/test";
import { expectNoCspViolations, watchCsp } from "./support/csp";

async function openDemoNotebook(page: Page) {
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto("/projects/demo/files/analysis.ipynb");
  await expect(page.getByTestId("notebook")).toBeVisible({ timeout: 30_000 });
}

const cells = (page: Page) => page.getByTestId("notebook-cells").locator("[data-cell-id]");

test("run all: a matplotlib PNG and a pandas table from a real kernel, under the page's CSP", async ({ page }) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);
  await openDemoNotebook(page);
  await page.getByTestId("run-all").click();
  await expect(page.getByTestId("kernel-status")).toHaveAttribute("data-state", /starting|busy|idle/);
  const plot = page.locator("img[alt='Image output']").first();
  await expect(plot).toBeVisible({ timeout: 60_000 });
  expect(await plot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  // pandas' HTML table renders in the sandboxed frame.
  const table = page.frameLocator("[data-testid=output-frame]").first().locator("table.dataframe");
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table).toContainText("hydrophobicity");
  // The frame's own script ran (it reports the table's height to size the frame).
  await expect.poll(() => page.getByTestId("output-frame").first().evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height)).toBeGreaterThan(40);
  await expect(cells(page).filter({ has: page.getByTestId("cell-prompt").getByText("[*]:") })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("kernel-status")).toHaveAttribute("data-state", "idle");
  await expect(page.getByTestId("save-state")).toHaveText(/Unsaved/);
  await expectNoCspViolations(csp);
});

test("an HTML output cannot read the app's cookies, its page or its API", async ({ page }) => {
  test.setTimeout(120_000);
  await openDemoNotebook(page);
  await page.evaluate(() => {
    const w = window as unknown as { leakProbe: unknown };
    w.leakProbe = null;
    window.addEventListener("message", (e) => {
      const data = e.data as { leakProbe?: unknown } | null;
      if (data?.leakProbe) w.leakProbe = data.leakProbe;
    });
  });
  // The app's own session works from the page itself (so a leak would have something to show).
  const me = await page.evaluate(() => fetch("/api/trpc/me.whoami").then((r) => r.text()));
  expect(me).toContain("Ana Souza");

  await page.getByRole("button", { name: "Add a cell" }).click();
  await expect(page.getByTestId("cell-editor")).toBeVisible();
  const probe = [
    "from IPython.display import HTML",
    'HTML("""<p>probe</p><script>',
    "const out = {};",
    "try { out.cookie = 'read: ' + document.cookie; } catch (e) { out.cookie = 'blocked: ' + e.name; }",
    "try { out.parent = 'read: ' + parent.document.title; } catch (e) { out.parent = 'blocked: ' + e.name; }",
    "try { out.storage = 'read: ' + localStorage.length; } catch (e) { out.storage = 'blocked: ' + e.name; }",
    "fetch('/api/trpc/me.whoami', { credentials: 'include' }).then(r => r.text()).then(t => 'read: ' + t, e => 'blocked: ' + e.name)",
    "  .then(api => { out.api = api; parent.postMessage({ leakProbe: out }, '*'); });",
    '</script>""")',
  ].join("\n");
  await page.keyboard.insertText(probe);
  await page.keyboard.press("Shift+Enter");

  await expect.poll(() => page.evaluate(() => (window as unknown as { leakProbe: unknown }).leakProbe), { timeout: 60_000 }).not.toBeNull();
  const got = (await page.evaluate(() => (window as unknown as { leakProbe: Record<string, string> }).leakProbe)) as Record<string, string>;
  expect(got.cookie).toMatch(/^blocked|^read: $/);
  expect(got.parent).toMatch(/^blocked/);
  expect(got.storage).toMatch(/^blocked/);
  expect(got.api).toMatch(/^blocked/);
  expect(JSON.stringify(got)).not.toContain("Ana Souza");
  expect(JSON.stringify(got)).not.toContain("authjs");
  await expect(page.frameLocator("[data-testid=output-frame]").last().getByText("probe")).toBeVisible();
});

test("command-mode keys add, delete, undo and change cells; Ctrl+S saves a new version", async ({ page }) => {
  await openDemoNotebook(page);
  const before = await cells(page).count();
  const first = cells(page).first();
  await first.click();
  await page.keyboard.press("Escape");
  await page.keyboard.press("b");
  await expect(cells(page)).toHaveCount(before + 1);
  await expect(cells(page).nth(1)).toHaveAttribute("data-active", "true");
  await page.keyboard.press("m");
  await expect(cells(page).nth(1)).toHaveAttribute("data-cell-type", "markdown");
  await page.keyboard.press("Escape");
  await page.keyboard.press("d");
  await page.keyboard.press("d");
  await expect(cells(page)).toHaveCount(before);
  await page.keyboard.press("z");
  await expect(cells(page)).toHaveCount(before + 1);
  await page.keyboard.press("k");
  await expect(cells(page).first()).toHaveAttribute("data-active", "true");
  await expect(page.getByTestId("save-state")).toHaveText(/Unsaved/);
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("save-state")).toHaveText(/Saved · v\d+/);
  // The saved file is a notebook with the extra cell.
  await page.reload();
  await expect(cells(page)).toHaveCount(before + 1, { timeout: 30_000 });
});
