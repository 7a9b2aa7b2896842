// A kernel starts whatever the length of BENCHTOP_HOME and TMPDIR: its ZMQ sockets are Unix
// sockets, whose paths may hold 107 bytes at most, so they live in a short runtime folder of the
// server's, not under the data folder.
import fs from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";

const LONG = vi.hoisted(() => {
  const pad = "a-rather-long-folder-name-for-the-lab-data";
  const home = `/tmp/benchtop-long-${process.pid}/${pad}/${pad}/${pad}/home`;
  const tmp = `/tmp/benchtop-long-${process.pid}/${pad}/${pad}/${pad}/tmp`;
  process.env.BENCHTOP_HOME = home;
  process.env.TMPDIR = tmp;
  return { home, tmp };
});

import { shutdownAllKernels } from "../../server/kernels/registry";
import { kernelRuntimeDir } from "../../server/kernels/runtime-dir";
import { createProjectFor, createUser } from "../support/factories";
import { callerFor, watch } from "./support";

afterAll(async () => {
  await shutdownAllKernels();
  fs.rmSync(`/tmp/benchtop-long-${process.pid}`, { recursive: true, force: true });
});

describe("a kernel under long paths", () => {
  it("starts and runs 1+1 with BENCHTOP_HOME and TMPDIR of about 150 characters", async () => {
    expect(LONG.home.length).toBeGreaterThan(140);
    fs.mkdirSync(LONG.tmp, { recursive: true });
    const ana = await createUser();
    const projectSlug = (await createProjectFor(ana)).slug;
    const caller = await callerFor(ana);
    const started = await caller.kernels.start({ projectSlug, notebookPath: "long.ipynb", kernelName: "python3" });
    expect(started.state).toBe("idle");
    const w = await watch(ana, started.kernelId);
    const events = await w.run("1+1");
    expect(events.find((e) => e.type === "execute_result")).toMatchObject({ data: { "text/plain": "2" } });
    expect(events.at(-1)).toMatchObject({ type: "execute_reply", status: "ok" });
    w.close();
    // Its sockets sat in a short private folder, which goes when the server stops its kernels.
    const runtime = kernelRuntimeDir()!;
    expect(runtime.length).toBeLessThan(40);
    expect(fs.statSync(runtime).mode & 0o077 & ~0o011).toBe(0);
    await shutdownAllKernels();
    expect(fs.existsSync(runtime)).toBe(false);
  }, 90_000);
});
