// Round trip of `1+1` from the browser to a real kernel and back, over the transport the notebook
// uses: a tRPC mutation (kernels.execute, through the batch link's URL shape) and the tRPC
// subscription kernels.events over server-sent events. Chromium (Debian's, through Playwright)
// signs in to a production server of Benchtop in demo mode and times, in the page, from sending
// the execute request to the `execute_result` event (the value on screen) and to the
// `execute_reply` event (the cell done), one cell at a time, after a warm-up.
//   npx tsx bench/kernel-roundtrip.ts [runs=500] [--dev]
// The production build goes to .next-bench (built on first use, about a minute or more).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { fmt, percentile } from "./support";

const RUNS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 500);
const WARMUP = 50;
const dev = process.argv.includes("--dev");
const PORT = Number(process.env.BENCH_PORT ?? 3402);
const base = `http://127.0.0.1:${PORT}`;
const home = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-bench-kernel-"));

const BASELINE = `
import time
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="python3")
def once():
    t0 = time.perf_counter()
    msg_id = kc.execute("1+1")
    while True:
        m = kc.get_iopub_msg(timeout=10)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "execute_result":
            return (time.perf_counter() - t0) * 1000
for _ in range(${WARMUP}): once()
xs = sorted(once() for _ in range(${RUNS}))
print("p50 %.2f ms   p99 %.2f ms" % (xs[len(xs) // 2], xs[min(len(xs) - 1, int(len(xs) * 0.99))]))
kc.stop_channels()
km.shutdown_kernel(now=True)
`;

const env: Record<string, string> = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: process.env.HOME ?? home,
  BENCHTOP_MODE: "demo",
  BENCHTOP_HOME: home,
  BENCHTOP_DIST_DIR: ".next-bench",
  PORT: String(PORT),
  HOST: "127.0.0.1",
  BENCHTOP_URL: base,
  LOG_LEVEL: "warn",
};
console.log(`Starting Benchtop (${dev ? "next dev" : "production build"}) on ${base}; data in ${home}`);
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...(dev ? ["--dev"] : [])], { env: env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
let serverLog = "";
server.stdout!.on("data", (d) => (serverLog += d));
server.stderr!.on("data", (d) => (serverLog += d));

async function stop() {
  try {
    process.kill(-server.pid!, "SIGINT");
  } catch {
    // gone
  }
  await new Promise((r) => setTimeout(r, 3000));
  try {
    process.kill(-server.pid!, "SIGKILL");
  } catch {
    // gone
  }
  await fs.rm(home, { recursive: true, force: true });
}

try {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server stopped:\n${serverLog.slice(-3000)}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the server did not answer in 15 minutes:\n${serverLog.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const token = (await fs.readFile(path.join(home, "demo-token"), "utf8")).trim();
  const me = (await (await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; name: string };

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  // Demo one-click sign-in as Ana, the way the sign-in page does it.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await page.request.post("/api/auth/callback/demo", { form: { userId: me.id, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  if (![200, 302].includes(signIn.status())) throw new Error(`demo sign-in answered ${signIn.status()}`);
  // tsx compiles this file with esbuild's keepNames, whose __name() calls travel with the function
  // given to page.evaluate; the page gets a stand-in.
  await page.addInitScript("window.__name = (f) => f");
  await page.goto("/");

  console.log(`Signed in as ${me.name}; starting a Python kernel and running 1+1 ${WARMUP} times to warm up, then ${RUNS} times`);
  const result = await page.evaluate(
    async ({ runs, warmup }) => {
      const trpc = async (proc: string, input: unknown) => {
        // httpBatchLink's request for one operation.
        const res = await fetch(`/api/trpc/${proc}?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ 0: { json: input } }) });
        const body = (await res.json()) as [{ result?: { data: { json: Record<string, unknown> } }; error?: unknown }];
        if (!body[0].result) throw new Error(`${proc}: ${JSON.stringify(body[0].error)}`);
        return body[0].result.data.json;
      };
      const kernel = await trpc("kernels.start", { projectSlug: "demo", notebookPath: "bench/roundtrip.ipynb", kernelName: "python3" });
      const kernelId = kernel.kernelId as string;
      const waiters = new Map<string, { result?: (t: number) => void; reply?: (t: number) => void }>();
      // httpSubscriptionLink's request: EventSource on the procedure's URL with the input as a query.
      const source = new EventSource(`/api/trpc/kernels.events?input=${encodeURIComponent(JSON.stringify({ json: { kernelId } }))}`);
      await new Promise<void>((resolve, reject) => {
        source.addEventListener("message", () => resolve(), { once: true });
        source.onerror = () => reject(new Error("the event stream failed"));
      });
      source.addEventListener("message", (m: MessageEvent) => {
        const now = performance.now();
        const event = (JSON.parse(m.data) as { json: { cellId: string | null; type: string } }).json;
        const w = event.cellId ? waiters.get(event.cellId) : undefined;
        if (!w) return;
        if (event.type === "execute_result") w.result?.(now);
        if (event.type === "execute_reply") w.reply?.(now);
      });
      const toAnswer: number[] = [];
      const toResult: number[] = [];
      const toReply: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        const cellId = `cell-${i}`;
        let result!: (t: number) => void;
        let reply!: (t: number) => void;
        const gotResult = new Promise<number>((r) => (result = r));
        const gotReply = new Promise<number>((r) => (reply = r));
        waiters.set(cellId, { result, reply });
        const t0 = performance.now();
        await trpc("kernels.execute", { kernelId, cellId, code: "1+1" });
        const answered = performance.now();
        const [t1, t2] = await Promise.all([gotResult, gotReply]);
        waiters.delete(cellId);
        if (i >= warmup) {
          toAnswer.push(answered - t0);
          toResult.push(t1 - t0);
          toReply.push(t2 - t0);
        }
      }
      source.close();
      await trpc("kernels.shutdown", { kernelId });
      return { toAnswer, toResult, toReply };
    },
    { runs: RUNS, warmup: WARMUP },
  );
  await browser.close();

  const line = (label: string, xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`${label.padEnd(34)} p50 ${fmt(percentile(s, 50), 2)} ms   p99 ${fmt(percentile(s, 99), 2)} ms   mean ${fmt(mean, 2)} ms   max ${fmt(s.at(-1)!, 2)} ms`);
  };
  console.log(`\n1+1, browser -> kernel -> browser, ${RUNS} runs after ${WARMUP} warm-up (${dev ? "next dev" : "production"} server, ${os.cpus().length} CPU cores)`);
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} (figures on a busy machine are mostly waiting for a CPU)`);
  line("execute mutation answered", result.toAnswer);
  line("to the value (execute_result)", result.toResult);
  line("to the cell done (execute_reply)", result.toReply);
  // The same kernel without Benchtop: jupyter_client's own client over TCP, for scale.
  const baseline = spawnSync("/usr/bin/python3", ["-c", BASELINE], { encoding: "utf8", env: { PATH: env.PATH, PYDEVD_DISABLE_FILE_VALIDATION: "1" } as unknown as NodeJS.ProcessEnv, timeout: 120_000 });
  console.log(`${"kernel alone (jupyter_client)".padEnd(34)} ${baseline.stdout.trim() || `not measured (${baseline.stderr.trim().split("\n").at(-1)})`}`);
  console.log("target: p50 < 15 ms, p99 < 50 ms");
} finally {
  await stop();
}
