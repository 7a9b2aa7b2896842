// One node from assignment to `ended`, with real bash jobs, run both ways an agent runs them: in
// the sandbox as the job user (the default; this test runs as root, so as nobody) and as a plain
// process group (--no-isolation). The server is FakeAgentServer, a STAND-IN for the agent API
// that records every report and can fail or refuse on demand.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BlobCache } from "../../cli/agent/blob-cache";
import { AgentClient } from "../../cli/agent/client";
import { planIsolation, type Isolation } from "../../cli/agent/isolation";
import { AGENT_PYTHON_DIR } from "../../cli/agent/job-env";
import { progressInto } from "../../cli/agent/progress";
import { NodeRun, type NodeRecord, type NodeRunDeps } from "../../cli/agent/run-node";
import { processesInNamespace } from "../../cli/agent/sandboxed-job";
import type { TAssignment } from "../../contract/agent-protocol";
import { FakeAgentServer, makeAssignment, sha256 } from "./support/fake-agent-server";

let server: FakeAgentServer;
let dir: string;
let base: NodeRunDeps;
const progress: string[] = [];

beforeAll(async () => {
  server = await new FakeAgentServer().start();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-run-"));
  // As the agent leaves its work dir: the job user may pass through to its run, never list.
  await fs.chmod(dir, 0o711);
  await fs.mkdir(path.join(dir, "runs"), { mode: 0o711 });
  const client = new AgentClient(server.url, server.token);
  base = {
    client,
    cache: new BlobCache(path.join(dir, "cache"), client),
    runsDir: path.join(dir, "runs"),
    host: { PATH: process.env.PATH!, HOME: dir, LANG: "C.UTF-8", USER: "lab" },
    agentPythonDir: AGENT_PYTHON_DIR,
    progress: progressInto(progress),
    checkpointIntervalMs: 100,
  };
});
afterEach(() => {
  server.fault = () => null;
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const exists = (p: string) => fs.stat(p).then(() => true, () => false);

function assignment(command: string, overrides: Partial<TAssignment> = {}, files: Record<string, string | [string, number]> = { "hello.txt": "hello from the snapshot\n" }) {
  return makeAssignment({ snapshotId: server.addSnapshot(files), command, ...overrides });
}

const modes: [string, Isolation][] = [
  ["sandboxed, as the job user", planIsolation({}, { uid: 0, user: "root" })],
  ["with --no-isolation", planIsolation({ noIsolation: true }, { uid: 0, user: "root" })],
];

describe.each(modes)("a node's run, %s", (_, isolation) => {
  let deps: NodeRunDeps;
  beforeAll(() => {
    deps = { ...base, isolation };
  });

  it("runs in the snapshot's files, streams both streams, keeps outputs and the last checkpoint, reports the exit, and cleans up", async () => {
    const a = assignment(
      [
        "cat hello.txt",
        "echo to-stderr >&2",
        "python3 -c 'from benchtop_metrics import log_metrics; log_metrics(step=3, loss=0.25)'",
        'echo result > "$BENCHTOP_OUTPUT_DIR/result.txt"',
        'mkdir -p "$BENCHTOP_OUTPUT_DIR/plots" && echo png > "$BENCHTOP_OUTPUT_DIR/plots/a.png"',
        'echo state-at-end > "$BENCHTOP_CHECKPOINT_DIR/model.pt"',
        "exit 3",
      ].join("\n"),
      {},
      { "hello.txt": "hello from the snapshot\n", "tools/run.sh": ["#!/bin/sh\n", 0o755] },
    );
    const run = new NodeRun(deps, a);
    expect(await run.done).toEqual({ outcome: "exited", exitCode: 3, signal: null, message: "" });
    const node = server.node(a.nodeId);
    expect(node.started).toBe(1);
    expect(node.ended).toEqual({ fencingToken: a.fencingToken, outcome: "exited", exitCode: 3, signal: null, message: "" });
    expect(server.logLines(a.nodeId)).toEqual(expect.arrayContaining(["hello from the snapshot", "to-stderr", "::metric step=3 loss=0.25"]));
    expect(node.artifacts.at(-1)!.map((f) => [f.path, f.sha256])).toEqual([
      ["plots/a.png", sha256("png\n")],
      ["result.txt", sha256("result\n")],
    ]);
    expect(server.blobs.get(sha256("result\n"))?.toString()).toBe("result\n");
    expect(node.checkpoints.at(-1)!.map((f) => f.path)).toEqual(["model.pt"]);
    // Reports came in the protocol's order: started, logs, checkpoint, artifacts, ended last.
    const order = server.requests.filter((r) => r.path.startsWith(`/nodes/${a.nodeId}/`)).map((r) => r.path.split("/").at(-1));
    expect(order[0]).toBe("started");
    expect(order.at(-1)).toBe("ended");
    expect(order.indexOf("artifacts")).toBeGreaterThan(order.lastIndexOf("checkpoint"));
    // Nothing of the job stays on the agent's disk.
    expect(await exists(run.runDir)).toBe(false);
    expect(progress.filter((l) => l.includes(run.label)).map((l) => l.split(" ")[1])).toEqual(expect.arrayContaining(["job.started", "job.ended"]));
  });

  it("ends `timed_out` at its max runtime: SIGTERM, then SIGKILL after the grace period for a job that ignores it", async () => {
    const a = assignment("trap 'echo got TERM' TERM; echo begin; while true; do sleep 0.1; done", { maxRuntimeSeconds: 1, graceSeconds: 1 });
    const run = new NodeRun(deps, a);
    expect(await run.done).toMatchObject({ outcome: "timed_out", exitCode: null, signal: "SIGKILL" });
    const lines = server.logLines(a.nodeId);
    expect(lines).toEqual(expect.arrayContaining(["begin", "got TERM"]));
    expect(lines.some((l) => l.startsWith("[benchtop agent] max runtime of 1 s reached"))).toBe(true);
    expect(server.node(a.nodeId).ended).toMatchObject({ outcome: "timed_out" });
  });

  it("ends `cancelled` when cancelled, the job stopping on SIGTERM", async () => {
    const a = assignment("echo ready; sleep 300", { graceSeconds: 300 });
    const run = new NodeRun(deps, a);
    await server.waitFor("the job to print", () => server.logLines(a.nodeId).includes("ready"));
    run.cancel();
    expect(await run.done).toMatchObject({ outcome: "cancelled", signal: "SIGTERM" });
    expect(server.node(a.nodeId).ended).toMatchObject({ outcome: "cancelled", signal: "SIGTERM" });
  });

  it("ends `failed_to_start` with a sentence when the snapshot cannot be fetched", async () => {
    const a = makeAssignment({ snapshotId: "f".repeat(64), command: "echo never" });
    const run = new NodeRun(deps, a);
    const outcome = await run.done;
    expect(outcome).toMatchObject({ outcome: "failed_to_start", exitCode: null });
    expect(outcome!.message).toMatch(/^could not fetch the snapshot: .*404/);
    expect(server.node(a.nodeId).started).toBe(0);
    expect(server.node(a.nodeId).ended).toMatchObject({ outcome: "failed_to_start", message: outcome!.message });
  });

  it("restores the last checkpoint before starting and saves changes while it runs (rank 0)", async () => {
    const restored = { files: [{ path: "step.txt", ...server.putBlob("step 41\n"), mode: 0o644 }] };
    server.checkpointManifests.set("ckpt-previous", restored);
    const a = assignment(
      [
        'echo "resuming from $(cat "$BENCHTOP_CHECKPOINT_DIR/step.txt")"',
        // Written aside and renamed in, as jobs are told to, so no save can catch a half-written file.
        'echo "step 42" > ../step.tmp && mv ../step.tmp "$BENCHTOP_CHECKPOINT_DIR/step.txt"',
        // Wait for the test to see the periodic save before changing it again.
        "while [ ! -e go ]; do sleep 0.05; done",
        'echo "step 43" > ../step.tmp && mv ../step.tmp "$BENCHTOP_CHECKPOINT_DIR/step.txt"',
      ].join("\n"),
      { checkpointId: "ckpt-previous" },
    );
    const run = new NodeRun(deps, a);
    await server.waitFor("a checkpoint while running", () => server.node(a.nodeId).checkpoints.length > 0);
    const first = server.node(a.nodeId).checkpoints[0]!;
    expect(first.map((f) => f.sha256)).toEqual([sha256("step 42\n")]);
    await fs.writeFile(path.join(run.filesDir, "go"), "");
    expect(await run.done).toMatchObject({ outcome: "exited", exitCode: 0 });
    expect(server.logLines(a.nodeId)).toContain("resuming from step 41");
    const saved = server.node(a.nodeId).checkpoints.map((c) => c[0]!.sha256);
    // The restored checkpoint was never uploaded again; each change was, once.
    expect(saved).toEqual([sha256("step 42\n"), sha256("step 43\n")]);
  });

  it("on a multi-node job, a rank other than 0 gets torchrun's variables and saves no checkpoint", async () => {
    const a = assignment('echo "$MASTER_ADDR:$MASTER_PORT $WORLD_SIZE $NODE_RANK"; echo x > "$BENCHTOP_CHECKPOINT_DIR/c"', {
      nodes: 2,
      nodeRank: 1,
      masterAddr: "10.0.0.9",
      masterPort: 29400,
    });
    expect(await new NodeRun(deps, a).done).toMatchObject({ outcome: "exited", exitCode: 0 });
    expect(server.logLines(a.nodeId)).toContain("10.0.0.9:29400 2 1");
    expect(server.node(a.nodeId).checkpoints).toEqual([]);
  });

  it("keeps the job running while the server is down, then delivers every line and the end", async () => {
    const a = assignment("for i in $(seq 1 2000); do echo line-$i; done; while [ ! -e go ]; do sleep 0.05; done; echo after");
    server.fault = (req) => (req.path.startsWith(`/nodes/${a.nodeId}/`) ? 503 : null);
    const run = new NodeRun(deps, a);
    await server.waitFor("the agent to try and fail", () => server.requests.filter((r) => r.path === `/nodes/${a.nodeId}/logs`).length >= 2);
    await fs.writeFile(path.join(run.filesDir, "go"), "");
    server.fault = () => null;
    expect(await run.done).toMatchObject({ outcome: "exited", exitCode: 0 });
    expect(server.logLines(a.nodeId)).toEqual([...Array.from({ length: 2000 }, (_, i) => `line-${i + 1}`), "after"]);
    expect(server.node(a.nodeId).ended).toMatchObject({ outcome: "exited", exitCode: 0 });
  });

  it("on a lost lease kills the job at once and reports nothing more", async () => {
    // In a sandbox even a process that left the session goes (it cannot leave the PID namespace).
    const a = assignment(`trap '' TERM; ${isolation.sandbox ? "setsid sleep 300 & " : ""}echo up; sleep 300`, { graceSeconds: 300 });
    const run = new NodeRun(deps, a);
    await server.waitFor("the job to start", () => server.logLines(a.nodeId).includes("up"));
    const record = JSON.parse(await fs.readFile(path.join(run.runDir, "node.json"), "utf8")) as NodeRecord;
    server.lost.add(a.nodeId);
    run.markLost("the server took the lease back");
    expect(await run.done).toBeNull();
    if (record.sandbox) expect(processesInNamespace(record.sandbox.pidNamespace)).toEqual([]);
    else expect(() => process.kill(-record.pgid!, 0)).toThrow();
    expect(server.node(a.nodeId).ended).toBeNull();
    expect(await exists(run.runDir)).toBe(false);
  });

  it("treats a 409 lease_lost on any report as a lost lease", async () => {
    const a = assignment("echo one; sleep 300", { graceSeconds: 300 });
    server.lost.add(a.nodeId);
    const run = new NodeRun(deps, a);
    // `started` (or the first log batch) is refused with 409: the node is killed and forgotten.
    expect(await run.done).toBeNull();
    expect(server.node(a.nodeId).ended).toBeNull();
    expect(progress.some((l) => l.includes("job.lost") && l.includes(run.label))).toBe(true);
  });
});
