// Claim and complete of no-op attempts per second: Benchtop's queue against pg-boss, side by side
// on the same embedded PostgreSQL, same concurrency. Ours: an agent claims a placed attempt (one
// UPDATE ... FOR UPDATE SKIP LOCKED with a fencing token) and reports it ended (one statement that
// ends node, attempt and job); pg-boss: fetch + complete. With --with-started the agent also
// reports `started` in between, as a real run does. Placement by the scheduler is done beforehand
// and not timed (pg-boss has no scheduler), and reported on its own. With --with-secret-env every
// job carries a --secret-env variable, which the claim decrypts (AES-256-GCM) for the assignment.
// The supervisor's meter (server/queue/sql/meter.ts) runs beside the workers once a second, as in
// production, and its share of the run is printed (--without-meter leaves it out, for the same run
// without it); afterwards it must find nothing to do however many nodes have ended.
//   npx tsx bench/claim-complete.ts [jobs=3000] [workers=8] [--with-started] [--with-secret-env] [--without-meter]
import os from "node:os";
import { benchDatabase, fmt } from "./support";

const N = Number(process.argv[2] ?? 3000);
const WORKERS = Number(process.argv[3] ?? 8);
const WITH_STARTED = process.argv.includes("--with-started");
const WITH_SECRET = process.argv.includes("--with-secret-env");
const WITHOUT_METER = process.argv.includes("--without-meter");

const db = await benchDatabase("bench-claim");
const { db: prisma } = await import("../server/db/client");
const { createAgent, registerAgent, authenticateAgent } = await import("../server/queue/agents");
const { runSchedulerPass } = await import("../server/queue/scheduler-pass");
const { claimNodes } = await import("../server/queue/claim");
const { nodeStarted, nodeEnded } = await import("../server/queue/node-reports");
const { createProject } = await import("../server/projects/create-project");
const { snapshotProjectFiles } = await import("../server/queue/snapshots");
const { encryptSecretEnv } = await import("../server/queue/secret-env");

const user = await prisma.user.create({ data: { email: "bench@benchtop.dev", name: "Bench" } });
const project = await createProject({ actorId: user.id, name: "Bench", slug: "bench" });
await prisma.file.create({ data: { projectId: project.id, path: "noop.sh", content: Buffer.from("true\n"), sizeBytes: 5 } });
const snapshotId = await snapshotProjectFiles({ actorId: user.id, projectSlug: "bench" });
const { token } = await createAgent({ actorId: null, name: "bench-agent" });
const agent = (await authenticateAgent(token))!;
await registerAgent(agent.id, { hostname: "bench", address: "127.0.0.1", gpus: [], simulated: true, cpuSlots: N, version: "bench" });

const { meterStatement } = await import("../server/queue/sql/meter");

// N no-op CPU jobs, inserted in bulk, then placed by scheduler passes.
const jobs = Array.from({ length: N }, (_, i) => ({
  projectId: project.id,
  submittedById: user.id,
  name: `noop ${i}`,
  command: "true",
  snapshotId,
  maxRuntimeSeconds: 3600,
  ...(WITH_SECRET ? { secretEnv: encryptSecretEnv({ API_TOKEN: `token-${i}` }), secretEnvNames: ["API_TOKEN"] } : {}),
}));
await prisma.job.createMany({ data: jobs });
const t = performance.now();
let placed = 0;
while (placed < N) {
  await prisma.agent.update({ where: { id: agent.id }, data: { lastHeartbeatAt: new Date() } });
  const pass = await runSchedulerPass();
  if (pass.placed === 0) break;
  placed += pass.placed;
}
const placeMs = performance.now() - t;

/** The supervisor's meter beside the workers, once a second as in production: how often, how long. */
const besideMeter = { runs: 0, ms: 0, entries: 0 };

async function ours(): Promise<number> {
  let done = 0;
  let running = true;
  const meter = (async () => {
    while (running && !WITHOUT_METER) {
      const m = performance.now();
      besideMeter.entries += await meterStatement(null);
      besideMeter.ms += performance.now() - m;
      besideMeter.runs++;
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      for (;;) {
        const [a] = await claimNodes(agent.id, 1);
        if (!a) return;
        if (WITH_SECRET && !a.env.API_TOKEN) throw new Error("the claim lost the secret");
        if (WITH_STARTED) await nodeStarted(agent.id, a.nodeId, a.fencingToken);
        await nodeEnded(agent.id, a.nodeId, { fencingToken: a.fencingToken, outcome: "exited", exitCode: 0, signal: null, message: "" });
        done++;
      }
    }),
  );
  const rate = (done / (performance.now() - start)) * 1000;
  running = false;
  await meter;
  if (done !== N) throw new Error(`claimed ${done} of ${N}`);
  return rate;
}

async function pgBoss(): Promise<number> {
  const { PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString: db.url, max: WORKERS + 2, supervise: false, schedule: false });
  boss.on("error", (e: Error) => console.error("pg-boss:", e.message));
  await boss.start();
  await boss.createQueue("noop");
  await boss.insert("noop", Array.from({ length: N }, (_, i) => ({ data: { i } })));
  let done = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      for (;;) {
        const [job] = await boss.fetch("noop", { batchSize: 1 });
        if (!job) return;
        await boss.complete("noop", job.id);
        done++;
      }
    }),
  );
  const rate = (done / (performance.now() - start)) * 1000;
  await boss.stop({ graceful: false });
  if (done !== N) throw new Error(`pg-boss completed ${done} of ${N}`);
  return rate;
}

// pg-boss first: whichever runs second finds a warmer machine.
const bossRate = await pgBoss();
const oursRate = await ours();
const succeeded = await prisma.job.count({ where: { state: "succeeded" } });
// After the burst: the meter's last run charges what ended since its previous one; then nothing is due.
const charged = await meterStatement(null);
const meterMs: number[] = [];
for (let i = 0; i < 20; i++) {
  const m = performance.now();
  if ((await meterStatement(null)) !== 0) throw new Error("the meter charged a minute twice");
  meterMs.push(performance.now() - m);
}
meterMs.sort((a, b) => a - b);
console.log(`claim + complete of ${N} no-op attempts, ${WORKERS} concurrent workers, one embedded PostgreSQL (${os.cpus().length} CPUs)`);
console.log(`  Benchtop (claim${WITH_STARTED ? " + started" : ""} + ended${WITH_SECRET ? ", each with a secret variable" : ""}): ${fmt(oursRate, 0)} attempts/s   (${succeeded} jobs succeeded)`);
console.log(`  pg-boss 12 (fetch + complete):   ${fmt(bossRate, 0)} jobs/s`);
console.log(`  ratio: ${fmt(oursRate / bossRate, 2)}x   (target: at least 1x)`);
console.log(`  placement beforehand (scheduler passes, not in the rate): ${N} attempts in ${fmt(placeMs, 0)} ms`);
console.log(
  WITHOUT_METER
    ? `  meter: left out (--without-meter); one run afterwards charged ${charged} entries; then, nothing due over ${N} ended nodes: p50 ${fmt(meterMs[10]!, 2)} ms`
    : `  meter beside it (once a second, as the supervisor): ${besideMeter.runs} runs, ${besideMeter.entries + charged} entries, ${fmt(besideMeter.ms, 0)} ms in all (${fmt(besideMeter.ms / (N / oursRate) / 10, 2)} % of the run); afterwards, nothing due over ${N} ended nodes: p50 ${fmt(meterMs[10]!, 2)} ms, max ${fmt(meterMs[19]!, 2)} ms`,
);
await prisma.$disconnect();
await (await import("../server/db/pool")).sql.end(); // the process's one pool, Prisma's too
await db.stop();
process.exit(0);
