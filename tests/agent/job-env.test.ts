// The environment a job sees is exactly the contract of PRODUCT.md, checked on the object and
// on what a real `bash -c env` prints; the agent's own environment (its token) never gets in.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildJobEnv } from "../../cli/agent/job-env";
import { ProcessGroup } from "../../cli/agent/process-group";
import { makeAssignment } from "./support/fake-agent-server";

const host = { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: "/home/lab", LANG: "C.UTF-8", USER: "lab" };
const dirs = { outputs: "/w/runs/x/outputs", checkpoints: "/w/runs/x/checkpoints" };
const PY = "/opt/benchtop/agent-files/python";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-env-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the job's environment", () => {
  it("is the base, the job's own variables, and the contract: nothing else", () => {
    const a = makeAssignment({ snapshotId: "s", command: "true", jobId: "job-1", attemptNumber: 2, gpuIndices: [1, 3], env: { LR: "0.1", PYTHONPATH: "/mine" } });
    expect(buildJobEnv(a, dirs, host, PY)).toEqual({
      PATH: host.PATH,
      HOME: host.HOME,
      LANG: host.LANG,
      USER: host.USER,
      TERM: "dumb",
      PYTHONUNBUFFERED: "1",
      PYTHONPATH: `${PY}:/mine`,
      LR: "0.1",
      CUDA_VISIBLE_DEVICES: "1,3",
      CUDA_DEVICE_ORDER: "PCI_BUS_ID",
      BENCHTOP_JOB_ID: "job-1",
      BENCHTOP_ATTEMPT: "2",
      BENCHTOP_OUTPUT_DIR: dirs.outputs,
      BENCHTOP_CHECKPOINT_DIR: dirs.checkpoints,
      BENCHTOP_NODE_RANK: "0",
    });
  });

  it("gives a CPU job an empty CUDA_VISIBLE_DEVICES, and a job's env cannot widen its GPUs", () => {
    const a = makeAssignment({ snapshotId: "s", command: "true", env: { CUDA_VISIBLE_DEVICES: "0,1,2,3", BENCHTOP_JOB_ID: "spoof" } });
    const env = buildJobEnv(a, dirs, host, PY);
    expect(env.CUDA_VISIBLE_DEVICES).toBe("");
    expect(env.BENCHTOP_JOB_ID).toBe(a.jobId);
    expect(env.PYTHONPATH).toBe(PY);
  });

  it("adds what torchrun needs for a multi-node job", () => {
    const a = makeAssignment({ snapshotId: "s", command: "true", nodes: 2, nodeRank: 1, gpuIndices: [0], masterAddr: "10.0.0.5", masterPort: 29500 });
    expect(buildJobEnv(a, dirs, host, PY)).toMatchObject({ MASTER_ADDR: "10.0.0.5", MASTER_PORT: "29500", WORLD_SIZE: "2", NODE_RANK: "1", BENCHTOP_NODE_RANK: "1" });
    const single = buildJobEnv(makeAssignment({ snapshotId: "s", command: "true" }), dirs, host, PY);
    expect(Object.keys(single).filter((k) => ["MASTER_ADDR", "MASTER_PORT", "WORLD_SIZE", "NODE_RANK"].includes(k))).toEqual([]);
  });

  it("is what a real job prints, with no trace of the agent's own environment", async () => {
    process.env.BENCHTOP_AGENT_TOKEN = "bt_agent_secret-in-the-agents-env";
    try {
      const a = makeAssignment({ snapshotId: "s", command: "env", gpuIndices: [0] });
      const env = buildJobEnv(a, dirs, host, PY);
      let out = "";
      const group = await ProcessGroup.start({ command: "env", cwd: dir, env, onStdout: (d) => (out += d) });
      await group.exited;
      await group.outputClosed;
      const printed = Object.fromEntries(
        out
          .trim()
          .split("\n")
          .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
      );
      // bash adds its own few (PWD, SHLVL, _): those are the shell's, not the agent's.
      const fromBash = ["PWD", "SHLVL", "_", "OLDPWD"];
      expect(Object.fromEntries(Object.entries(printed).filter(([k]) => !fromBash.includes(k)))).toEqual(env);
      expect(out).not.toContain("secret-in-the-agents-env");
    } finally {
      delete process.env.BENCHTOP_AGENT_TOKEN;
    }
  });
});
