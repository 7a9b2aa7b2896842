// A budget's 100 % policies and worst-case admission, on the queue's real edges: a spent hold budget
// holds a new submit with the sentence, and releases it once raised; a spent stop budget cancels the project's running job on a
// real agent (SIGTERM, the job's grace) and holds what is queued; a job whose worst case passes what
// is left is held until an owner approves it, and a re-run of it is judged again.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkBudgets } from "../../server/costs/alerts";
import { approveJob } from "../../server/costs/approve";
import { setProjectBudget } from "../../server/costs/budgets";
import { db } from "../../server/db/client";
import { createAgent } from "../../server/queue/agents";
import { getJob } from "../../server/queue/read-jobs";
import { runSchedulerPass } from "../../server/queue/scheduler-pass";
import { createSnapshot } from "../../server/queue/snapshots";
import { submitJob } from "../../server/queue/submit-job";
import { startTestAgent } from "../support/agent-client";
import { createProjectFor, createUser } from "../support/factories";
import { jobProcesses } from "../support/processes";
import { realLab } from "../support/real-lab";
import { writeLedger } from "./ledger-fixture";

const lab = realLab("budget-policies");
const tag = () => randomUUID().slice(0, 6);
const monthStart = () => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
const monthName = () => monthStart().toLocaleString("en", { month: "long", timeZone: "UTC" });

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.sequential("budget policies at 100 %", () => {
  it("hold: a new job of a spent project is held at submit, in words, and never placed", async () => {
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const pool = `pool-${tag()}`;
    await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 2, gpuType: "A100", address: "10.0.7.1" });
    await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "10", policy: "hold" });
    // 42 minutes at $15/h = $10.50.
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: new Date(monthStart().getTime() + 60_000), minutes: 42, hourly: "15" });
    const { id } = await submitJob({ actorId: owner.id, projectSlug: project.slug, command: "python train.py", gpus: 1, gpuType: "A100", pools: [pool] });
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job.heldReason).toBe(`held: project ${project.slug} has spent $10.50 of its $10.00 ${monthName()} budget`);
    expect(job.heldAt).not.toBeNull();
    for (let i = 0; i < 3; i++) await runSchedulerPass();
    expect((await getJob({ actorId: owner.id, jobId: id })).state).toBe("queued");
    expect((await getJob({ actorId: owner.id, jobId: id })).heldReason).toBe(job.heldReason);
    // While still spent, the check keeps it held; once the owner raises the budget, the check releases it and it is placed.
    expect((await checkBudgets()).released).toBe(0);
    expect((await db.job.findUniqueOrThrow({ where: { id } })).heldReason).toBe(job.heldReason);
    await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "20", policy: "hold" });
    expect((await checkBudgets()).released).toBeGreaterThanOrEqual(1);
    expect((await db.job.findUniqueOrThrow({ where: { id } })).heldReason).toBeNull();
    await until("the released job to be placed", async () => (await db.job.findUniqueOrThrow({ where: { id } })).state !== "queued");
  });

  it("stop: the alert check cancels the project's running job on a real agent with the reason, and holds its queued ones", async () => {
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const pool = `stop-${tag()}`;
    const name = `${pool}-a`;
    const { token } = await createAgent({ actorId: null, name, pool });
    lab.track(
      spawn(
        process.execPath,
        ["bin/benchtop.mjs", "agent", "--server", lab.url, "--token-file", await lab.tokenFile(name, token), "--name", name, "--simulate-gpus", "1", "--gpu-type", "A100", "--work-dir", path.join(lab.dir, name)],
        { env: { PATH: process.env.PATH, HOME: lab.dir } as unknown as NodeJS.ProcessEnv, stdio: "ignore" },
      ),
    );
    await until("the agent to register", async () => (await db.agent.findUnique({ where: { name } }))?.registeredAt);
    const snapshotId = await createSnapshot({ actorId: owner.id, projectSlug: project.slug, manifest: { files: [] } });
    const { id: running } = await submitJob({ actorId: owner.id, projectSlug: project.slug, gpus: 1, gpuType: "A100", pools: [pool], snapshotId, graceSeconds: 5, command: "echo started; sleep 600" });
    await until("the job to run", async () => (await getJob({ actorId: owner.id, jobId: running })).state === "running" && jobProcesses(running).length > 0);
    // Queued behind it (the agent's one GPU is taken), submitted before the budget was spent.
    const { id: queued } = await submitJob({ actorId: owner.id, projectSlug: project.slug, gpus: 1, gpuType: "A100", pools: [pool], snapshotId, command: "sleep 1" });

    await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "1", policy: "stop" });
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: new Date(monthStart().getTime() + 60_000), minutes: 8, hourly: "15" });
    const reason = `project ${project.slug} has spent $2.00 of its $1.00 ${monthName()} budget`;
    const check = await checkBudgets();
    expect(check.stopped).toBeGreaterThanOrEqual(1);

    const ended = await until("the stopped job to end", async () => {
      const j = await getJob({ actorId: owner.id, jobId: running });
      return j.state === "cancelled" && j;
    });
    expect(ended.stateReason).toBe(`stopped: ${reason}`);
    expect(jobProcesses(running)).toEqual([]);
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "job.cancelled", target: ended.name, actorId: null } })).data).toMatchObject({ jobId: running, reason: `stopped: ${reason}` });
    const held = await db.job.findUniqueOrThrow({ where: { id: queued } });
    expect(held.heldReason).toBe(`held: ${reason}`);
    // Capacity is free now, yet the held job stays queued; a new submit is held too.
    await runSchedulerPass();
    expect((await db.job.findUniqueOrThrow({ where: { id: queued } })).state).toBe("queued");
    const { id: later } = await submitJob({ actorId: owner.id, projectSlug: project.slug, gpus: 1, gpuType: "A100", pools: [pool], snapshotId, command: "sleep 1" });
    expect((await db.job.findUniqueOrThrow({ where: { id: later } })).heldReason).toBe(`held: ${reason}`);
    // Checking again stops nothing more.
    expect((await checkBudgets()).stopped).toBe(0);
  });
});

describe.sequential("worst-case admission", () => {
  it("holds a job whose worst case passes what is left; approval lets it run; a re-run is judged again", async () => {
    const owner = await createUser();
    const editor = await createUser();
    const project = await createProjectFor(owner);
    await db.member.create({ data: { projectId: project.id, userId: editor.id, role: "editor" } });
    const pool = `adm-${tag()}`;
    const gpuType = `gpu-${tag()}`;
    await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 4, gpuType, address: "10.0.7.2" });
    const poolId = (await db.pool.findUniqueOrThrow({ where: { name: pool } })).id;
    await db.rate.create({ data: { poolId, gpuType, hourly: "2.5000", effectiveFrom: new Date(Date.now() - 3600_000), source: "test" } });
    await db.rate.create({ data: { poolId, gpuType, hourly: "1.0000", effectiveFrom: new Date(Date.now() - 7200_000), source: "older" } });
    await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "25", policy: "hold" });
    // $5.01 spent: $19.99 left. 2 GPUs x $2.50/h x 4 h = $20.00 is past it; 3 h ($15.00) is not.
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: new Date(monthStart().getTime() + 60_000), minutes: 1, hourly: "300.6" });
    const spec = { projectSlug: project.slug, command: "python train.py", gpus: 2, gpuType, pools: [pool] };
    const { id: small } = await submitJob({ actorId: editor.id, ...spec, maxRuntimeSeconds: 3 * 3600 });
    expect((await db.job.findUniqueOrThrow({ where: { id: small } })).heldReason).toBeNull();
    await db.job.update({ where: { id: small }, data: { state: "cancelled" } });

    const { id } = await submitJob({ actorId: editor.id, ...spec, maxRuntimeSeconds: 4 * 3600 });
    const held = await db.job.findUniqueOrThrow({ where: { id } });
    expect(held.heldReason).toBe(
      `held: its worst case, $20.00 (2 GPUs x $2.50/h on ${pool} ${gpuType} x 4 h), is more than the $19.99 left of project ${project.slug}'s $25.00 ${monthName()} budget`,
    );
    await runSchedulerPass();
    expect((await db.job.findUniqueOrThrow({ where: { id } })).state).toBe("queued");
    await approveJob({ actorId: owner.id, jobId: id });
    await until("the approved job to be placed", async () => (await db.job.findUniqueOrThrow({ where: { id } })).state !== "queued");

    const { id: rerun } = await submitJob({ actorId: editor.id, ...spec, maxRuntimeSeconds: 4 * 3600, rerunOfId: id });
    expect((await db.job.findUniqueOrThrow({ where: { id: rerun } })).heldReason).toBe(held.heldReason);
  });
});
