// Stopping a job reaches every process it started: real bash process groups, real signals.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isGroupAlive, ProcessGroup } from "../../cli/agent/process-group";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-pg-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitForFile(file: string): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const text = await fs.readFile(file, "utf8").catch(() => "");
    if (text.trim().split("\n").length >= 3) return text;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${file} never got its pids`);
}

describe("process groups", () => {
  it("a job that ignores SIGTERM, and its children, are all killed after the grace period", async () => {
    const pids = path.join(dir, "pids-stubborn");
    // bash ignores TERM; two children (one a grandchild through a subshell) ignore it too.
    const command = `trap '' TERM; (trap '' TERM; sleep 300) & (trap '' TERM; bash -c 'trap "" TERM; sleep 300' & wait) & echo $$ > ${pids}; jobs -p >> ${pids}; wait`;
    const group = await ProcessGroup.start({ command, cwd: dir, env: { PATH: process.env.PATH! } });
    const listed = (await waitForFile(pids)).trim().split("\n").map(Number);
    expect(listed.every(alive)).toBe(true);
    const result = await group.stop(500);
    expect(result).toEqual({ killed: true });
    expect(isGroupAlive(group.pid)).toBe(false);
    expect(listed.filter(alive)).toEqual([]);
    expect((await group.exited).signal).toBe("SIGKILL");
  });

  it("a job that exits on SIGTERM ends without needing SIGKILL, however long its grace period", async () => {
    const group = await ProcessGroup.start({ command: "sleep 300 & sleep 300 & wait", cwd: dir, env: { PATH: process.env.PATH! } });
    // A ten-minute grace period: the test finishing at all shows the stop did not wait for it.
    const result = await group.stop(600_000);
    expect(result).toEqual({ killed: false });
    expect((await group.exited).signal).toBe("SIGTERM");
    expect(isGroupAlive(group.pid)).toBe(false);
  });

  it("a leader that exits leaves its children in the group, where stop still finds them", async () => {
    const pids = path.join(dir, "pids-orphans");
    const group = await ProcessGroup.start({ command: `sleep 300 & sleep 300 & echo $! > ${pids}; echo x >> ${pids}; echo y >> ${pids}`, cwd: dir, env: { PATH: process.env.PATH! } });
    expect(await group.exited).toEqual({ exitCode: 0, signal: null });
    const child = Number((await waitForFile(pids)).split("\n")[0]);
    expect(isGroupAlive(group.pid)).toBe(true);
    expect(await group.stop(5_000)).toEqual({ killed: false });
    expect(alive(child)).toBe(false);
  });

  it("refuses to start in a directory that does not exist, with nothing left running", async () => {
    await expect(ProcessGroup.start({ command: "true", cwd: path.join(dir, "missing"), env: {} })).rejects.toThrow(/ENOENT/);
  });
});
