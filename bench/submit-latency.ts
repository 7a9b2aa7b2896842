// Submit -> running on an idle agent: the time from a submission's commit to the agent holding
// the attempt (its long poll answered) and to the attempt running (its `started` acknowledged).
// The agent side speaks the real agent API over HTTP on loopback (a node http server around the
// same dispatcher Next serves); the queue supervisor runs in this process, woken by NOTIFY.
// Then what the sandbox costs: a `true` job run by the agent's own code (NodeRun: run dir,
// snapshot, start, logs, last checkpoint, outputs, `ended`), assignment -> ended, sandboxed as
// nobody and with --no-isolation (needs root and bubblewrap for the first).
//   npx tsx bench/submit-latency.ts [submissions=200] [sandboxRuns=30]
import { benchDatabase, fmt, percentile } from "./support";

const N = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 30);
const db = await benchDatabase("bench-latency");
const { db: prisma } = await import("../server/db/client");
const { createAgent } = await import("../server/queue/agents");
const { startSupervisor } = await import("../server/queue/supervisor");
const { submitJob } = await import("../server/queue/submit-job");
const { createProject } = await import("../server/projects/create-project");

const { serveApis } = await import("../server/http/standalone");
const server = await serveApis();
const base = `${server.url}/api/agent/v1`;

const user = await prisma.user.create({ data: { email: "bench@benchtop.dev", name: "Bench" } });
await createProject({ actorId: user.id, name: "Bench", slug: "bench" });
await prisma.file.create({ data: { projectId: (await prisma.project.findUniqueOrThrow({ where: { slug: "bench" } })).id, path: "run.sh", content: Buffer.from("true\n"), sizeBytes: 5 } });
const { token } = await createAgent({ actorId: null, name: "idle-agent" });
const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
};
await call("POST", "/register", { hostname: "idle", address: "127.0.0.1", gpus: [0, 1, 2, 3].map((index) => ({ index, model: "bench-gpu", memoryMb: 1 })), simulated: true, cpuSlots: 0, version: "bench" });
const supervisor = startSupervisor();
const heartbeat = setInterval(() => void call("POST", "/heartbeat", { gpuStats: [], nodes: [] }), 1000);

const submittedAt = new Map<string, number>();
const toClaim: number[] = [];
const toRunning: number[] = [];
let stop = false;
const agentLoop = (async () => {
  while (!stop) {
    const { assignments } = await call("GET", "/assignments?waitMs=2000");
    const claimed = performance.now();
    for (const a of assignments) {
      await call("POST", `/nodes/${a.nodeId}/started`, { fencingToken: a.fencingToken });
      const t0 = submittedAt.get(a.jobId);
      if (t0 !== undefined) {
        toClaim.push(claimed - t0);
        toRunning.push(performance.now() - t0);
      }
      await call("POST", `/nodes/${a.nodeId}/ended`, { fencingToken: a.fencingToken, outcome: "exited", exitCode: 0, signal: null, message: "" });
    }
  }
})();

// Warm-up, then the measured submissions, one at a time on an idle agent.
for (let i = 0; i < N + 10; i++) {
  const { id } = await submitJob({ actorId: user.id, projectSlug: "bench", command: "bash run.sh", gpus: 1 });
  if (i >= 10) submittedAt.set(id, performance.now());
  while (!(await prisma.job.findFirst({ where: { id, state: "succeeded" }, select: { id: true } }))) await new Promise((r) => setTimeout(r, 5));
}
stop = true;
clearInterval(heartbeat);
await agentLoop;
await supervisor.stop();
const c = toClaim.sort((a, b) => a - b);
const r = toRunning.sort((a, b) => a - b);
console.log(`submit -> running on an idle agent, ${r.length} submissions (agent API over HTTP on loopback, supervisor woken by NOTIFY)`);
console.log(`  submit -> claimed by the agent: p50 ${fmt(percentile(c, 50))} ms, p99 ${fmt(percentile(c, 99))} ms`);
console.log(`  submit -> running (started acknowledged): p50 ${fmt(percentile(r, 50))} ms, p99 ${fmt(percentile(r, 99))} ms   (target: p50 < 300 ms, p99 < 1000 ms)`);
await sandboxCost();
await server.stop();
await prisma.$disconnect();
await (await import("../server/db/pool")).sql.end(); // the process's one pool, Prisma's too
await db.stop();
process.exit(0);

/** Assignment -> ended of a `true` job through NodeRun, sandboxed and not, alternating. */
async function sandboxCost() {
  const fs = await import("node:fs/promises");
  const os = await import("node:os");
  const path = await import("node:path");
  const { AgentClient } = await import("../cli/agent/client");
  const { BlobCache } = await import("../cli/agent/blob-cache");
  const { planIsolation, probeSandbox } = await import("../cli/agent/isolation");
  const { AGENT_PYTHON_DIR } = await import("../cli/agent/job-env");
  const { NodeRun } = await import("../cli/agent/run-node");
  const { runSchedulerPass } = await import("../server/queue/scheduler-pass");
  const who = { uid: process.getuid?.() ?? 0, user: os.userInfo().username };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-sandbox-"));
  await fs.chmod(dir, 0o711);
  const runsDir = path.join(dir, "runs");
  await fs.mkdir(runsDir, { mode: 0o711 });
  const modes = { sandboxed: planIsolation({}, who), "--no-isolation": planIsolation({ noIsolation: true }, who) };
  const refusal = probeSandbox(modes.sandboxed, { runsDir, pythonDir: AGENT_PYTHON_DIR });
  if (refusal) return console.log(`  (no sandbox figure: ${refusal})`);
  const { token: runner } = await createAgent({ actorId: null, name: "bench-runner", pool: "bench-run" });
  const client = new AgentClient(server.url, runner);
  await client.register({ hostname: "runner", address: "127.0.0.1", gpus: [], simulated: true, cpuSlots: 1, version: "bench" });
  const deps = { client, cache: new BlobCache(path.join(dir, "cache"), client), runsDir, host: { PATH: process.env.PATH!, HOME: dir, LANG: "C.UTF-8", USER: who.user }, agentPythonDir: AGENT_PYTHON_DIR, progress: () => undefined };
  const times: Record<string, number[]> = { sandboxed: [], "--no-isolation": [] };
  for (let i = 0; i < RUNS * 2 + 4; i++) {
    const mode = i % 2 === 0 ? "sandboxed" : "--no-isolation";
    await submitJob({ actorId: user.id, projectSlug: "bench", command: "true", gpus: 0, pools: ["bench-run"] });
    // The supervisor is stopped by now: place the job by hand.
    await runSchedulerPass();
    let assignments: Awaited<ReturnType<typeof client.assignments>>["assignments"] = [];
    while (assignments.length === 0) assignments = (await client.assignments(2000)).assignments;
    const t0 = performance.now();
    await new NodeRun({ ...deps, isolation: modes[mode] }, assignments[0]!).done;
    if (i >= 4) times[mode]!.push(performance.now() - t0);
  }
  console.log(`a \`true\` job, assignment -> ended (run dir, snapshot, start, logs, outputs, ended), ${RUNS} runs each, alternating`);
  for (const [mode, list] of Object.entries(times)) {
    const sorted = list.sort((a, b) => a - b);
    console.log(`  ${mode.padEnd(15)} p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms`);
  }
  await fs.rm(dir, { recursive: true, force: true });
}
