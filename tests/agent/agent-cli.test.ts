// `benchtop agent` as a lab runs it: a real process (bin/benchtop.mjs), real jobs, against
// FakeAgentServer, a STAND-IN for the server's agent API that can refuse, cancel, take leases
// back and drain on demand. tests/agent/real-server.test.ts runs it against the real API.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TAssignment } from "../../contract/agent-protocol";
import type { NodeRecord } from "../../cli/agent/run-node";
import { processesInNamespace } from "../../cli/agent/sandboxed-job";
import { watchdogOf } from "../support/processes";
import { FakeAgentServer, makeAssignment } from "./support/fake-agent-server";

let server: FakeAgentServer;
let dir: string;
const started: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-agent-cli-"));
  // The job user (nobody: these tests run as root) passes through to its runs, as under /var/lib.
  await fs.chmod(dir, 0o711);
});
afterEach(async () => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await server?.close();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type AgentProcess = { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null>; workDir: string };

function startAgent(args: string[], env: Record<string, string> = {}, workDir = path.join(dir, `work-${started.length}-${Date.now()}`)): AgentProcess {
  const child = spawn(process.execPath, ["bin/benchtop.mjs", "agent", "--server", server.url, "--work-dir", workDir, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: dir, BENCHTOP_AGENT_TOKEN: server.token, ...env } as unknown as NodeJS.ProcessEnv,
  });
  started.push(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, output: () => output, exited, workDir };
}

/** The record a running node keeps beside its files (run-node.ts). */
async function nodeRecord(workDir: string): Promise<NodeRecord> {
  const [run] = await fs.readdir(path.join(workDir, "runs"));
  return JSON.parse(await fs.readFile(path.join(workDir, "runs", run!, "node.json"), "utf8")) as NodeRecord;
}

function queue(command: string, overrides: Partial<TAssignment> = {}): TAssignment {
  const a = makeAssignment({ snapshotId: server.addSnapshot({ "main.sh": "echo from main.sh\n" }), command, ...overrides });
  server.queued.push(a);
  return a;
}

describe("benchtop agent", () => {
  it("--once: registers its simulated GPUs, runs one assignment with exactly the contract env, reports it, exits 0", async () => {
    server = await new FakeAgentServer().start();
    // It waits for a file the test puts into its working directory.
    const a = queue(`bash main.sh; env | sort; while [ ! -e go ]; do sleep 0.05; done`, { gpuIndices: [1], env: { MY_SETTING: "x" } });
    const agent = startAgent(["--once", "--simulate-gpus", "2", "--gpu-type", "demo-gpu", "--address", "10.1.2.3"], {
      BENCHTOP_SECRET_OF_THE_AGENT: "do-not-leak-this",
    });
    // The heartbeats carry the node's lease while it runs.
    await server.waitFor("a heartbeat with the node", () => server.heartbeats.some((h) => h.nodes.some((n) => n.nodeId === a.nodeId && n.fencingToken === a.fencingToken)));
    const [run] = await fs.readdir(path.join(agent.workDir, "runs"));
    await fs.writeFile(path.join(agent.workDir, "runs", run!, "job", "files", "go"), "");
    expect(await agent.exited).toBe(0);
    expect(server.registrations).toEqual([
      expect.objectContaining({
        address: "10.1.2.3",
        simulated: true,
        cpuSlots: 1,
        gpus: [
          { index: 0, model: "demo-gpu", memoryMb: 16384 },
          { index: 1, model: "demo-gpu", memoryMb: 16384 },
        ],
      }),
    ]);
    const node = server.node(a.nodeId);
    expect(node.ended).toMatchObject({ outcome: "exited", exitCode: 0 });
    const lines = server.logLines(a.nodeId);
    expect(lines[0]).toBe("from main.sh");
    expect(lines).toEqual(
      expect.arrayContaining([
        "CUDA_VISIBLE_DEVICES=1",
        `BENCHTOP_JOB_ID=${a.jobId}`,
        "MY_SETTING=x",
        "BENCHTOP_ATTEMPT=1",
        "BENCHTOP_OUTPUT_DIR=/job/outputs",
        "BENCHTOP_CHECKPOINT_DIR=/job/checkpoints",
        "HOME=/job/home",
        "USER=nobody",
        "PYTHONPATH=/benchtop/python",
      ]),
    );
    expect(server.registrations[0]).toMatchObject({ isolation: { sandbox: true, jobUser: "nobody", separateUser: true } });
    const all = lines.join("\n");
    expect(all).not.toContain(server.token);
    expect(all).not.toContain("do-not-leak-this");
    expect(all).not.toContain("BENCHTOP_AGENT_TOKEN");
    expect(agent.output()).toMatch(/agent\.registered name=gpu-test pool=lab/);
    expect(agent.output()).toMatch(/job\.started node=\S+ /);
    expect(agent.output()).toMatch(/job\.ended node=\S+ outcome=exited exitCode=0/);
    expect(agent.output()).not.toContain(server.token);
  });

  it("keeps trying to register while the server is unreachable, one calm line per failure", async () => {
    server = await new FakeAgentServer().start();
    let refused = 0;
    server.fault = (req) => (req.path === "/register" && refused++ < 2 ? "drop" : null);
    queue("echo ran");
    const tokenFile = path.join(dir, `token-${Date.now()}`);
    await fs.writeFile(tokenFile, server.token + "\n", { mode: 0o600 });
    const agent = startAgent(["--once", "--token-file", tokenFile], { BENCHTOP_AGENT_TOKEN: "" });
    expect(await agent.exited).toBe(0);
    expect(agent.output().match(/register\.retrying/g)).toHaveLength(2);
    expect(agent.output()).toMatch(/agent\.registered/);
  });

  it("stops with a sentence when the server refuses the token", async () => {
    server = await new FakeAgentServer().start();
    const agent = startAgent(["--once"], { BENCHTOP_AGENT_TOKEN: "bt_agent_wrong" });
    expect(await agent.exited).toBe(1);
    expect(agent.output()).toMatch(/refused the agent token \(401\)/);
    expect(agent.output()).not.toContain("bt_agent_wrong");
  });

  it("stops a job the server cancels (through a heartbeat) and reports it cancelled", async () => {
    server = await new FakeAgentServer().start();
    const a = queue("echo waiting; sleep 300", { graceSeconds: 60 });
    const agent = startAgent(["--once"]);
    await server.waitFor("the job to run", () => server.node(a.nodeId).started > 0);
    server.cancel.add(a.nodeId);
    expect(await agent.exited).toBe(0);
    expect(server.node(a.nodeId).ended).toMatchObject({ outcome: "cancelled", signal: "SIGTERM" });
  });

  it("kills a job whose lease the server took back, and reports nothing more about it", async () => {
    server = await new FakeAgentServer().start();
    const a = queue("echo up; trap '' TERM; sleep 300", { graceSeconds: 300 });
    const agent = startAgent(["--once"]);
    await server.waitFor("the job to run", () => server.logLines(a.nodeId).includes("up"));
    const reportsBefore = server.requests.filter((r) => r.path.startsWith(`/nodes/${a.nodeId}/`)).length;
    server.lost.add(a.nodeId);
    expect(await agent.exited).toBe(0);
    expect(agent.output()).toMatch(/job\.lost/);
    expect(server.node(a.nodeId).ended).toBeNull();
    // The heartbeat said lost; after that not one report about the node came in.
    expect(server.requests.filter((r) => r.path.startsWith(`/nodes/${a.nodeId}/`)).length).toBe(reportsBefore);
  });

  it("claims nothing while drained, and claims again when undrained", async () => {
    server = await new FakeAgentServer().start();
    server.draining = true;
    const a = queue("echo ran");
    const agent = startAgent(["--once"]);
    await server.waitFor("a few heartbeats", () => server.heartbeats.length >= 3);
    expect(server.requests.some((r) => r.path === "/assignments")).toBe(false);
    server.draining = false;
    expect(await agent.exited).toBe(0);
    expect(server.node(a.nodeId).ended).toMatchObject({ outcome: "exited", exitCode: 0 });
    expect(agent.output()).toMatch(/agent\.draining[\s\S]*agent\.undrained/);
  });

  it("on SIGTERM stops its jobs (SIGTERM to every process of the sandbox, with its grace) and exits without reporting them", async () => {
    server = await new FakeAgentServer().start();
    const a = queue(`trap 'echo bye; exit 0' TERM; echo up; sleep 300 & wait`, { graceSeconds: 60 });
    const agent = startAgent([]);
    await server.waitFor("the job to run", () => server.logLines(a.nodeId).includes("up"));
    const record = await nodeRecord(agent.workDir);
    agent.child.kill("SIGTERM");
    expect(await agent.exited).toBe(0);
    expect(processesInNamespace(record.sandbox!.pidNamespace)).toEqual([]);
    expect(server.node(a.nodeId).ended).toBeNull();
    expect(agent.output()).toMatch(/agent\.stopped reason="received SIGTERM"/);
  });

  it("with --no-isolation, after a kill -9 of the agent and its lease watchdog, the next agent start stops the orphaned job and delivers its spooled lines", async () => {
    server = await new FakeAgentServer().start();
    const pidFile = path.join(dir, `orphan-${Date.now()}.pid`);
    const a = queue(`echo $$ > ${pidFile}; for i in $(seq 1 50); do echo line-$i; done; sleep 300`, { graceSeconds: 60 });
    const first = startAgent(["--no-isolation"]);
    await server.waitFor("the job to run", () => server.logLines(a.nodeId).includes("line-50"));
    const jobPid = Number(await fs.readFile(pidFile, "utf8"));
    // The watchdog would stop the job when its agent dies (lease-watchdog.test.ts); killed first
    // (the OOM killer, say), nothing does, and the job outlives both (it is its own process group).
    process.kill(watchdogOf(first.child.pid!), "SIGKILL");
    first.child.kill("SIGKILL");
    await first.exited;
    expect(() => process.kill(jobPid, 0)).not.toThrow();
    const second = spawn(process.execPath, ["bin/benchtop.mjs", "agent", "--server", server.url, "--work-dir", first.workDir, "--once", "--no-isolation"], {
      env: { PATH: process.env.PATH ?? "", HOME: dir, BENCHTOP_AGENT_TOKEN: server.token } as unknown as NodeJS.ProcessEnv,
    });
    started.push(second);
    let output = "";
    second.stdout.on("data", (d) => (output += d));
    await server.waitFor("the leftover to be stopped", () => output.includes("leftover.killed"));
    await server.waitFor("the orphan to die", () => {
      try {
        process.kill(jobPid, 0);
        return false;
      } catch {
        return true;
      }
    });
    await server.waitFor("the leftover to be delivered", () => output.includes("leftover.delivered"));
    expect(server.logLines(a.nodeId).slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => `line-${i + 1}`));
    expect(await fs.readdir(path.join(first.workDir, "runs"))).toEqual([]);
  });
  it("a sandboxed job dies with its agent's kill -9; the next start delivers its spooled lines", async () => {
    server = await new FakeAgentServer().start();
    const a = queue(`for i in $(seq 1 50); do echo line-$i; done; setsid sleep 300 & sleep 300`, { graceSeconds: 60 });
    const first = startAgent([]);
    await server.waitFor("the job to run", () => server.logLines(a.nodeId).includes("line-50"));
    const record = await nodeRecord(first.workDir);
    first.child.kill("SIGKILL");
    await first.exited;
    // bwrap's --die-with-parent: its lease is gone with the agent, and so is every process of it.
    await server.waitFor("the sandbox to end", () => processesInNamespace(record.sandbox!.pidNamespace).length === 0);
    const second = startAgent(["--once"], {}, first.workDir);
    await server.waitFor("the leftover to be delivered", () => second.output().includes("leftover.delivered"));
    second.child.kill("SIGTERM");
    expect(server.logLines(a.nodeId).slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => `line-${i + 1}`));
  });

  it("a job placed on a GPU the server freed while our end report's answer is still on its way waits for it, not refused (issue 14)", async () => {
    server = await new FakeAgentServer().start();
    const first = queue("true", { gpuIndices: [0] });
    let next: TAssignment | null = null;
    // The server records the first node's `ended` and frees GPU 0 at once (the real server commits
    // it, then places the next job); its answer is lost, so the agent still holds GPU 0 while it
    // sends `ended` again. The next job, on GPU 0, arrives in that window.
    server.fault = (req) => {
      if (next || req.path !== `/nodes/${first.nodeId}/ended`) return null;
      next = queue("echo second ran", { gpuIndices: [0] });
      return "lose-answer";
    };
    // GPU 1 stays free, so the agent keeps polling while the first node finishes.
    const agent = startAgent(["--simulate-gpus", "2"]);
    await server.waitFor("the second node's end", () => next && server.node(next.nodeId).ended);
    agent.child.kill("SIGTERM");
    expect(server.node(first.nodeId).ended).toMatchObject({ outcome: "exited", exitCode: 0 });
    expect(server.node(next!.nodeId).ended).toMatchObject({ outcome: "exited", exitCode: 0 });
    expect(server.logLines(next!.nodeId)).toContain("second ran");
  });
});

describe("benchtop agent's own bookkeeping", () => {
  it("a node placed on a GPU its running job holds is reported refused, not a failure to start of the user's job (issue 14)", async () => {
    server = await new FakeAgentServer().start();
    const first = queue("while [ ! -e go ]; do sleep 0.05; done", { gpuIndices: [0] });
    const agent = startAgent(["--simulate-gpus", "2"]);
    await server.waitFor("the first node started", () => server.node(first.nodeId).started > 0);
    // The server (wrongly, or after a race of its own) places another node on GPU 0.
    const second = queue("echo should not run", { gpuIndices: [0] });
    const ended = await server.waitFor("the second node's end", () => server.node(second.nodeId).ended);
    expect(ended).toMatchObject({ outcome: "refused", exitCode: null, message: `GPU 0 is still in use by node ${first.nodeId}` });
    expect(server.logLines(second.nodeId)).not.toContain("should not run");
    agent.child.kill("SIGTERM");
  });
});

describe("benchtop agent, a node whose end cannot be delivered", () => {
  it("says in its heartbeats that the process has exited, and stops delivering once the server takes the lease (issue 14)", async () => {
    server = await new FakeAgentServer().start();
    const a = queue("echo done");
    // Every log report is refused with a 500: the agent keeps its end waiting.
    server.fault = (req) => (req.path === `/nodes/${a.nodeId}/logs` ? 500 : null);
    const agent = startAgent(["--simulate-gpus", "1"]);
    await server.waitFor("a heartbeat saying the node's process exited", () =>
      server.heartbeats.some((h) => h.nodes.some((n) => n.nodeId === a.nodeId && n.exited === true)),
    );
    // The job is cancelled meanwhile, so the server ends the attempt and takes the lease back.
    server.lost.add(a.nodeId);
    await server.waitFor("the agent to stop carrying the node", () => {
      const last = server.heartbeats.at(-1);
      return server.heartbeats.length > 0 && last!.nodes.every((n) => n.nodeId !== a.nodeId) && agent.output().includes("job.lost");
    });
    expect(server.node(a.nodeId).ended).toBeNull();
    agent.child.kill("SIGTERM");
  });
});
