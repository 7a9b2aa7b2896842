// The price before running: the worst case from the highest rate among the pools a job may use x
// its max runtime, exact to the cent; the expected cost from the median run time of the person's last
// (up to 10) succeeded runs of the same command; whether a budget would hold it; over REST and by
// `benchtop submit --dry-run` (a real CLI process), which submits nothing.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setProjectBudget } from "../../server/costs/budgets";
import { estimateJob } from "../../server/costs/estimate";
import { db } from "../../server/db/client";
import { submitJob } from "../../server/queue/submit-job";
import { createApiToken } from "../../server/tokens/api-tokens";
import { rest } from "../edge/http";
import { startTestAgent } from "../support/agent-client";
import { addMemberAs, createProjectFor, createUser, type TestUser } from "../support/factories";
import { run } from "../support/processes";
import { realLab } from "../support/real-lab";

const lab = realLab("estimate");
const tag = () => randomUUID().slice(0, 6);

async function pricedPools() {
  const gpuType = `gpu-${tag()}`;
  const dear = `dear-${tag()}`;
  const cheap = `cheap-${tag()}`;
  const agents = [
    await startTestAgent({ name: `agent-${tag()}`, pool: dear, gpus: 4, gpuType, address: "10.0.8.1" }),
    await startTestAgent({ name: `agent-${tag()}`, pool: cheap, gpus: 4, gpuType, address: "10.0.8.2" }),
  ];
  const id = async (name: string) => (await db.pool.findUniqueOrThrow({ where: { name } })).id;
  const from = new Date(Date.now() - 3600_000);
  await db.rate.create({ data: { poolId: await id(dear), gpuType, hourly: "2.5125", effectiveFrom: from, source: "test" } });
  await db.rate.create({ data: { poolId: await id(cheap), gpuType, hourly: "1.0500", effectiveFrom: from, source: "test" } });
  // A newer price not yet in force counts for nothing.
  await db.rate.create({ data: { poolId: await id(dear), gpuType, hourly: "99", effectiveFrom: new Date(Date.now() + 86_400_000), source: "future" } });
  /** Alive as the scheduler judges it (the suite's heartbeat timeout is 2 s). */
  const heartbeat = () => Promise.all(agents.map((a) => a.heartbeat([])));
  return { gpuType, dear, cheap, heartbeat };
}

/** A succeeded job of `who` that ran `minutes`, ended `agoMin` minutes ago. */
async function pastRun(who: TestUser, projectSlug: string, gpuType: string, command: string, minutes: number, agoMin: number) {
  const { id } = await submitJob({ actorId: who.id, projectSlug, command, gpus: 1, gpuType });
  const endedAt = new Date(Date.now() - agoMin * 60_000);
  await db.job.update({ where: { id }, data: { state: "succeeded", startedAt: new Date(endedAt.getTime() - minutes * 60_000), endedAt } });
}

describe("the price before running", () => {
  it("worst case exact to the cent, expected from the median of the last 10 runs, and the hold it would get", async () => {
    const owner = await createUser();
    const other = await createUser();
    const project = await createProjectFor(owner);
    await addMemberAs(owner, project, other, "editor");
    const { gpuType, dear, cheap, heartbeat } = await pricedPools();
    const spec = { projectSlug: project.slug, command: "python train.py --lr 0.1", gpus: 2, gpuType, maxRuntimeSeconds: 4 * 3600 };

    // When it would start: at once on a free agent; never, in the queue's words, where nothing could hold it.
    await heartbeat();
    const free = await estimateJob({ actorId: owner.id, ...spec, pools: [dear] });
    expect(free.start).toBe("starts at once");
    expect(Math.abs(free.startsAt!.getTime() - Date.now())).toBeLessThan(60_000);
    const huge = await estimateJob({ actorId: owner.id, ...spec, gpus: 16, pools: [dear] });
    expect(huge).toMatchObject({ startsAt: null, start: expect.stringMatching(/^no start estimate: .*can never start/) });

    // No history: the worst case only. 2 GPUs x $2.5125/h x 4 h = $20.10 on the dearer pool.
    let e = await estimateJob({ actorId: owner.id, ...spec });
    expect(e).toMatchObject({ worstCase: { amount: "20.10", currency: "USD" }, pool: dear, gpuType, expected: null, runs: 0, heldReason: null });
    expect(e.sentence).toBe(`at most $20.10 on ${dear} ${gpuType} (4 h max)`);
    // Limited to the cheaper pool: 2 x 1.05 x 1.5 h = $3.15.
    e = await estimateJob({ actorId: owner.id, ...spec, pools: [cheap], maxRuntimeSeconds: 90 * 60 });
    expect(e.sentence).toBe(`at most $3.15 on ${cheap} ${gpuType} (1.5 h max)`);

    // Eleven runs of the command; the oldest (600 min) is past the last 10. Median of 10..100 min = 55 min.
    await pastRun(owner, project.slug, gpuType, spec.command, 600, 500);
    for (let k = 1; k <= 10; k++) await pastRun(owner, project.slug, gpuType, spec.command, k * 10, 100 - k);
    // Another person's run, another command's, and a failed one do not count.
    await pastRun(other, project.slug, gpuType, spec.command, 1, 1);
    await pastRun(owner, project.slug, gpuType, "python eval.py", 1, 1);
    await pastRun(owner, project.slug, gpuType, spec.command, 1, 1);
    await db.job.updateMany({ where: { projectId: project.id, submittedById: owner.id, command: spec.command, endedAt: { gt: new Date(Date.now() - 120_000) } }, data: { state: "failed" } });
    e = await estimateJob({ actorId: owner.id, ...spec });
    // 2 x $2.5125/h x 55/60 h = $4.60625 -> $4.61.
    expect(e.expected).toEqual({ amount: "4.61", currency: "USD" });
    expect(e.runs).toBe(10);
    expect(e.sentence).toBe(`at most $20.10 on ${dear} ${gpuType} (4 h max); expected ~$4.61 from your last 10 runs of this command`);
    expect((await estimateJob({ actorId: other.id, ...spec })).sentence).toBe(`at most $20.10 on ${dear} ${gpuType} (4 h max); expected ~$0.08 from your last run of this command`);

    // A hold budget with less left than the worst case: it says it would be held, and submits nothing.
    await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "15", policy: "hold" });
    const jobs = await db.job.count({ where: { projectId: project.id } });
    e = await estimateJob({ actorId: owner.id, ...spec });
    expect(e.start).toBe("starts once an owner or director approves it");
    expect(e.heldReason).toMatch(/^held: its worst case, \$20\.10 \(2 GPUs x \$2\.51\/h on .* x 4 h\), is more than the \$15\.00 left of project .*'s \$15\.00 .* budget$/);
    expect(e.sentence).toBe(`at most $20.10 on ${dear} ${gpuType} (4 h max); expected ~$4.61 from your last 10 runs of this command; it would be ${e.heldReason}`);
    expect(await db.job.count({ where: { projectId: project.id } })).toBe(jobs);

    // Nothing priced: said so.
    expect((await estimateJob({ actorId: owner.id, projectSlug: project.slug, command: "true", gpus: 0, pools: [cheap] })).sentence).toBe(
      "no worst case: no pool it may use has a rate for CPU slots, so it is not priced",
    );
  });

  it("POST /api/v1/projects/{slug}/jobs/estimate, and benchtop submit --dry-run, price the same body and submit nothing", async () => {
    const owner = await createUser();
    const viewer = await createUser();
    const project = await createProjectFor(owner);
    await addMemberAs(owner, project, viewer, "viewer");
    const { gpuType, dear, heartbeat } = await pricedPools();
    const { token } = await createApiToken({ actorId: owner.id, name: "estimate" });
    const body = { command: "python train.py", gpus: 1, gpuType, maxRuntimeSeconds: 3600 };
    const answer = await rest("POST", `/projects/${project.slug}/jobs/estimate`, { token, body });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ worstCase: { amount: "2.51" }, sentence: `at most $2.51 on ${dear} ${gpuType} (1 h max)` });
    const viewerToken = (await createApiToken({ actorId: viewer.id, name: "estimate" })).token;
    expect((await rest("POST", `/projects/${project.slug}/jobs/estimate`, { token: viewerToken, body })).status).toBe(403);

    const benchtop = (args: string[]) =>
      run(process.execPath, [path.resolve("bin/benchtop.mjs"), ...args], {
        cwd: lab.dir,
        env: { PATH: process.env.PATH, HOME: lab.dir, BENCHTOP_CONFIG: path.join(lab.dir, "config.json"), BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token },
      });
    await heartbeat();
    const cli = await benchtop(["submit", "--dry-run", "-p", project.slug, "--gpus", `${gpuType}:2`, "--pool", dear, "--max-runtime", "30m", "--", "python", "train.py"]);
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    // 2 x $2.5125 x 0.5 h = $2.5125 -> $2.51.
    expect(cli.stdout).toBe(`At most $2.51 on ${dear} ${gpuType} (30 min max).\nStarts at once.\nNothing was submitted (--dry-run).\n`);
    expect(await db.job.count({ where: { projectId: project.id } })).toBe(0);

    // Under a hold budget with $1.00 left, the dry run says it would be held, and a real submit says it was.
    await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "1", policy: "hold" });
    const dry = await benchtop(["submit", "--dry-run", "-p", project.slug, "--gpus", `${gpuType}:2`, "--max-runtime", "30m", "--", "python", "train.py"]);
    expect(dry.stdout).toContain(`(30 min max); it would be held: its worst case, $2.51 (2 GPUs x $2.51/h on ${dear} ${gpuType} x 30 min), is more than the $1.00 left of project ${project.slug}'s $1.00 `);
    const held = await benchtop(["submit", "-p", project.slug, "--project-files", "--gpus", `${gpuType}:2`, "--max-runtime", "30m", "--", "python", "train.py"]);
    expect(held.status).toBe(0);
    const id = held.stdout.trim();
    expect(held.stderr).toContain(`, but held: its worst case, $2.51 (2 GPUs x $2.51/h on ${dear} ${gpuType} x 30 min)`);
    expect(held.stderr).toContain(`(an owner or director can approve it: benchtop approve ${id})`);
    expect((await db.job.findUniqueOrThrow({ where: { id } })).heldReason).toMatch(/^held: its worst case, \$2\.51/);
  });
});
