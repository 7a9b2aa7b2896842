// For tests that run real processes (agents, the CLI) against the real server code: a temp dir,
// the APIs on loopback HTTP, a queue supervisor, and every started process killed at the end.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { env } from "../../server/env";
import { serveApis } from "../../server/http/standalone";
import { startSupervisor, type Supervisor } from "../../server/queue/supervisor";
import { run } from "./processes";

/**
 * `leaseSeconds`: the heartbeat timeout while this file's tests run. Real agents and real jobs
 * (torch starting on two cores beside the rest of the suite) can miss 2 s of heartbeats, and a
 * lease lost to a loaded test machine is a retry no user would see; so real-process labs get a
 * lab-like lease, and a test about losing an agent asks for a short one.
 */
export type RealLab = ReturnType<typeof realLab>;

async function killAndWait(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => p.once("exit", () => resolve()));
  p.kill("SIGKILL");
  await gone;
}

export function realLab(label: string, { leaseSeconds = 15 }: { leaseSeconds?: number } = {}) {
  let dir = "";
  const suiteLease = env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS;
  let api: Awaited<ReturnType<typeof serveApis>> | undefined;
  let supervisor: Supervisor | undefined;
  const processes: ChildProcess[] = [];
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), `benchtop-${label}-`));
    // Agents started here run their jobs as nobody (the tests run as root), who must pass through
    // this folder to a job's run folder, as through /var/lib on a GPU server; listing it stays closed.
    await fs.chmod(dir, 0o711);
    env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS = leaseSeconds;
    api = await serveApis();
    supervisor = startSupervisor({ tickMs: 200 });
  });
  afterAll(async () => {
    // Killed and gone before the folder is removed: an agent still cleaning a run folder would
    // otherwise write into it while it is deleted (ENOTEMPTY).
    await Promise.all(processes.map(killAndWait));
    await supervisor?.stop();
    await api?.stop();
    await fs.rm(dir, { recursive: true, force: true });
    env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS = suiteLease;
  });
  return {
    get dir() {
      return dir;
    },
    get url() {
      return api!.url;
    },
    /** A file holding an agent token, readable by its owner only, for `--token-file` (a token never goes on a command line). */
    async tokenFile(name: string, token: string): Promise<string> {
      const file = path.join(dir, `${name}.token`);
      await fs.writeFile(file, token + "\n", { mode: 0o600 });
      return file;
    },
    /** `benchtop ARGS` as a user runs it (a real process), this lab's folder its home and its config's. */
    benchtop(args: string[], extraEnv: Record<string, string | undefined> = {}) {
      return run(process.execPath, [path.resolve("bin/benchtop.mjs"), ...args], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: dir, BENCHTOP_CONFIG: path.join(dir, "config.json"), ...extraEnv },
      });
    },
    /** Kills it when the file's tests end. */
    track<T extends ChildProcess>(p: T): T {
      processes.push(p);
      return p;
    },
  };
}
