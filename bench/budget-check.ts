// What budgets cost the queue: submitJob's time with no budget, and under a hold budget of its
// project and of the lab with rates in force (admission then sums two budgets' spend and reads the
// rates); and the supervisor's 30 s alert check (server/costs/alerts.ts: one statement for every
// budget's spend) over a month of ledger rows.
//   npx tsx bench/budget-check.ts [submissions=200] [ledgerRows=300000] [budgets=50]
import { benchDatabase, fmt, percentile } from "./support";

const N = Number(process.argv[2] ?? 200);
const ROWS = Number(process.argv[3] ?? 300_000);
const BUDGETS = Number(process.argv[4] ?? 50);
const scratch = await benchDatabase("bench-budgets");
const { db } = await import("../server/db/client");
const { startTestAgent } = await import("../tests/support/agent-client");
const { submitJob } = await import("../server/queue/submit-job");
const { createProject } = await import("../server/projects/create-project");
const { checkBudgets } = await import("../server/costs/alerts");
const { setLabBudget, setProjectBudget } = await import("../server/costs/budgets");

const user = await db.user.create({ data: { email: "bench@benchtop.dev", name: "Bench", labRole: "director" } });
await createProject({ actorId: user.id, name: "Bench", slug: "bench" });
const project = await db.project.findUniqueOrThrow({ where: { slug: "bench" } });
await db.file.create({ data: { projectId: project.id, path: "run.sh", content: Buffer.from("true\n"), sizeBytes: 5 } });
// Registered through the real agent API (in process), as the queue tests do; it never claims, so jobs just queue.
await startTestAgent({ name: "idle-agent", pool: "lab", gpus: 4, gpuType: "A100" });
const agentId = (await db.agent.findUniqueOrThrow({ where: { name: "idle-agent" } })).id;
const pool = await db.pool.findUniqueOrThrow({ where: { name: "lab" } });

async function submits(label: string) {
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await submitJob({ actorId: user.id, projectSlug: "bench", command: "true", gpus: 1, gpuType: "A100", maxRuntimeSeconds: 3600 });
    if (i >= 10) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(44)} p50 ${fmt(percentile(times, 50))} ms, p99 ${fmt(percentile(times, 99))} ms`);
}

console.log(`submitJob (snapshot of 1 file, ${N} submissions each, the first 10 not counted)`);
await submits("no budget");
await db.rate.create({ data: { poolId: pool.id, gpuType: "A100", hourly: "2.5", effectiveFrom: new Date(Date.now() - 86_400_000) } });
await setProjectBudget({ actorId: user.id, projectSlug: "bench", amount: "1000000", policy: "hold" });
await setLabBudget({ actorId: user.id, amount: "1000000", policy: "hold" });
await submits("hold budgets on the project and the lab, rated");

// A month of ledger rows spread over the budgets' projects, then the check as the supervisor runs it.
const projects = [project.id];
for (let i = 1; i < BUDGETS; i++) {
  const p = await db.project.create({ data: { name: `P${i}`, slug: `p${i}` } });
  projects.push(p.id);
  await setProjectBudget({ actorId: user.id, projectSlug: p.slug, amount: "1000000" });
}
const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
await db.$executeRaw`
  INSERT INTO "LedgerEntry" ("attemptNodeId", minute, "startsAt", "endsAt", "jobId", "attemptId", "projectId", "userId", "poolId", "agentId", "gpuType", gpus, hourly, amount)
  SELECT 'node-' || (k / 1000), k % 1000, ${month}::timestamp + (k % 40000) * interval '1 minute', ${month}::timestamp + (k % 40000 + 1) * interval '1 minute',
         'job', 'attempt', (${projects}::text[])[1 + k % ${projects.length}], ${user.id}, ${pool.id}, ${agentId}, 'A100', 1, 2.5, 0.041667
    FROM generate_series(0, ${ROWS - 1}) k`;
await db.$executeRaw`ANALYZE "LedgerEntry"`;
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  await checkBudgets();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`checkBudgets: ${BUDGETS} project budgets + the lab's, ${ROWS} ledger rows this month, 30 runs`);
console.log(`  p50 ${fmt(percentile(times, 50))} ms, p99 ${fmt(percentile(times, 99))} ms`);
await db.$disconnect();
await scratch.stop();
