// A real `benchtop agent` process on a realLab's APIs (tests/support/real-lab.ts), and what tests
// ask of the jobs it runs: their end and their log.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { db } from "../../server/db/client";
import { createAgent } from "../../server/queue/agents";
import { getJob, readLogLines } from "../../server/queue/read-jobs";
import type { RealLab } from "./real-lab";

export const tag = () => randomUUID().slice(0, 6);

/** A real `benchtop agent` on the lab's API, killed (and waited for) when the lab's file ends. */
export async function startAgent(lab: RealLab, pool: string, gpuType: string, extra: string[] = []) {
  const { url, dir } = lab;
  const name = `agent-${tag()}`;
  const { token } = await createAgent({ actorId: null, name, pool });
  const child = spawn(
    process.execPath,
    ["bin/benchtop.mjs", "agent", "--server", url, "--simulate-gpus", "2", "--gpu-type", gpuType, "--work-dir", path.join(dir, name), ...extra],
    { env: { PATH: process.env.PATH ?? "", HOME: dir, BENCHTOP_AGENT_TOKEN: token } as unknown as NodeJS.ProcessEnv },
  );
  lab.track(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (!(await db.agent.findFirst({ where: { name, registeredAt: { not: null } }, select: { id: true } }))) {
    if (Date.now() > deadline) throw new Error(`the agent did not register:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, name, token, workDir: path.join(dir, name), output: () => output };
}

export async function waitForEnd(actorId: string, jobId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob({ actorId, jobId });
    if (["succeeded", "failed", "cancelled", "timed_out"].includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job.state}: ${job.stateReason}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function logOf(actorId: string, jobId: string): Promise<string> {
  return (await readLogLines({ actorId, jobId, from: 0, limit: 100_000 })).lines.map((l) => l.text).join("\n");
}
