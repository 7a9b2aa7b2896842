// A burst as a lab makes one (issue 14): 300 one-second jobs on two real agent processes, GPUs and
// CPU slots freed and handed on again and again. Every job runs once and succeeds: no attempt is
// refused over an agent's own bookkeeping ("GPU 2 is still in use by node ..."), none fails to
// start, none is lost. And a job that prints a NUL byte and invalid UTF-8 ends like any other,
// its lines readable (U+FFFD where a terminal would show one).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createAgent } from "../../server/queue/agents";
import { getJob, readLogLines } from "../../server/queue/read-jobs";
import { submitJob } from "../../server/queue/submit-job";
import { createProjectFor, createUser } from "../support/factories";
import { realLab } from "../support/real-lab";
import { until as pollUntil } from "../support/processes";

const lab = realLab("burst");

/** Every 250 ms: the burst checks its jobs in one count. */
const until = <T,>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs: number) => pollUntil(what, check, timeoutMs, 250);

async function startAgents(pool: string, gpuType: string) {
  for (const name of [`${pool}-a`, `${pool}-b`]) {
    const agent = await createAgent({ actorId: null, name, pool });
    const p = spawn(
      process.execPath,
      ["bin/benchtop.mjs", "agent", "--server", lab.url, "--token-file", await lab.tokenFile(name, agent.token), "--name", name, "--simulate-gpus", "4",
        "--gpu-type", gpuType, "--cpu-slots", "2", "--address", "127.0.0.1", "--work-dir", path.join(lab.dir, name)],
      { env: { PATH: process.env.PATH, HOME: lab.dir } as unknown as NodeJS.ProcessEnv, stdio: "ignore" },
    );
    lab.track(p);
  }
  await until("both agents to register", async () => (await db.agent.count({ where: { name: { startsWith: `${pool}-` }, registeredAt: { not: null } } })) === 2, 30_000);
}

it("300 one-second jobs on two agents (GPU and CPU-slot jobs) all succeed at the first attempt", async () => {
  const ana = await createUser();
  const project = await createProjectFor(ana);
  const pool = `burst-${randomUUID().slice(0, 6)}`;
  const gpuType = `${pool}-gpu`;
  await startAgents(pool, gpuType);
  const ids: string[] = [];
  for (let i = 0; i < 300; i++) {
    // Two in three hold a GPU, the rest a CPU slot: both kinds are freed and handed on.
    const gpus = i % 3 === 2 ? 0 : 1;
    const { id } = await submitJob({ actorId: ana.id, projectSlug: project.slug, command: "sleep 1", gpus, gpuType: gpus ? gpuType : undefined, pools: [pool] });
    ids.push(id);
  }
  await until(
    "every job of the burst to end",
    async () => (await db.job.count({ where: { id: { in: ids }, endedAt: { not: null } } })) === ids.length,
    360_000,
  );
  const attempts = await db.attempt.groupBy({ by: ["state"], where: { jobId: { in: ids } }, _count: true });
  const reasons = await db.attempt.findMany({ where: { jobId: { in: ids }, state: { not: "succeeded" } }, select: { state: true, reason: true }, take: 5 });
  expect(Object.fromEntries(attempts.map((a) => [a.state, a._count])), JSON.stringify(reasons)).toEqual({ succeeded: 300 });
}, 420_000);

it("a job that prints a NUL byte and invalid UTF-8 ends normally, every line readable", async () => {
  const ana = await createUser();
  const project = await createProjectFor(ana);
  const pool = `nul-${randomUUID().slice(0, 6)}`;
  await startAgents(pool, `${pool}-gpu`);
  const { id } = await submitJob({
    actorId: ana.id,
    projectSlug: project.slug,
    command: String.raw`echo before; printf 'a\000b\n'; printf '\377\376 not utf-8\n'; echo after`,
    pools: [pool],
  });
  const job = await until("the job to end", async () => {
    const j = await getJob({ actorId: ana.id, jobId: id });
    return j.endedAt ? j : null;
  }, 60_000);
  expect(job).toMatchObject({ state: "succeeded", exitCode: 0 });
  const { lines } = await readLogLines({ actorId: ana.id, jobId: id, from: 0, limit: 100 });
  expect(lines.map((l) => l.text)).toEqual(["before", "a\ufffdb", "\ufffd\ufffd not utf-8", "after"]);
}, 90_000);
