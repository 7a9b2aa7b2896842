// Idle shutdown and the per-person cap, on real kernels with a short idle timeout and a cap of 2.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BENCHTOP_KERNEL_IDLE_SECONDS = "2";
  process.env.BENCHTOP_KERNELS_PER_USER = "2";
});

import { shutdownAllKernels } from "../../server/kernels/registry";
import { createProjectFor, createUser, type TestUser } from "../support/factories";
import { callerFor, watch } from "./support";

afterAll(async () => {
  await shutdownAllKernels();
});

describe("kernel limits", () => {
  let ana: TestUser;
  let projectSlug: string;
  let caller: Awaited<ReturnType<typeof callerFor>>;

  beforeAll(async () => {
    ana = await createUser();
    projectSlug = (await createProjectFor(ana)).slug;
    caller = await callerFor(ana);
  });

  it("shuts down a kernel idle for BENCHTOP_KERNEL_IDLE_SECONDS, never one running a cell, and says why", async () => {
    const { kernelId } = await caller.kernels.start({ projectSlug, notebookPath: "idle.ipynb" });
    const w = await watch(ana, kernelId);
    // A cell running longer than the idle timeout keeps the kernel.
    const events = await w.run("import time\ntime.sleep(3.5)\nprint('done')", 20_000);
    expect(events.at(-1)).toMatchObject({ type: "execute_reply", status: "ok" });
    expect(w.seen.some((e) => e.type === "status" && e.state === "shutdown")).toBe(false);
    // Then, with nothing running, it goes.
    const after = await w.until((e) => e.type === "status" && e.state === "shutdown", 10_000);
    const shutdown = after.find((e) => e.type === "status" && e.state === "shutdown");
    expect(shutdown?.type === "status" && shutdown.reason).toContain("2 seconds without running anything");
    expect((await caller.kernels.mine()).map((k) => k.kernelId)).not.toContain(kernelId);
    w.close();
  }, 40_000);

  it("caps a person's kernels, naming the cap and the kernels to shut down", async () => {
    const first = await caller.kernels.start({ projectSlug, notebookPath: "one.ipynb" });
    const second = await caller.kernels.start({ projectSlug, notebookPath: "two.ipynb" });
    // Kept busy so the short idle timeout does not end them during the test.
    for (const k of [first, second]) await caller.kernels.execute({ kernelId: k.kernelId, code: "import time\ntime.sleep(30)", cellId: randomUUID() });
    const refused = caller.kernels.start({ projectSlug, notebookPath: "three.ipynb" });
    await expect(refused).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(refused).rejects.toThrow(/2 kernels running.*BENCHTOP_KERNELS_PER_USER=2.*one\.ipynb.*two\.ipynb/);
    // The same notebook again is not a new kernel.
    expect((await caller.kernels.start({ projectSlug, notebookPath: "one.ipynb" })).kernelId).toBe(first.kernelId);
    await caller.kernels.shutdown({ kernelId: first.kernelId });
    const third = await caller.kernels.start({ projectSlug, notebookPath: "three.ipynb" });
    expect(third.state).toBe("idle");
  }, 60_000);
});
