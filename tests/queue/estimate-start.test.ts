// When a job not yet submitted would start (the submit form's and `benchtop submit --dry-run`'s
// "starts in ~40 min"): a dry pass of the real scheduler over the real queue, placing nothing.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { estimateStart, runSchedulerPass } from "../../server/queue/scheduler-pass";
import { submitJob } from "../../server/queue/submit-job";
import { startTestAgent } from "../support/agent-client";
import { createProjectFor, createUser } from "../support/factories";

const tag = () => randomUUID().slice(0, 6);

describe("the start estimate of a job before it is submitted", () => {
  it("is now on free capacity, the running job's max runtime when it holds the GPUs, and null with the reason when nothing could hold it", async () => {
    const pool = `pool-${tag()}`;
    const gpuType = `gpu-${tag()}`;
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const agent = await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 2, gpuType });
    const shape = { userId: owner.id, userName: "owner", projectId: project.id, projectName: project.name, priority: "normal" as const, nodes: 1, gpusPerNode: 2, gpuType, maxRuntimeMs: 3_600_000, poolIds: [pool] };

    await agent.heartbeat([]);
    const now = Date.now();
    expect(await estimateStart(shape, now)).toEqual({ at: now, reason: "free capacity now" });

    // A job holding both GPUs for at most 2 h: the next one waits for its max runtime.
    const { id } = await submitJob({ actorId: owner.id, projectSlug: project.slug, command: "python train.py", gpus: 2, gpuType, pools: [pool], maxRuntimeSeconds: 7200 });
    await runSchedulerPass();
    const [a] = await agent.claim();
    expect((await agent.started(a!)).status).toBe(200);
    await agent.heartbeat([a!]);
    const { startedAt } = await db.attempt.findFirstOrThrow({ where: { jobId: id } });
    const { graceSeconds } = await db.job.findUniqueOrThrow({ where: { id } });
    const later = await estimateStart(shape);
    // Its max runtime and the grace its SIGTERM gets before SIGKILL.
    expect(later.at).toBe(startedAt!.getTime() + 7_200_000 + graceSeconds * 1000);
    // The dry pass placed nothing and changed no job.
    expect(await db.job.count({ where: { projectId: project.id } })).toBe(1);

    const tooBig = await estimateStart({ ...shape, gpusPerNode: 8 });
    expect(tooBig.at).toBeNull();
    expect(tooBig.reason).toMatch(/can never start/);
  });
});
