// Opening a 5 MB notebook of 300 cells (Markdown, code, streams, PNG plots, HTML tables) in the
// files workspace: the time from navigation start until the notebook is interactive, meaning the
// first cell holds the focus and Shift+Enter on it has been handled (the next cell is selected).
// Chromium against a production server on loopback, demo mode. Target: under 2 s.
//
//   npx tsx bench/notebook-open.ts [--loads 10] [--reuse-build]
//
// Builds the production server into .next-bench when the sources are newer (start.ts decides),
// unless --reuse-build says to serve the build already there.
import fs from "node:fs/promises";
import os from "node:os";
import type { Page } from "@playwright/test";
import { parseNotebook } from "../lib/ipynb/parse";
import { serializeNotebook } from "../lib/ipynb/serialize";
import type { TCell, TNotebook } from "../lib/ipynb/types";
import { arg, launchChromium, signInAsAna, startDemoServer } from "./browser-support";
import { fmt, percentile } from "./support";

const LOADS = arg("loads", 10);
const WARMUP = 2;
const CELLS = 300;
const TARGET_BYTES = 5 * 1024 * 1024;
const PATH = "bench/notebook-300-cells.ipynb";

/** 300 cells around a real matplotlib PNG and a pandas table from the nbclient fixture, padded to 5 MB with stream text. */
async function bigNotebook(): Promise<string> {
  const fixture = parseNotebook(await fs.readFile("tests/fixtures/notebooks/executed-nbclient.ipynb", "utf8")).notebook;
  const outputs = fixture.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs : []));
  const png = outputs.find((o) => "data" in o && o.data["image/png"])!;
  const table = outputs.find((o) => "data" in o && o.data["text/html"])!;
  const build = (streamLines: number): TNotebook => {
    const cells: TCell[] = [];
    for (let i = 0; i < CELLS; i++) {
      const id = `c${String(i).padStart(4, "0")}`;
      if (i % 5 === 0) {
        cells.push({ id, cell_type: "markdown", metadata: {}, source: `## Step ${i / 5 + 1}\n\nWhat this part does, with *emphasis*, \`code\` and a [link](https://example.org).` });
        continue;
      }
      const log = Array.from({ length: streamLines }, (_, n) => `epoch ${n} step ${i * 100 + n} loss ${(1 / (n + 1)).toFixed(6)} lr 0.001\n`).join("");
      const out = i % 5 === 1 ? [png] : i % 5 === 2 ? [table] : [{ output_type: "stream" as const, name: "stdout" as const, text: log }];
      cells.push({
        id,
        cell_type: "code",
        metadata: {},
        execution_count: i,
        source: `import numpy as np\n\nx = np.linspace(0, ${i}, 1000)\ny = np.sin(x) * ${i}\nfor epoch in range(3):\n    print(f"epoch {epoch} loss {y.mean():.4f}")`,
        outputs: out,
      });
    }
    return { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" }, language_info: { name: "python" } }, cells };
  };
  let lines = 10;
  let text = serializeNotebook(build(lines));
  while (Buffer.byteLength(text) < TARGET_BYTES) {
    lines = Math.ceil(lines * (TARGET_BYTES / Buffer.byteLength(text)) * 1.02);
    text = serializeNotebook(build(lines));
  }
  return text;
}

async function save(page: Page, content: string): Promise<void> {
  await page.evaluate(
    async ({ path, content }) => {
      const res = await fetch("/api/trpc/files.save", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { projectSlug: "demo", path, baseVersion: null, content } }),
      });
      if (!res.ok) throw new Error(`files.save: ${await res.text()}`);
    },
    { path: PATH, content },
  );
}

async function main() {
  const content = await bigNotebook();
  console.log(`notebook: ${CELLS} cells, ${fmt(Buffer.byteLength(content) / 1024 / 1024, 2)} MB`);
  const server = await startDemoServer("notebook");
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 } });
    const setup = await signInAsAna(context);
    await save(setup, content);
    await setup.close();

    const focusable: number[] = [];
    const interactive: number[] = [];
    for (let i = 0; i < WARMUP + LOADS; i++) {
      const p = await context.newPage();
      await p.goto(`/projects/demo/files/${PATH}`, { waitUntil: "commit" });
      // The first cell is on the page and holds the focus: keys reach the notebook.
      await p.waitForFunction(() => document.activeElement?.getAttribute("data-cell-index") === "0", null, { timeout: 60_000, polling: "raf" });
      const focused = await p.evaluate(() => performance.now());
      await p.keyboard.press("Shift+Enter");
      await p.waitForFunction(() => document.querySelector('[data-cell-index="1"][data-active]') !== null, null, { timeout: 30_000, polling: "raf" });
      const done = await p.evaluate(() => performance.now());
      if (process.argv.includes("--trace")) {
        const steps = await p.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .filter((e) => /trpc|_next\/static\/chunks|monaco/.test(e.name))
            .map((e) => `${e.name.replace(/^https?:\/\/[^/]+/, "").slice(0, 70)} ${Math.round(e.startTime)}-${Math.round((e as PerformanceResourceTiming).responseEnd)}`),
        );
        console.log(`load ${i}: focused ${Math.round(focused)} ms, done ${Math.round(done)} ms\n  ${steps.join("\n  ")}`);
      }
      if (i === 0 && (await p.locator("[data-cell-id]").count()) !== CELLS) throw new Error("the notebook did not show all its cells");
      if (i >= WARMUP) {
        focusable.push(focused);
        interactive.push(done);
      }
      await p.close();
    }
    focusable.sort((a, b) => a - b);
    interactive.sort((a, b) => a - b);
    console.log(`\nopening a ${fmt(Buffer.byteLength(content) / 1024 / 1024, 1)} MB, ${CELLS}-cell notebook, from navigation start (${LOADS} loads after ${WARMUP} warm-up):`);
    console.log(`  interactive (first cell focused, Shift+Enter handled): p50 ${fmt(percentile(interactive, 50))} ms   p95 ${fmt(percentile(interactive, 95))} ms   max ${fmt(interactive.at(-1)!)} ms   (target < 2000 ms)`);
    console.log(`  first cell focused: p50 ${fmt(percentile(focusable, 50))} ms`);
    console.log(`  (load average now ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
