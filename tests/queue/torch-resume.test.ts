// The queue's promise, with real parts: a real PyTorch training run (Debian's python3-torch, on
// CPU) submitted with the CLI, its agent process killed with SIGKILL mid-run (with the job, as
// when a machine dies), the attempt lost after the heartbeat timeout, and a second agent process
// resuming it from the last checkpoint to exactly the result of a run that never stopped.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createAgent } from "../../server/queue/agents";
import { getJob, listArtifacts, readLogLines, readMetrics } from "../../server/queue/read-jobs";
import { createApiToken } from "../../server/tokens/api-tokens";
import { createProjectFor, createUser } from "../support/factories";
import { jobProcesses, run, until } from "../support/processes";
import { realLab } from "../support/real-lab";
import { getBlob } from "../../server/storage/blobs";

const PYTHON = "/usr/bin/python3";
const FIXTURE = path.resolve("tests/fixtures/torch-job");
const lab = realLab("torch", { leaseSeconds: 2 });

async function startAgent(name: string, token: string, gpuType: string) {
  const agent = spawn(
    process.execPath,
    ["bin/benchtop.mjs", "agent", "--server", lab.url, "--token-file", await lab.tokenFile(name, token), "--name", name, "--simulate-gpus", "1", "--gpu-type", gpuType,
      "--address", "127.0.0.1", "--work-dir", path.join(lab.dir, name), "--checkpoint-interval", "0.5"],
    { env: { PATH: process.env.PATH, HOME: lab.dir } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  agent.stdout!.resume();
  agent.stderr!.resume();
  lab.track(agent);
  return agent;
}

/** Every process whose environment says it runs this job: the job a dead machine took with it. */
function killJobProcesses(jobId: string) {
  for (const pid of jobProcesses(jobId)) process.kill(pid, "SIGKILL");
}



describe("a PyTorch job survives its agent's death", () => {
  it("resumes on a second agent from the checkpoint and ends with the uninterrupted result", async () => {
    // What a run that never stopped ends with.
    const refDir = path.join(lab.dir, "reference");
    const ref = spawnSync(PYTHON, ["train.py"], {
      cwd: FIXTURE,
      encoding: "utf8",
      env: { PATH: process.env.PATH, BENCHTOP_CHECKPOINT_DIR: `${refDir}/c`, BENCHTOP_OUTPUT_DIR: `${refDir}/o`, EPOCH_SECONDS: "0" } as unknown as NodeJS.ProcessEnv,
    });
    expect(ref.status, ref.stderr).toBe(0);
    const expected = JSON.parse(await fs.readFile(`${refDir}/o/result.json`, "utf8"));

    const ana = await createUser({ name: "Ana Torch" });
    const project = await createProjectFor(ana);
    const { token } = await createApiToken({ actorId: ana.id, name: "cli" });
    const pool = `torch-${randomUUID().slice(0, 6)}`;
    const gpuType = `${pool}-gpu`;
    const first = await createAgent({ actorId: null, name: `${pool}-a`, pool });
    const second = await createAgent({ actorId: null, name: `${pool}-b`, pool });
    const agentA = await startAgent(`${pool}-a`, first.token, gpuType);
    // Registered (with its GPU) before the job is submitted: a job no agent could hold is refused.
    await until("agent A to register", async () => (await db.agent.findUnique({ where: { name: `${pool}-a` } }))?.registeredAt);
    // As on a GPU server: the agent runs as root, each job as nobody in its sandbox.
    expect(await db.agent.findUnique({ where: { name: `${pool}-a` } })).toMatchObject({ jobSandbox: true, jobUser: "nobody", jobUserSeparate: true });

    const submit = await run(
      process.execPath,
      [path.resolve("bin/benchtop.mjs"), "submit", "--project", project.slug, "--gpus", "1", "--gpu-type", gpuType, "--pool", pool,
        "--max-runtime", "10m", "--grace", "1s", "--env", "EPOCH_SECONDS=0.6", "--", PYTHON, "train.py"],
      { cwd: FIXTURE, env: { PATH: process.env.PATH, HOME: lab.dir, BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token } },
    );
    expect(submit.status, submit.stderr).toBe(0);
    const jobId = submit.stdout.trim();
    expect(jobId).toMatch(/^\w+$/);
    expect(submit.stderr).toContain(`queued`);

    // Mid-run, with a checkpoint saved: the machine dies.
    const saved = await until("a checkpoint of epoch 3 or later", async () => {
      const points = await readMetrics({ actorId: ana.id, jobId });
      const checkpoints = await db.checkpoint.count({ where: { jobId } });
      return checkpoints > 0 && points.filter((p) => p.key === "loss").length >= 4;
    });
    expect(saved).toBe(true);
    agentA.kill("SIGKILL");
    killJobProcesses(jobId);

    // The lease runs out, the attempt is lost, and a second agent takes the job.
    await until("the attempt to be lost", async () => (await getJob({ actorId: ana.id, jobId })).attempts[0]?.state === "lost");
    await startAgent(`${pool}-b`, second.token, gpuType);
    const done = await until("the job to end", async () => {
      const job = await getJob({ actorId: ana.id, jobId });
      return ["succeeded", "failed", "cancelled", "timed_out"].includes(job.state) && job;
    }, 90_000);

    expect(done.state, done.stateReason).toBe("succeeded");
    expect(done.attempts.map((a) => [a.state, a.nodes[0]?.agent])).toEqual([["lost", `${pool}-a`], ["succeeded", `${pool}-b`]]);
    expect(done.attempts[0]!.reason).toContain(`agent ${pool}-a stopped answering`);

    // Same result as the run that never stopped.
    const artifacts = await listArtifacts({ actorId: ana.id, jobId });
    const result = artifacts.find((a) => a.path === "result.json")!;
    const chunks: Buffer[] = [];
    for await (const c of await getBlob(result.sha256)) chunks.push(c as Buffer);
    expect(JSON.parse(Buffer.concat(chunks).toString("utf8"))).toEqual(expected);

    // The second attempt resumed from the checkpoint; logs have no gaps; every epoch's loss is there.
    const { lines, total } = await readLogLines({ actorId: ana.id, jobId, from: 0, limit: 10_000 });
    expect(lines.map((l) => l.n)).toEqual(Array.from({ length: total }, (_, i) => i));
    const resumed = lines.find((l) => l.attempt === 2 && l.text.startsWith("resumed from the checkpoint of epoch"));
    expect(resumed, "attempt 2 says where it resumed").toBeDefined();
    const from = Number(/epoch (\d+)/.exec(resumed!.text)![1]);
    expect(from).toBeGreaterThanOrEqual(2);
    const losses = (await readMetrics({ actorId: ana.id, jobId })).filter((p) => p.key === "loss");
    expect(new Set(losses.map((p) => p.step))).toEqual(new Set(Array.from({ length: expected.epochs }, (_, i) => i)));
    expect(Math.min(...losses.filter((p) => p.attemptNumber === 2).map((p) => p.step!))).toBe(from + 1);
  }, 180_000);
});
