// Submit -> running on an idle agent: the time from a submission's commit to the agent holding
// the attempt (its long poll answered) and to the attempt running (its `started` acknowledged).
// The agent side speaks the real agent API over HTTP on loopback (a node http server around the
// same dispatcher Next serves); the queue supervisor runs in this process, woken by NOTIFY.
//   npx tsx bench/submit-latency.ts [submissions=200]
import { benchDatabase, fmt, percentile } from "./support";

const N = Number(process.argv[2] ?? 200);
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
await server.stop();
await prisma.$disconnect();
await db.stop();
process.exit(0);
