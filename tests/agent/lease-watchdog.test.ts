// A job never outlives its lease (cli/agent/lease-watchdog.ts), with real agent processes against
// the real server code on a 2 s lease: an agent frozen with SIGSTOP (as in a network partition)
// has its job stopped within the lease timeout plus the job's grace, and the attempt ends lost and
// resumes, never as the user's failure; an agent killed with kill -9 leaves no job process behind.
// Both for the sandboxed agent (bwrap, the job as nobody: these tests run as root) and for one
// started with --no-isolation (the job a plain process group).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createAgent } from "../../server/queue/agents";
import { getJob } from "../../server/queue/read-jobs";
import { createSnapshot } from "../../server/queue/snapshots";
import { submitJob } from "../../server/queue/submit-job";
import { createProjectFor, createUser } from "../support/factories";
import { jobProcesses } from "../support/processes";
import { realLab } from "../support/real-lab";

const LEASE_S = 2;
const GRACE_S = 1;
/** Scheduling and /proc's view of a SIGKILL on a loaded two-core machine. */
const SLACK_MS = 3000;
const lab = realLab("lease", { leaseSeconds: LEASE_S });

async function until<T>(what: string, check: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A registered agent (sandboxed, or --no-isolation) running one job that ignores SIGTERM, so only the SIGKILL after its grace ends it. */
async function runningJob(isolation: boolean) {
  const tag = randomUUID().slice(0, 6);
  const owner = await createUser();
  const project = await createProjectFor(owner);
  const pool = `lease-${tag}`;
  const gpuType = `${pool}-gpu`;
  const name = `${pool}-a`;
  const { token } = await createAgent({ actorId: null, name, pool });
  let output = "";
  const agent: ChildProcess = lab.track(
    spawn(
      process.execPath,
      ["bin/benchtop.mjs", "agent", "--server", lab.url, "--token-file", await lab.tokenFile(name, token), "--name", name, "--simulate-gpus", "1", "--gpu-type", gpuType,
        "--work-dir", path.join(lab.dir, name), ...(isolation ? [] : ["--no-isolation"])],
      { env: { PATH: process.env.PATH, HOME: lab.dir } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] },
    ),
  );
  agent.stdout!.on("data", (d) => (output += d));
  agent.stderr!.on("data", (d) => (output += d));
  await until("the agent to register", async () => (await db.agent.findUnique({ where: { name } }))?.registeredAt);
  const snapshotId = await createSnapshot({ actorId: owner.id, projectSlug: project.slug, manifest: { files: [] } });
  const { id: jobId } = await submitJob({
    actorId: owner.id, projectSlug: project.slug, gpus: 1, gpuType, pools: [pool], snapshotId, graceSeconds: GRACE_S,
    command: "trap '' TERM; echo started; sleep 600 & wait; sleep 600",
  });
  await until("the job to run", async () => (await getJob({ actorId: owner.id, jobId })).state === "running" && jobProcesses(jobId).length > 0);
  // Its sleep started (the line is printed before it).
  await until("the job's sleep", () => jobProcesses(jobId).length >= (isolation ? 3 : 2));
  return { agent, jobId, owner, output: () => output };
}

describe.each([
  ["a sandboxed agent", true],
  ["an agent started with --no-isolation", false],
])("%s", (_label, isolation) => {
  it("stops the job of an agent frozen with SIGSTOP within the lease timeout plus the job's grace; the attempt ends lost, not failed", async () => {
    const { agent, jobId, owner, output } = await runningJob(isolation);
    const frozenAt = Date.now();
    agent.kill("SIGSTOP");
    try {
      await until("the frozen agent's job to be stopped", () => jobProcesses(jobId).length === 0, (LEASE_S + GRACE_S) * 1000 + SLACK_MS);
    } finally {
      agent.kill("SIGCONT");
    }
    const goneAfterMs = Date.now() - frozenAt;
    // Thawed, the agent sees its job's end as a lost lease: the attempt ends lost and the job
    // resumes (here, on the same agent: it is the only one), never failed for the user.
    await until("the agent to give the node up", () => output().includes("job.lost"));
    const job = await until("the attempt to be lost", async () => {
      const j = await getJob({ actorId: owner.id, jobId });
      return j.attempts[0]?.state === "lost" && j;
    });
    expect(job.state, job.stateReason).not.toMatch(/failed|succeeded|cancelled|timed_out/);
    expect(job.attempts[0]!.reason).toContain("stopped answering");
    expect(goneAfterMs).toBeLessThan((LEASE_S + GRACE_S) * 1000 + SLACK_MS);
  }, 60_000);

  it("leaves no job process behind when the agent is killed with kill -9", async () => {
    const { agent, jobId } = await runningJob(isolation);
    expect(jobProcesses(jobId).length).toBeGreaterThan(0);
    agent.kill("SIGKILL");
    await until("the dead agent's job to be stopped", () => jobProcesses(jobId).length === 0, GRACE_S * 1000 + SLACK_MS);
  }, 60_000);
});
