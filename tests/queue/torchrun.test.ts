// A two-node job across two real agent processes: torchrun on each node, gloo backend,
// all-reducing a tensor. Both nodes start together (gang), get MASTER_ADDR/PORT, WORLD_SIZE and
// NODE_RANK, and the job succeeds only when both exit 0.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, it } from "vitest";
import { createAgent } from "../../server/queue/agents";
import { getJob, listArtifacts, readLogLines } from "../../server/queue/read-jobs";
import { createApiToken } from "../../server/tokens/api-tokens";
import { getBlob } from "../../server/storage/blobs";
import { createProjectFor, createUser } from "../support/factories";
import { run } from "../support/processes";
import { realLab } from "../support/real-lab";

const lab = realLab("torchrun");


it("runs torchrun on two agents and all-reduces a tensor", async () => {
  const ana = await createUser();
  const project = await createProjectFor(ana);
  const { token } = await createApiToken({ actorId: ana.id, name: "cli" });
  const pool = `dist-${randomUUID().slice(0, 6)}`;
  for (const name of [`${pool}-a`, `${pool}-b`]) {
    const agent = await createAgent({ actorId: null, name, pool });
    const p = spawn(
      process.execPath,
      ["bin/benchtop.mjs", "agent", "--server", lab.url, "--token-file", await lab.tokenFile(name, agent.token), "--name", name, "--simulate-gpus", "1", "--gpu-type", `${pool}-gpu`,
        "--address", "127.0.0.1", "--work-dir", path.join(lab.dir, name)],
      { env: { PATH: process.env.PATH, HOME: lab.dir } as unknown as NodeJS.ProcessEnv, stdio: "ignore" },
    );
    lab.track(p);
  }
  // Both agents registered (with their GPUs) before the job is submitted: a two-node job is
  // refused when fewer agents of its kind exist.
  const { db } = await import("../../server/db/client");
  const deadline = Date.now() + 30_000;
  while ((await db.agent.count({ where: { name: { startsWith: pool }, registeredAt: { not: null } } })) < 2) {
    if (Date.now() > deadline) throw new Error("the two agents did not register");
    await new Promise((r) => setTimeout(r, 100));
  }
  const cli = (args: string[]) =>
    run(process.execPath, [path.resolve("bin/benchtop.mjs"), ...args], {
      cwd: path.resolve("tests/fixtures/torchrun-job"),
      env: { PATH: process.env.PATH, HOME: lab.dir, BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token },
    });
  const submit = await cli(["submit", "--project", project.slug, "--nodes", "2", "--gpus", "1", "--gpu-type", `${pool}-gpu`, "--pool", pool, "--max-runtime", "5m", "--", "./run.sh"]);
  expect(submit.status, submit.stderr).toBe(0);
  const jobId = submit.stdout.trim();
  const wait = await cli(["wait", jobId]);
  const job = await getJob({ actorId: ana.id, jobId });
  const log = (await readLogLines({ actorId: ana.id, jobId, from: 0, limit: 10_000 })).lines.map((l) => `[${l.node}] ${l.text}`).join("\n");
  expect(wait.status, `${job.state}: ${job.stateReason}\n${log}`).toBe(0);
  expect(job.state).toBe("succeeded");
  expect(job.attempts, JSON.stringify(job.attempts.map((a) => [a.state, a.reason]))).toHaveLength(1);
  expect(job.attempts[0]!.nodes.map((n) => [n.nodeRank, n.agent]).sort()).toEqual([[0, `${pool}-a`], [1, `${pool}-b`]].sort());
  const { lines } = await readLogLines({ actorId: ana.id, jobId, from: 0, limit: 10_000 });
  const results = lines.filter((l) => l.text.includes("all_reduce on rank")).map((l) => [l.node, l.text.replace(/^\[default0\]:/, "")]);
  expect(results.sort()).toEqual([[0, "all_reduce on rank 0 of 2: 3"], [1, "all_reduce on rank 1 of 2: 3"]]);
  const sum = (await listArtifacts({ actorId: ana.id, jobId })).find((a) => a.path === "sum.txt")!;
  const chunks: Buffer[] = [];
  for await (const c of await getBlob(sum.sha256)) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).toString().trim()).toBe("3");
}, 120_000);
