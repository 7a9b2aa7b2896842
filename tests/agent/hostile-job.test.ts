// Issue 8's hostile job, on real parts: the real server code on loopback (tests/support/real-lab.ts),
// a real `benchtop agent` process started as Benchtop's demo starts it (its work dir inside a
// BENCHTOP_HOME holding the lab's secrets), a decoy "server" process with a secret in its
// environment and on its command line, a second project's job running beside it, and the two
// caches full of that project's files. The hostile job (tests/fixtures/hostile-job/hostile.py)
// tries every read the issue lists and prints what it got; on an isolated agent it gets nothing.
// The same probes on an agent started with --no-isolation find every secret, so this suite
// proves it can fail. Then: links and a FIFO left in outputs and checkpoints are not uploaded
// (and do not hang the agent), and a normal PyTorch job on the same isolated agent still runs.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createAgent } from "../../server/queue/agents";
import { readManifest, sha256Of } from "../../server/storage/blobs";
import { putProjectBlob } from "../../server/queue/project-blobs";
import { cancelJob } from "../../server/queue/cancel-job";
import { getJob, listArtifacts } from "../../server/queue/read-jobs";
import { createSnapshot } from "../../server/queue/snapshots";
import { submitJob } from "../../server/queue/submit-job";
import { createApiToken } from "../../server/tokens/api-tokens";
import { datasetLab } from "../datasets-jobs/support";
import { logOf, tag, waitForEnd } from "../support/real-agent";
import { realLab } from "../support/real-lab";
import { until } from "../support/processes";

const lab = realLab("hostile");
const PYTHON = "/usr/bin/python3";

async function snapshotOf(actorId: string, projectSlug: string, files: Record<string, string>) {
  const manifest = { files: [] as { path: string; sha256: string; size: number; mode: number }[] };
  for (const [p, content] of Object.entries(files)) {
    const bytes = Buffer.from(content);
    await putProjectBlob({ actorId, projectSlug, sha256: sha256Of(bytes), body: bytes });
    manifest.files.push({ path: p, sha256: sha256Of(bytes), size: bytes.length, mode: 0o755 });
  }
  return createSnapshot({ actorId, projectSlug, manifest });
}


/**
 * A BENCHTOP_HOME as the demo leaves it (auth-secret, postgres-password, agent-token, demo-token),
 * its agent started on `agentArgs`, a decoy server process, and a victim project whose job runs
 * on the same agent with a dataset and a snapshot of its own.
 */
async function plantedLab(agentArgs: string[]) {
  const t = tag();
  const home = path.join(lab.dir, `home-${t}`);
  await fs.mkdir(home, { recursive: true });
  const victim = await datasetLab(lab.dir);
  const attacker = await datasetLab(lab.dir);
  const name = `agent-${t}`;
  const { token: agentToken } = await createAgent({ actorId: null, name, pool: victim.pool });
  const { token: demoToken } = await createApiToken({ actorId: victim.admin.id, name: "demo" });
  const secrets = {
    authSecret: `auth-secret-${t}-0a1b2c3d4e5f`,
    postgresPassword: `postgres-password-${t}-9f8e7d`,
    agentToken,
    demoToken,
    serverEnv: `server-env-secret-${t}-77aa`,
    serverCmdline: `server-cmdline-secret-${t}-88bb`,
    victimSnapshot: `victim-snapshot-${t}-3c4d`,
    victimDataset: `victim-dataset-${t}-5e6f`,
    victimRun: `victim-run-${t}-7a8b`,
  };
  await fs.writeFile(path.join(home, "auth-secret"), secrets.authSecret + "\n", { mode: 0o600 });
  await fs.writeFile(path.join(home, "postgres-password"), secrets.postgresPassword + "\n", { mode: 0o600 });
  await fs.writeFile(path.join(home, "agent-token"), agentToken + "\n", { mode: 0o600 });
  await fs.writeFile(path.join(home, "demo-token"), demoToken + "\n", { mode: 0o600 });
  // The server's stand-in: AUTH_SECRET in its environment, a secret on its command line.
  lab.track(spawn("bash", ["-c", "sleep 600; exit 0", "benchtop-server", `--secret=${secrets.serverCmdline}`], { env: { AUTH_SECRET: secrets.serverEnv } as unknown as NodeJS.ProcessEnv, stdio: "ignore" }));

  const agent = spawn(
    process.execPath,
    ["bin/benchtop.mjs", "agent", "--server", lab.url, "--name", name, "--simulate-gpus", "3", "--gpu-type", victim.gpuType,
      "--work-dir", path.join(home, "agent"), "--checkpoint-interval", "0.3", ...agentArgs],
    { env: { PATH: process.env.PATH, HOME: lab.dir, BENCHTOP_AGENT_TOKEN: agentToken } as unknown as NodeJS.ProcessEnv },
  );
  lab.track(agent);
  let output = "";
  agent.stdout.on("data", (d) => (output += d));
  agent.stderr.on("data", (d) => (output += d));
  await until(`the agent to register:\n${output}`, async () => (await db.agent.findUnique({ where: { name } }))?.registeredAt, 30_000);

  // The victim: its dataset and snapshot go through the agent's caches; its run writes a marker and waits.
  await victim.put("victim.csv", `${secrets.victimDataset}\n`);
  const victimSnapshot = await snapshotOf(victim.admin.id, victim.project.slug, {
    "secret.py": `KEY = "${secrets.victimSnapshot}"\n`,
    // The run's marker is computed, so it is in no command line and in no file of the snapshot.
    "victim.sh": `echo "$(echo ${[...secrets.victimRun].reverse().join("")} | rev)" > run-marker.txt\ncp run-marker.txt "$BENCHTOP_OUTPUT_DIR/"\necho victim ready\nsleep 600\n`,
  });
  const victimJob = await submitJob({
    actorId: victim.admin.id, projectSlug: victim.project.slug, command: "bash victim.sh", gpus: 1, gpuType: victim.gpuType,
    pools: [victim.pool], snapshotId: victimSnapshot, datasets: [{ name: "iris-mini" }],
  });
  await until("the victim to run", async () => (await logOf(victim.admin.id, victimJob.id)).includes("victim ready"));
  await attacker.put("own.csv", "the attacker's own rows\n");

  const submitAs = async (command: string, files: Record<string, string>, extra: Partial<Parameters<typeof submitJob>[0]> = {}) =>
    (await submitJob({
      actorId: attacker.admin.id, projectSlug: attacker.project.slug, command, gpus: 1, gpuType: victim.gpuType, pools: [victim.pool],
      snapshotId: await snapshotOf(attacker.admin.id, attacker.project.slug, files), datasets: [{ name: "iris-mini" }], ...extra,
    })).id;
  return {
    home, secrets, attacker, agent, output: () => output,
    async hostileRun() {
      const hostile = await fs.readFile("tests/fixtures/hostile-job/hostile.py", "utf8");
      const id = await submitAs(`${PYTHON} hostile.py`, { "hostile.py": hostile }, { env: { HOSTILE_HOME: home, HOSTILE_SERVER: lab.url } });
      const job = await waitForEnd(attacker.admin.id, id, 90_000);
      return { job, log: await logOf(attacker.admin.id, id) };
    },
    submitAs,
    async stop() {
      await cancelJob({ actorId: victim.admin.id, jobId: victimJob.id });
      await waitForEnd(victim.admin.id, victimJob.id);
      agent.kill("SIGTERM");
    },
  };
}

describe.sequential("a hostile job", () => {
  it("on an isolated agent reads none of the lab's secrets, other processes, other runs or the caches, and no API answers it", async () => {
    const planted = await plantedLab([]);
    const { job, log } = await planted.hostileRun();
    expect(job.state, log).toBe("succeeded");
    expect(log).toContain("hostile job done");
    // The probes work: the job reads its own files and its own dataset.
    expect(log).toMatch(/^OWN hostile\.py: /m);
    expect(log).toContain("the attacker's own rows");
    for (const [what, secret] of Object.entries(planted.secrets)) expect(log, `the hostile job read ${what}`).not.toContain(secret);
    expect(log).not.toMatch(/^API 200/m);
    // All it found outside its working directory is what its sandbox grants it: its own tree and
    // datasets, and the agent's public Python helpers.
    expect(log.split("\n").filter((l) => l.startsWith("FOUND ") && !/^FOUND (\/job\/|\/benchtop\/python\/)/.test(l))).toEqual([]);
    await planted.stop();
  }, 180_000);

  it("with --no-isolation the same probes find every secret (the suite is not vacuous)", async () => {
    const planted = await plantedLab(["--no-isolation"]);
    const { job, log } = await planted.hostileRun();
    expect(job.state, log).toBe("succeeded");
    for (const [what, secret] of Object.entries(planted.secrets)) expect(log, `the probes missed ${what}`).toContain(secret);
    expect(log).toMatch(/^API 200 \/api\/agent\/v1\/assignments/m);
    expect(log).toMatch(/^API 200 \/api\/v1\/me/m);
    expect(planted.output()).toMatch(/WARNING: --no-isolation/);
    await planted.stop();
  }, 180_000);

  it("leaves links, a linked folder and a FIFO in its outputs and checkpoints, and replaces its dirs by links: nothing of them is uploaded, the agent does not hang", async () => {
    const planted = await plantedLab([]);
    const token = path.join(planted.home, "agent-token");
    const script = [
      "set -e",
      'cd "$BENCHTOP_OUTPUT_DIR"',
      "echo kept > ok.txt",
      `ln -s ${token} link-token; ln -s /etc/shadow link-shadow; ln -s ${planted.home} dir-link; mkfifo fifo`,
      "mkdir sub nested; echo kept too > sub/ok2.txt; ln -s /etc sub/etc-link",
      'cd "$BENCHTOP_CHECKPOINT_DIR"',
      `echo step > good.ckpt; ln -s ${token} token.ckpt; mkfifo pipe.ckpt; ln -s ${planted.home} home.ckpt`,
      "sleep 1.5",
      // Then the checkpoint dir itself becomes a link to BENCHTOP_HOME, and a folder of outputs one to /etc.
      `cd /; rm -rf "$BENCHTOP_CHECKPOINT_DIR"; ln -s ${planted.home} "$BENCHTOP_CHECKPOINT_DIR"`,
      'rmdir "$BENCHTOP_OUTPUT_DIR/nested"; ln -s /etc "$BENCHTOP_OUTPUT_DIR/nested"',
      "sleep 1",
      "echo links left",
    ].join("\n");
    const id = await planted.submitAs("bash links.sh", { "links.sh": script + "\n" });
    const job = await waitForEnd(planted.attacker.admin.id, id, 60_000);
    const log = await logOf(planted.attacker.admin.id, id);
    expect(job.state, `${log}\n${planted.output()}`).toBe("succeeded");
    expect(log).toContain("links left");
    expect((await listArtifacts({ actorId: planted.attacker.admin.id, jobId: id })).map((a) => a.path).sort()).toEqual(["ok.txt", "sub/ok2.txt"]);
    const checkpoints = await db.checkpoint.findMany({ where: { jobId: id }, select: { manifestKey: true } });
    expect(checkpoints.length).toBeGreaterThan(0);
    for (const c of checkpoints) expect((await readManifest(c.manifestKey)).files.map((f) => f.path)).toEqual(["good.ckpt"]);
    // Clean-up followed no link: what they pointed at is still there.
    expect((await fs.readFile(token, "utf8")).trim()).toBe(planted.secrets.agentToken);
    expect(await fs.readdir(planted.home)).toEqual(expect.arrayContaining(["auth-secret", "postgres-password", "agent-token", "demo-token"]));
    await planted.stop();
  }, 180_000);

  it("a normal PyTorch job on the same isolated agent runs: its GPUs, its dataset read-only, its checkpoint dir", async () => {
    const planted = await plantedLab([]);
    const train = [
      "import os, errno, torch",
      'print("user", os.getuid() != 0 and "unprivileged" or "root")',
      'print("gpus", os.environ["CUDA_VISIBLE_DEVICES"])',
      'data = os.environ["BENCHTOP_DATASET_IRIS_MINI"]',
      'print("dataset", sorted(os.listdir(data)), open(os.path.join(data, "own.csv")).read().strip())',
      "try:",
      '    open(os.path.join(data, "new.csv"), "w")',
      '    print("dataset writable")',
      "except OSError as e:",
      '    print("dataset read-only", errno.errorcode[e.errno])',
      "model = torch.nn.Linear(4, 1)",
      'ckpt = os.path.join(os.environ["BENCHTOP_CHECKPOINT_DIR"], "model.pt")',
      'torch.save(model.state_dict(), ckpt + ".tmp"); os.replace(ckpt + ".tmp", ckpt)',
      'torch.save(model.state_dict(), os.path.join(os.environ["BENCHTOP_OUTPUT_DIR"], "final.pt"))',
      'print("trained")',
    ].join("\n");
    const id = await planted.submitAs(`${PYTHON} train.py`, { "train.py": train + "\n" });
    const job = await waitForEnd(planted.attacker.admin.id, id, 90_000);
    const log = await logOf(planted.attacker.admin.id, id);
    expect(job.state, log).toBe("succeeded");
    expect(log).toContain("user unprivileged");
    expect(log).toMatch(/^gpus \d$/m);
    expect(log).toContain("dataset ['own.csv'] the attacker's own rows");
    expect(log).toMatch(/dataset read-only (EROFS|EACCES)/);
    expect(log).toContain("trained");
    const checkpoint = await db.checkpoint.findFirst({ where: { jobId: id }, orderBy: { createdAt: "desc" }, select: { manifestKey: true } });
    expect((await readManifest(checkpoint!.manifestKey)).files.map((f) => f.path)).toEqual(["model.pt"]);
    expect((await listArtifacts({ actorId: planted.attacker.admin.id, jobId: id })).map((a) => a.path)).toEqual(["final.pt"]);
    expect(await getJob({ actorId: planted.attacker.admin.id, jobId: id })).toMatchObject({ state: "succeeded" });
    await planted.stop();
  }, 180_000);
});
