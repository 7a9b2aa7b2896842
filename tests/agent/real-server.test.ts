// The real `benchtop agent` process against the real agent API (server/agent-api/dispatch.ts,
// served over HTTP on loopback by this test, on the embedded PostgreSQL): a job submitted through
// the domain function, placed by a scheduler pass, run by the agent, its logs, metrics,
// checkpoint and artifacts stored; the server going away mid-run and coming back; a cancel.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { dispatchAgentApi } from "../../server/agent-api/dispatch";
import { db } from "../../server/db/client";
import { createAgent } from "../../server/queue/agents";
import { sha256Of } from "../../server/storage/blobs";
import { putProjectBlob } from "../../server/queue/project-blobs";
import { cancelJob } from "../../server/queue/cancel-job";
import { getJob, listArtifacts, readLogLines, readMetrics } from "../../server/queue/read-jobs";
import { runSchedulerPass } from "../../server/queue/scheduler-pass";
import { createSnapshot } from "../../server/queue/snapshots";
import { submitJob } from "../../server/queue/submit-job";
import { env } from "../../server/env";
import { sweepExpiredLeases } from "../../server/queue/sweep";
import { createProjectFor, createUser, type TestUser } from "../support/factories";
import { jobProcesses, until as pollUntil } from "../support/processes";

let dir: string;
const agents: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-real-"));
  // The agents run their jobs as nobody (these tests run as root): it passes through to its runs.
  await fs.chmod(dir, 0o711);
});
afterEach(() => {
  for (const a of agents.splice(0)) if (a.exitCode === null) a.kill("SIGKILL");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The agent API over HTTP; `stop()` and `start()` again on the same port play a server restart. */
async function serveAgentApi(port = 0) {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await dispatchAgentApi(
      new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Every 100 ms, 25 s unless told. */
const until = <T,>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 25_000) => pollUntil(what, check, timeoutMs, 100);

async function lab(files: Record<string, string>) {
  const tag = randomUUID().slice(0, 6);
  const owner = await createUser();
  const project = await createProjectFor(owner);
  const pool = `pool-${tag}`;
  const gpuType = `sim-${tag}`;
  const { token } = await createAgent({ actorId: null, name: `agent-${tag}`, pool });
  const manifest = { files: [] as { path: string; sha256: string; size: number; mode: number }[] };
  for (const [p, content] of Object.entries(files)) {
    const bytes = Buffer.from(content);
    await putProjectBlob({ actorId: owner.id, projectSlug: project.slug, sha256: sha256Of(bytes), body: bytes });
    manifest.files.push({ path: p, sha256: sha256Of(bytes), size: bytes.length, mode: 0o755 });
  }
  const snapshotId = await createSnapshot({ actorId: owner.id, projectSlug: project.slug, manifest });
  return { owner, project, pool, gpuType, token, snapshotId, tag };
}

function startAgent(url: string, token: string, gpuType: string, extra: string[] = []) {
  const workDir = path.join(dir, randomUUID());
  const child = spawn(process.execPath, ["bin/benchtop.mjs", "agent", "--server", url, "--simulate-gpus", "2", "--gpu-type", gpuType, "--work-dir", workDir, ...extra], {
    env: { PATH: process.env.PATH ?? "", HOME: dir, BENCHTOP_AGENT_TOKEN: token } as unknown as NodeJS.ProcessEnv,
  });
  agents.push(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    output: () => output,
    exited,
    /** Puts a file into the working directory of the job it runs (a sandboxed job sees nothing else of this machine). */
    async touch(name: string) {
      const [run] = await fs.readdir(path.join(workDir, "runs"));
      await fs.writeFile(path.join(workDir, "runs", run!, "job", "files", name), "");
    },
  };
}

async function submitAndPlace(l: Awaited<ReturnType<typeof lab>>, owner: TestUser, command: string, extra: Partial<Parameters<typeof submitJob>[0]> = {}) {
  const { id } = await submitJob({ actorId: owner.id, projectSlug: l.project.slug, command, gpus: 1, gpuType: l.gpuType, pools: [l.pool], snapshotId: l.snapshotId, ...extra });
  await until("the job to be placed", async () => {
    await runSchedulerPass();
    return (await getJob({ actorId: owner.id, jobId: id })).state !== "queued";
  });
  return id;
}

const allLines = async (owner: TestUser, jobId: string) => (await readLogLines({ actorId: owner.id, jobId, from: 0, limit: 100_000 })).lines.map((l) => l.text);

describe("benchtop agent against the real agent API", () => {
  it("runs a job end to end: logs, metrics, checkpoint and artifacts stored, the job succeeded", async () => {
    const api = await serveAgentApi();
    const l = await lab({
      "train.sh": [
        'echo "attempt $BENCHTOP_ATTEMPT on GPUs [$CUDA_VISIBLE_DEVICES]"',
        "python3 -c 'from benchtop_metrics import log_metrics; log_metrics(step=1, total=2, loss=0.5)'",
        "for i in $(seq 1 3000); do echo line-$i; done",
        'echo 7 > "$BENCHTOP_CHECKPOINT_DIR/state"',
        'echo ok > "$BENCHTOP_OUTPUT_DIR/result.txt"',
      ].join("\n"),
    });
    const agent = startAgent(`http://127.0.0.1:${api.port}`, l.token, l.gpuType, ["--once"]);
    await until("the agent to register", async () => agent.output().includes("agent.registered"));
    const jobId = await submitAndPlace(l, l.owner, "./train.sh");
    expect(await agent.exited).toBe(0);
    const job = await getJob({ actorId: l.owner.id, jobId });
    expect(job).toMatchObject({ state: "succeeded", exitCode: 0 });
    const lines = await allLines(l.owner, jobId);
    expect(lines[0]).toMatch(/^attempt 1 on GPUs \[[01]\]$/);
    expect(lines.filter((t) => t.startsWith("line-"))).toEqual(Array.from({ length: 3000 }, (_, i) => `line-${i + 1}`));
    expect((await readMetrics({ actorId: l.owner.id, jobId })).map((m) => [m.key, m.step, m.value])).toEqual(expect.arrayContaining([["loss", 1, 0.5]]));
    expect((await listArtifacts({ actorId: l.owner.id, jobId })).map((a) => a.path)).toEqual(["result.txt"]);
    expect(await db.checkpoint.count({ where: { jobId } })).toBe(1);
    await api.stop();
  });

  it("keeps the job running while the server is down, and delivers every line once, in order, when it is back", async () => {
    // A short restart is one shorter than the lease: on this file's 2 s lease the agent would stop
    // its job after 1.5 s without an answered heartbeat (the next test), so this one has a lab's.
    const suiteLease = env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS;
    env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS = 15;
    onTestFinished(() => void (env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS = suiteLease));
    const api = await serveAgentApi();
    const go = "go";
    const l = await lab({
      "job.sh": [
        "for i in $(seq 1 1000); do echo before-$i; done",
        `while [ ! -e ${go}-1 ]; do sleep 0.05; done`,
        "for i in $(seq 1 1000); do echo during-$i; done",
        `while [ ! -e ${go}-2 ]; do sleep 0.05; done`,
        "echo done",
      ].join("\n"),
    });
    const url = `http://127.0.0.1:${api.port}`;
    const agent = startAgent(url, l.token, l.gpuType, ["--once"]);
    await until("the agent to register", async () => agent.output().includes("agent.registered"));
    const jobId = await submitAndPlace(l, l.owner, "./job.sh");
    await until("the first lines", async () => (await allLines(l.owner, jobId)).length >= 1000);
    await api.stop();
    // The job prints on while the server is away; the agent spools and retries.
    await agent.touch(`${go}-1`);
    await until("the agent to notice", async () => /logs\.waiting|server\.unreachable/.test(agent.output()));
    const back = await serveAgentApi(api.port);
    await agent.touch(`${go}-2`);
    expect(await agent.exited).toBe(0);
    const lines = await allLines(l.owner, jobId);
    expect(lines).toEqual([...Array.from({ length: 1000 }, (_, i) => `before-${i + 1}`), ...Array.from({ length: 1000 }, (_, i) => `during-${i + 1}`), "done"]);
    expect(await getJob({ actorId: l.owner.id, jobId })).toMatchObject({ state: "succeeded" });
    await back.stop();
  });

  it("stops the job when the server stays away past the lease, and the attempt ends lost and requeued, not failed", async () => {
    const api = await serveAgentApi();
    // It exits 0 on SIGTERM: even so, a job stopped because the lease lapsed has not succeeded.
    const l = await lab({ "wait.sh": "trap 'echo stopping; exit 0' TERM\necho waiting\nsleep 300 & wait\n" });
    const agent = startAgent(`http://127.0.0.1:${api.port}`, l.token, l.gpuType, ["--once"]);
    await until("the agent to register", async () => agent.output().includes("agent.registered"));
    const jobId = await submitAndPlace(l, l.owner, "./wait.sh");
    await until("the job to run", async () => (await allLines(l.owner, jobId)).includes("waiting"));
    await api.stop();
    // No heartbeat answered for the lease timeout less one interval: the agent's watchdog stops the job.
    await until("the job to be stopped", async () => jobProcesses(jobId).length === 0, 10_000);
    const back = await serveAgentApi(api.port);
    // The agent gives the node up rather than report its SIGTERM as the job's end.
    expect(await agent.exited).toBe(0);
    expect(agent.output()).toContain("job.lost");
    expect(agent.output()).not.toContain("job.ended");
    const job = await until("the lease to be taken back", async () => {
      await sweepExpiredLeases(); // (or another file's supervisor did)
      const j = await getJob({ actorId: l.owner.id, jobId });
      return j.attempts[0]?.state === "lost" && j;
    });
    expect(job).toMatchObject({ state: "queued" });
    expect(job.stateReason).toContain("resumes from its last checkpoint");
    // What it printed on its way out, while the server was away, reached the attempt's log.
    expect(await allLines(l.owner, jobId)).toEqual(["waiting", "stopping"]);
    await back.stop();
  });

  it("runs a two-node job on two agents, each node with torchrun's variables, rank 0's address as MASTER_ADDR", async () => {
    const api = await serveAgentApi();
    const l = await lab({ "dist.sh": 'echo "rank $NODE_RANK of $WORLD_SIZE via $MASTER_ADDR:$MASTER_PORT gpus=[$CUDA_VISIBLE_DEVICES]"\n' });
    const url = `http://127.0.0.1:${api.port}`;
    const second = await createAgent({ actorId: null, name: `agent-${l.tag}-b`, pool: l.pool });
    const one = startAgent(url, l.token, l.gpuType, ["--once", "--address", "127.0.0.11"]);
    const two = startAgent(url, second.token, l.gpuType, ["--once", "--address", "127.0.0.12"]);
    await until("both agents to register", async () => one.output().includes("agent.registered") && two.output().includes("agent.registered"));
    const jobId = await submitAndPlace(l, l.owner, "./dist.sh", { nodes: 2, gpus: 2 });
    expect([await one.exited, await two.exited]).toEqual([0, 0]);
    expect(await getJob({ actorId: l.owner.id, jobId })).toMatchObject({ state: "succeeded" });
    const lines = (await allLines(l.owner, jobId)).sort();
    expect(lines).toHaveLength(2);
    const master = /via (127\.0\.0\.1[12]):(\d+)/.exec(lines[0]!)!;
    expect(lines).toEqual([`rank 0 of 2 via ${master[1]}:${master[2]} gpus=[0,1]`, `rank 1 of 2 via ${master[1]}:${master[2]} gpus=[0,1]`]);
    const rankZero = one.output().includes("rank=0/2") ? "127.0.0.11" : "127.0.0.12";
    expect(master[1]).toBe(rankZero);
    await api.stop();
  });

  it("stops a job cancelled on the server and it ends cancelled", async () => {
    const api = await serveAgentApi();
    const l = await lab({ "wait.sh": "echo waiting\nsleep 300\n" });
    const agent = startAgent(`http://127.0.0.1:${api.port}`, l.token, l.gpuType, ["--once"]);
    await until("the agent to register", async () => agent.output().includes("agent.registered"));
    const jobId = await submitAndPlace(l, l.owner, "./wait.sh");
    await until("the job to run", async () => (await allLines(l.owner, jobId)).includes("waiting"));
    await cancelJob({ actorId: l.owner.id, jobId });
    expect(await agent.exited).toBe(0);
    expect(await getJob({ actorId: l.owner.id, jobId })).toMatchObject({ state: "cancelled" });
    expect(agent.output()).toMatch(/job\.ended .*outcome=cancelled/);
    await api.stop();
  });
});
