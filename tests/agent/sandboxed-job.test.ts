// Stopping a sandboxed job reaches every process of it, with its grace: real bubblewrap, real
// signals, the agent running as root and the job as nobody (as on a GPU server). The job's
// processes are found by their PID namespace, which a process cannot leave the way it can leave
// a process group (setsid); SIGKILL to the namespace's PID 1 ends them all.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planIsolation } from "../../cli/agent/isolation";
import { AGENT_PYTHON_DIR } from "../../cli/agent/job-env";
import { RunDir } from "../../cli/agent/run-dir";
import { sandboxedCommand } from "../../cli/agent/sandbox";
import { exitOfStatus, processesInNamespace, SandboxedJob } from "../../cli/agent/sandboxed-job";

let dir: string;
const iso = planIsolation({}, { uid: 0, user: "root" });
const runs: RunDir[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-sandboxed-"));
  await fs.chmod(dir, 0o711);
});
afterAll(async () => {
  for (const r of runs) await r.remove();
  await fs.rm(dir, { recursive: true, force: true });
});

async function start(command: string, opts: { datasetsDir?: string } = {}) {
  const run = new RunDir(RunDir.pathFor(dir, "job"), iso.user);
  runs.push(run);
  await run.create();
  await run.handOver();
  let output = "";
  const argv = sandboxedCommand(iso.user, { jobDir: run.job, datasetsDir: opts.datasetsDir ?? null, pythonDir: AGENT_PYTHON_DIR, devices: [], network: true, binds: [] }, command);
  const job = await SandboxedJob.start(argv, { env: { PATH: "/usr/bin:/bin", HOME: "/job/home" }, onStdout: (c) => (output += c), onStderr: (c) => (output += c) });
  return { job, run, output: () => output };
}

async function until(what: string, check: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("a sandboxed job", () => {
  it("runs as the job user in its own PID namespace, in /job/files", async () => {
    const { job, output } = await start('echo "$(id -un) pid=$$ cwd=$(pwd)"; ls /proc | grep -c "^[0-9]"');
    expect(await job.exited).toEqual({ exitCode: 0, signal: null });
    await job.outputClosed;
    // bwrap's reaper is PID 1, bash PID 2; ls and grep are the only others.
    expect(output()).toMatch(/^nobody pid=2 cwd=\/job\/files\n4\n$/);
  });

  it("gives a process that setsid'd its SIGTERM and its grace, then ends", async () => {
    const { job, run } = await start(
      [
        "trap 'wait; exit 0' TERM",
        `setsid bash -c 'trap "sleep 0.3; echo got TERM > /job/files/setsid.txt; exit 0" TERM; echo up > /job/files/up.txt; while :; do sleep 0.05; done' &`,
        "wait",
      ].join("\n"),
    );
    await until("the setsid'd process to run", () => fs.access(path.join(run.part("files"), "up.txt")).then(() => true, () => false));
    expect(await job.stop(10_000)).toEqual({ killed: false });
    expect(await fs.readFile(path.join(run.part("files"), "setsid.txt"), "utf8")).toBe("got TERM\n");
    expect(await job.exited).toEqual({ exitCode: 0, signal: null });
    expect(processesInNamespace(job.pidNamespace)).toEqual([]);
  });

  it("kills what ignores SIGTERM after the grace period, setsid'd and double-forked processes too", async () => {
    const { job, run } = await start(
      [
        "trap '' TERM",
        "setsid bash -c \"trap '' TERM; sleep 300\" &",
        "(trap '' TERM; (trap '' TERM; sleep 300) &) &",
        "echo up > /job/files/up.txt",
        "wait",
      ].join("\n"),
    );
    await until("the job to run", () => fs.access(path.join(run.part("files"), "up.txt")).then(() => true, () => false));
    expect(processesInNamespace(job.pidNamespace).length).toBeGreaterThanOrEqual(4);
    expect(await job.stop(300)).toEqual({ killed: true });
    expect(await job.exited).toEqual({ exitCode: null, signal: "SIGKILL" });
    expect(job.isAlive()).toBe(false);
    expect(processesInNamespace(job.pidNamespace)).toEqual([]);
  });

  it("ends with its command: what it left running goes with it", async () => {
    const { job } = await start("setsid sleep 300 & sleep 300 & echo leaving");
    expect(await job.exited).toEqual({ exitCode: 0, signal: null });
    await until("the namespace to end", () => !job.isAlive());
    expect(await job.stop(60_000)).toEqual({ killed: false });
  });

  it("reports a job killed by a signal as that signal, and an exit status as it is", () => {
    expect(exitOfStatus(143, null)).toEqual({ exitCode: null, signal: "SIGTERM" });
    expect(exitOfStatus(137, null)).toEqual({ exitCode: null, signal: "SIGKILL" });
    expect(exitOfStatus(3, null)).toEqual({ exitCode: 3, signal: null });
    expect(exitOfStatus(255, null)).toEqual({ exitCode: 255, signal: null });
  });

  it("refuses to start, in bwrap's words, when the sandbox cannot be made", async () => {
    await expect(start("true", { datasetsDir: path.join(dir, "missing") })).rejects.toThrow(/^the sandbox could not be set up \(bwrap: Can't find source path .*missing/);
  });
});
