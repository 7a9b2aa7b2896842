// First page of a prefix holding 100,000 objects, shown in the browser: the time from navigation
// start to the first object rows painted, in Chromium, against a production server on loopback
// (demo mode, so the local store "local" exists). Target: p50 under 500 ms.
//
//   npx tsx bench/dataset-browser.ts [--objects 100000] [--loads 20] [--reuse-build]
//
// Builds the production server into .next-bench when the sources are newer (start.ts decides),
// unless --reuse-build says to serve the build already there.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { arg, launchChromium, signInAsAna, startDemoServer } from "./browser-support";
import { fmt, percentile } from "./support";

const OBJECTS = arg("objects", 100_000);
const LOADS = arg("loads", 20);
const WARMUP = 3;

/** 100,000 small files in one folder of the local store's bucket "bench" (written before the server starts). */
async function seedObjects(root: string): Promise<void> {
  const dir = path.join(root, "bench", "many");
  await fs.mkdir(dir, { recursive: true });
  const started = performance.now();
  for (let i = 0; i < OBJECTS; i += 1000) {
    await Promise.all(
      Array.from({ length: Math.min(1000, OBJECTS - i) }, (_, j) => {
        const n = i + j;
        return fs.writeFile(path.join(dir, `sample-${String(n).padStart(6, "0")}.json`), `{"id":${n}}\n`);
      }),
    );
  }
  console.log(`seeded ${OBJECTS.toLocaleString("en-US")} objects in ${fmt((performance.now() - started) / 1000)} s`);
}

/** A tRPC call from the signed-in page (superjson wire format: { json }). */
async function trpc<T>(page: Page, kind: "query" | "mutation", procedure: string, input?: unknown): Promise<T> {
  return page.evaluate(
    async ({ kind, procedure, input }) => {
      const res =
        kind === "query"
          ? await fetch(`/api/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`)
          : await fetch(`/api/trpc/${procedure}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: input }) });
      const body = await res.json();
      if (!res.ok) throw new Error(`${procedure}: ${JSON.stringify(body)}`);
      return body.result.data.json;
    },
    { kind, procedure, input },
  ) as Promise<T>;
}

/**
 * Set before any page script: when the first object row is in the DOM, plus two animation frames
 * (a frame's callbacks run before its paint, so the second one runs after the rows were painted).
 */
const FIRST_ROWS_PROBE = `
  window.__firstRows = null;
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="object-rows"] [role="row"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstRows = performance.now(); }));
  }).observe(document, { subtree: true, childList: true });
`;

async function main() {
  const server = await startDemoServer("browser", (home) => seedObjects(path.join(home, "datasets")));
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 } });
    const setup = await signInAsAna(context);
    const stores = await trpc<{ id: string; name: string }[]>(setup, "query", "datasets.stores.list");
    const local = stores.find((s) => s.name === "local");
    if (!local) throw new Error(`no store "local" in the demo (stores: ${stores.map((s) => s.name).join(", ") || "none"})`);
    await trpc(setup, "mutation", "datasets.create", { projectSlug: "demo", name: "bench-100k", description: "", storeId: local.id, bucket: "bench", prefix: "" });
    const t0 = performance.now();
    const page = await trpc<{ objects: unknown[]; nextToken: string | null }>(setup, "query", "datasets.browse", {
      projectSlug: "demo",
      dataset: "bench-100k",
      prefix: "many/",
      limit: 200,
    });
    console.log(`datasets.browse first page over HTTP: ${page.objects.length} objects in ${fmt(performance.now() - t0)} ms (more: ${page.nextToken !== null})`);
    await setup.close();

    const target = "/projects/demo/datasets/bench-100k/many";
    const times: number[] = [];
    const ttfb: number[] = [];
    for (let i = 0; i < WARMUP + LOADS; i++) {
      const p = await context.newPage();
      await p.addInitScript(FIRST_ROWS_PROBE);
      await p.goto(target, { waitUntil: "commit" });
      await p.waitForFunction(() => (window as unknown as { __firstRows: number | null }).__firstRows !== null, null, { timeout: 30_000 });
      const [shown, responseStart] = await p.evaluate(() => [
        (window as unknown as { __firstRows: number }).__firstRows,
        (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseStart,
      ]);
      if (i === 0 && !(await p.getByRole("button", { name: "sample-000000.json" }).isVisible())) throw new Error("the first object is not on screen");
      if (i >= WARMUP) {
        times.push(shown);
        ttfb.push(responseStart);
      }
      // Let the page's follow-up requests (the folder's size) finish before the next load.
      await p.waitForLoadState("networkidle").catch(() => undefined);
      await p.close();
    }
    times.sort((a, b) => a - b);
    ttfb.sort((a, b) => a - b);
    console.log(`\nfirst rows of a ${OBJECTS.toLocaleString("en-US")}-object prefix painted, from navigation start (${LOADS} loads after ${WARMUP} warm-up):`);
    console.log(`  p50 ${fmt(percentile(times, 50))} ms   p95 ${fmt(percentile(times, 95))} ms   min ${fmt(times[0]!)} ms   max ${fmt(times.at(-1)!)} ms   (target p50 < 500 ms)`);
    console.log(`  of which time to the first byte of the HTML: p50 ${fmt(percentile(ttfb, 50))} ms`);
    console.log(`  (load average now ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores: on a busy machine the figures grow with it)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
