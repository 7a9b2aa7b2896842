// Log ingest: one job printing 5,000 lines/s; the agent side ships them as the real agent does
// (batches every ~100 ms over the agent API on loopback HTTP), and a reader follows the job's log
// the way the browser's live view does (read from the last line seen, woken by NOTIFY). Prints
// throughput, the lag from a line's send to its read, and checks for gaps and repeats.
//   npx tsx bench/log-ingest.ts [linesPerSecond=5000] [seconds=20]
import { benchDatabase, fmt, percentile } from "./support";

const RATE = Number(process.argv[2] ?? 5000);
const SECONDS = Number(process.argv[3] ?? 20);
const db = await benchDatabase("bench-logs");
const { db: prisma } = await import("../server/db/client");
const { createAgent } = await import("../server/queue/agents");
const { runSchedulerPass } = await import("../server/queue/scheduler-pass");
const { submitJob } = await import("../server/queue/submit-job");
const { createProject } = await import("../server/projects/create-project");
const { readLogLines } = await import("../server/queue/read-jobs");
const { notifications, CHANNEL } = await import("../server/queue/notify");

const { serveApis } = await import("../server/http/standalone");
const server = await serveApis();
const base = `${server.url}/api/agent/v1`;
const user = await prisma.user.create({ data: { email: "bench@benchtop.dev", name: "Bench" } });
const project = await createProject({ actorId: user.id, name: "Bench", slug: "bench" });
await prisma.file.create({ data: { projectId: project.id, path: "run.sh", content: Buffer.from("true\n"), sizeBytes: 5 } });
const { token } = await createAgent({ actorId: null, name: "log-agent" });
const call = async (method: string, path: string, body?: unknown) =>
  (await fetch(base + path, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined })).json();
await call("POST", "/register", { hostname: "logs", address: "127.0.0.1", gpus: [], simulated: true, cpuSlots: 1, version: "bench" });
const { id: jobId } = await submitJob({ actorId: user.id, projectSlug: "bench", command: "bash run.sh" });
await runSchedulerPass();
const [a] = (await call("GET", "/assignments?waitMs=1000")).assignments;
await call("POST", `/nodes/${a.nodeId}/started`, { fencingToken: a.fencingToken });

const total = RATE * SECONDS;
const t0 = performance.now();
let sent = 0;
let seq = 0;
const writer = (async () => {
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
    if (due > sent) {
      const lines: string[] = [];
      for (; sent < due; sent++) lines.push(`${sent} ${performance.now().toFixed(3)} step ${sent} loss ${(1 / (1 + sent)).toFixed(6)}`);
      const r = await call("POST", `/nodes/${a.nodeId}/logs`, { fencingToken: a.fencingToken, batches: [{ seq: seq++, lines }] });
      if (r.acknowledgedThroughSeq !== seq - 1) throw new Error(`batch ${seq - 1} not acknowledged: ${JSON.stringify(r)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
})();

const lags: number[] = [];
let next = 0;
let problems = 0;
while (next < total) {
  const { lines } = await readLogLines({ actorId: user.id, jobId, from: next, limit: 20_000 });
  const now = performance.now();
  for (const l of lines) {
    const [n, at] = l.text.split(" ");
    if (Number(n) !== next || l.n !== next) problems++;
    lags.push(now - Number(at));
    next++;
  }
  if (!lines.length) await notifications.wait(CHANNEL.job, jobId, 1000);
}
await writer;
const elapsed = (performance.now() - t0) / 1000;
lags.sort((x, y) => x - y);
console.log(`log ingest: ${total} lines from one job at ${RATE} lines/s for ${SECONDS} s, batches every ~100 ms over the agent API (loopback HTTP)`);
console.log(`  delivered ${next} lines in ${fmt(elapsed)} s = ${fmt(next / elapsed, 0)} lines/s; gaps or repeats: ${problems}`);
console.log(`  lag from send to read: p50 ${fmt(percentile(lags, 50))} ms, p99 ${fmt(percentile(lags, 99))} ms, max ${fmt(lags[lags.length - 1]!)} ms   (target: < 1000 ms, zero gaps)`);
await server.stop();
await notifications.close();
await prisma.$disconnect();
await (await import("../server/db/pool")).sql.end(); // the process's one pool, Prisma's too
await db.stop();
process.exit(0);
