// A held job stays queued across scheduler passes; after approval the next pass places it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { approveJob } from "../../server/costs/approve";
import { db } from "../../server/db/client";
import { runSchedulerPass } from "../../server/queue/scheduler-pass";
import { submitJob } from "../../server/queue/submit-job";
import { startTestAgent } from "../support/agent-client";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";

describe("approval of a held job", () => {
  it("a held job is never placed; approval clears the hold, records who, and it is placed", async () => {
    const pool = `pool-${randomUUID().slice(0, 6)}`;
    const gpuType = `gpu-${randomUUID().slice(0, 6)}`;
    const owner = await createUser();
    const editor = await createUser();
    const project = await createProjectFor(owner);
    await addMemberAs(owner, project, editor, "editor");
    await startTestAgent({ name: `agent-${randomUUID().slice(0, 6)}`, pool, gpus: 4, gpuType, address: "10.0.9.1" });
    const { id } = await submitJob({ actorId: editor.id, projectSlug: project.slug, command: "python train.py", gpus: 1, gpuType, pools: [pool] });
    await db.job.update({ where: { id }, data: { heldReason: `held: project ${project.slug} has spent $412.00 of its $400.00 budget`, heldAt: new Date() } });
    for (let i = 0; i < 3; i++) await runSchedulerPass();
    expect((await db.job.findUniqueOrThrow({ where: { id } })).state).toBe("queued");
    await expect(approveJob({ actorId: editor.id, jobId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const approved = await approveJob({ actorId: owner.id, jobId: id });
    expect(approved.heldReason).toBeNull();
    await expect(approveJob({ actorId: owner.id, jobId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    await runSchedulerPass();
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job.state).toBe("starting");
    expect(job.approvedById).toBe(owner.id);
    expect(await db.auditEvent.count({ where: { action: "job.approved", target: id } })).toBe(1);
  });
});
