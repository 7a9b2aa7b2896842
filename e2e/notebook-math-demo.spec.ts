// Math in a notebook, in Chromium against the demo server: Markdown's $...$ and $$...$$, a saved
// text/latex output and one a real kernel sends, typeset by KaTeX from Benchtop's own bundle: its
// styles and fonts load from Benchtop's origin under the page's nonce CSP, with no console error.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoCspViolations, watchCsp } from "./support/csp";
import { appRequest } from "./support/request";

const cell = (cell_type: "markdown" | "code", source: string, outputs?: unknown[]) => ({
  id: randomUUID().slice(0, 8),
  cell_type,
  metadata: {},
  source,
  ...(cell_type === "code" ? { execution_count: outputs?.length ? 1 : null, outputs: outputs ?? [] } : {}),
});

const NOTEBOOK = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } },
  cells: [
    cell(
      "markdown",
      [
        "# Cross-entropy",
        "",
        "For labels $y_i$ and predicted probabilities $p_i$, the loss is $\\mathcal{L} = -\\sum_i y_i \\log p_i$, which costs $5 less than it looks.",
        "",
        "$$",
        "\\mathrm{softmax}(z)_j = \\frac{e^{z_j}}{\\sum_{k=1}^{K} e^{z_k}}",
        "$$",
      ].join("\n"),
    ),
    cell("code", "import sympy as sp\nx = sp.symbols('x')\nsp.integrate(x, x)", [
      { output_type: "execute_result", execution_count: 1, metadata: {}, data: { "text/plain": ["x**2/2"], "text/latex": ["$\\displaystyle \\frac{x^{2}}{2}$"] } },
    ]),
  ],
};

test("Markdown math and text/latex outputs typeset with KaTeX's own styles and fonts, under the CSP, with no console error", async ({ page }) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const elsewhere: string[] = [];
  const fonts: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) elsewhere.push(req.url());
    if (req.resourceType() === "font") fonts.push(url.pathname);
  });

  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).not.toHaveURL(/\/signin/);
  const path = `e2e/math-${randomUUID().slice(0, 8)}.ipynb`;
  const put = await appRequest(page).put(`/api/v1/projects/demo/files/content?path=${encodeURIComponent(path)}`, { data: JSON.stringify(NOTEBOOK) });
  expect(put.status()).toBe(201);
  await page.goto(`/projects/demo/files/${path}`);
  await expect(page.getByTestId("notebook")).toBeVisible({ timeout: 30_000 });

  const markdown = page.getByTestId("markdown-rendered").first();
  await expect(markdown.locator(".katex").first()).toBeVisible();
  // Three inline formulas and one display formula; the price stays text.
  await expect(markdown.locator(".katex")).toHaveCount(4);
  await expect(markdown.locator(".katex-display")).toHaveCount(1);
  await expect(markdown).toContainText("costs $5 less than it looks");
  // The sanitiser kept KaTeX's MathML, with its TeX, for screen readers.
  await expect(markdown.locator(".katex-mathml annotation").first()).toHaveText("y_i");
  const latex = page.getByTestId("latex-output").first();
  await expect(latex.locator(".katex .mfrac")).toBeVisible();

  // KaTeX's stylesheet applies (the MathML copy is clipped away) and its fonts load, from here.
  expect(await markdown.locator(".katex-mathml").first().evaluate((el) => getComputedStyle(el).position)).toBe("absolute");
  expect(await markdown.locator(".katex").first().evaluate((el) => getComputedStyle(el).fontFamily)).toContain("KaTeX_Main");
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, ""));
  });
  expect(loaded).toEqual(expect.arrayContaining(["KaTeX_Main", "KaTeX_Math"]));
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font).toMatch(/^\/_next\/static\//);

  // A text/latex output from a real kernel, typeset as it arrives.
  await page.getByRole("button", { name: "Add a cell" }).click();
  await expect(page.getByTestId("cell-editor")).toBeVisible();
  await page.keyboard.insertText('from IPython.display import Latex\nLatex(r"$$\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}$$")');
  await page.keyboard.press("Shift+Enter");
  // SymPy's saved output is inline ($...$); this one is display math ($$...$$).
  const live = page.getByTestId("latex-output").filter({ has: page.locator(".katex-display") });
  await expect(live.locator(".katex-display")).toBeVisible({ timeout: 60_000 });
  await expect(live.locator(".katex-mathml annotation")).toHaveText("\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}");

  await page.setViewportSize({ width: 1280, height: 1000 });
  await markdown.scrollIntoViewIfNeeded();
  await page.getByTestId("notebook").screenshot({ path: test.info().outputPath("notebook-math.png") });
  expect(elsewhere, "requests that left Benchtop").toEqual([]);
  expect(problems).toEqual([]);
  await expectNoCspViolations(csp);
});
