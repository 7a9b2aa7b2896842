import { spawn } from "node:child_process";
import fs from "node:fs";

/**
 * A process run to its end without blocking this one: tests that serve the APIs in process must
 * not use spawnSync for a client of those APIs (the server could not answer it).
 */
export function run(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string | undefined> }) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Pids of every live process whose environment says it runs this job (a sandbox's bwrap included). */
export function jobProcesses(jobId: string): number[] {
  const needle = `BENCHTOP_JOB_ID=${jobId}`;
  const pids: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      if (stat.charAt(stat.lastIndexOf(")") + 2) === "Z") continue;
      if (fs.readFileSync(`/proc/${name}/environ`, "utf8").split("\0").includes(needle)) pids.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** The lease watchdog (cli/agent/lease-watchdog.ts) that the agent process `agentPid` started. */
export function watchdogOf(agentPid: number): number {
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === agentPid && fs.readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").includes("agent-watchdog")) return Number(name);
    } catch {
      // Gone meanwhile.
    }
  }
  throw new Error(`agent ${agentPid} has no lease watchdog`);
}

/** Polls `check` every `everyMs` until it gives something truthy; throws "timed out waiting for <what>" after `timeoutMs`. */
export async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
