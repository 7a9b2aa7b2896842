// Datasets attached to jobs, end to end on real parts: the API served on loopback, the queue's
// supervisor, a real `benchtop agent` process, a local-folder store (the embedded default) read
// through its signed /api/storage/local URLs. A job reads its files at BENCHTOP_DATASET_<NAME>;
// a second job is served from the agent's cache; the version is recorded and a re-run reads the
// same one or says what changed; stream mode ends with READY.
import path from "node:path";
import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { snapshotDataset } from "../../server/datasets/job-access";
import { getJob } from "../../server/queue/read-jobs";
import { submitJob } from "../../server/queue/submit-job";
import { createApiToken } from "../../server/tokens/api-tokens";
import { run, until } from "../support/processes";
import { realLab } from "../support/real-lab";
import { logOf, startAgent, waitForEnd } from "../support/real-agent";
import { datasetLab } from "./support";

const lab = realLab("datasets-jobs");

const READ = [
  'cd "$BENCHTOP_DATASET_IRIS_MINI"',
  "wc -l *.csv",
  'test -e "$BENCHTOP_DATASET_IRIS_MINI_READY" && echo "ready before start"',
  'echo "mode $(stat -c %a train.csv)"',
].join("; ");

describe.sequential("datasets in jobs", () => {
  it("a job attached from the CLI reads the files; a second job is served from the agent's cache; the job records v1", async () => {
    const l = await datasetLab(lab.dir);
    await l.put("train.csv", "x,y\n1,2\n3,4\n");
    await l.put("test.csv", "x,y\n5,6\n");
    await l.put("notes/readme.txt", "iris, a little of it\n");
    const agent = await startAgent(lab, l.pool, l.gpuType);

    // `benchtop submit --data iris-mini`, from a directory of its own.
    const { token } = await createApiToken({ actorId: l.admin.id, name: "cli" });
    const workdir = path.join(lab.dir, `work-${l.t}`);
    await fs.mkdir(workdir);
    await fs.writeFile(path.join(workdir, "job.sh"), "echo hi\n");
    const submit = await run(
      process.execPath,
      [path.resolve("bin/benchtop.mjs"), "submit", "-p", l.project.slug, "--gpus", "1", "--gpu-type", l.gpuType, "--pool", l.pool, "--data", "iris-mini", "--", "bash", "-c", READ],
      { cwd: workdir, env: { PATH: process.env.PATH, HOME: lab.dir, BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token } },
    );
    expect(submit.status, submit.stderr).toBe(0);
    const first = await waitForEnd(l.admin.id, submit.stdout.trim());
    const log1 = await logOf(l.admin.id, first.id);
    expect(first.state, `${first.stateReason}\n${log1}\n${agent.output()}`).toBe("succeeded");
    expect(log1).toMatch(/^\s*3 train\.csv$/m);
    expect(log1).toMatch(/^\s*2 test\.csv$/m);
    expect(log1).toContain("ready before start");
    expect(log1).toContain("mode 444");
    expect(log1).toMatch(/\[benchtop agent\] dataset iris-mini v1: 3 files, \d+ B \(0 from cache\)/);
    expect(first.datasets).toEqual([
      { name: "iris-mini", mode: "copy", requestedVersion: null, version: 1, objectCount: 3, totalBytes: 12 + 8 + 21, envName: "BENCHTOP_DATASET_IRIS_MINI" },
    ]);

    // Nothing changed: the second job reuses snapshot v1, and the agent downloads nothing.
    const second = await submitJob({
      actorId: l.admin.id,
      projectSlug: l.project.slug,
      command: `${READ}; cat notes/readme.txt`,
      gpus: 1,
      gpuType: l.gpuType,
      pools: [l.pool],
      datasets: [{ name: "iris-mini" }],
    });
    const done = await waitForEnd(l.admin.id, second.id);
    const log2 = await logOf(l.admin.id, second.id);
    expect(done.state, log2).toBe("succeeded");
    expect(log2).toContain("iris, a little of it");
    expect(log2).toMatch(/dataset iris-mini v1: 3 files, \d+ B \(3 from cache\)/);
    expect(agent.output()).toMatch(/dataset\.ready .*dataset=iris-mini version=1 files=3 bytes=41 fromCache=3/);
    expect(await db.datasetSnapshot.count({ where: { datasetId: l.dataset.id } })).toBe(1);
    // The job's folders went with the job; the cache stays for the next one.
    // The agent reports a job's end before it cleans up (its GPU is free at once), so wait for it.
    await until("the run folders' datasets to be removed", async () => {
      const runs = await fs.readdir(path.join(agent.workDir, "runs"));
      const left = await Promise.all(runs.map((r) => fs.access(path.join(agent.workDir, "runs", r, "datasets")).then(() => r, () => null)));
      return left.every((r) => r === null);
    }, 15_000);
  }, 120_000);

  it("after an object changed: latest is frozen anew; v1 is read from the cache where it is, else the job says what changed", async () => {
    const l = await datasetLab(lab.dir);
    await l.put("train.csv", "x,y\n1,2\n3,4\n");
    await l.put("test.csv", "x,y\n5,6\n");
    await startAgent(lab, l.pool, l.gpuType);
    const submit = (extra: Partial<Parameters<typeof submitJob>[0]>) =>
      submitJob({ actorId: l.admin.id, projectSlug: l.project.slug, command: READ, gpus: 1, gpuType: l.gpuType, pools: [l.pool], ...extra });
    const original = await submit({ datasets: [{ name: "iris-mini" }] });
    expect((await waitForEnd(l.admin.id, original.id)).state).toBe("succeeded");

    await l.put("train.csv", "x,y\n1,2\n3,4\n7,8\n");
    const latest = await waitForEnd(l.admin.id, (await submit({ datasets: [{ name: "iris-mini" }] })).id);
    expect(latest.state).toBe("succeeded");
    expect(latest.datasets[0]).toMatchObject({ version: 2, requestedVersion: null, objectCount: 2 });
    expect(await logOf(l.admin.id, latest.id)).toMatch(/^\s*4 train\.csv$/m);

    // Pinned to v1 on the agent that cached v1's objects (key + ETag): exactly the old bytes.
    const cached = await waitForEnd(l.admin.id, (await submit({ datasets: [{ name: "iris-mini", version: 1 }] })).id);
    const cachedLog = await logOf(l.admin.id, cached.id);
    expect(cached.state, cachedLog).toBe("succeeded");
    expect(cached.datasets[0]).toMatchObject({ version: 1, requestedVersion: 1 });
    expect(cachedLog).toMatch(/^\s*3 train\.csv$/m);
    expect(cachedLog).toContain("(2 from cache)");

    // On a fresh agent v1's train.csv can no longer be had: refused before the command runs, in words.
    const freshType = `${l.gpuType}-fresh`;
    await startAgent(lab, l.pool, freshType);
    const pinned = await waitForEnd(l.admin.id, (await submit({ gpuType: freshType, datasets: [{ name: "iris-mini", version: 1 }] })).id);
    expect(pinned.state).toBe("failed");
    expect(pinned.stateReason).toBe(
      "could not start: dataset iris-mini v1 is no longer what was frozen: train.csv (changed); attach its latest version to read the objects as they are now",
    );
    expect(await logOf(l.admin.id, pinned.id)).not.toMatch(/train\.csv$/m);

    // A re-run reads what the original read (v1), so there it says the same.
    const rerun = await waitForEnd(l.admin.id, (await submit({ gpuType: freshType, rerunOfId: original.id })).id);
    expect(rerun.datasets[0]).toMatchObject({ name: "iris-mini", version: 1 });
    expect(rerun.state).toBe("failed");
    expect(rerun.stateReason).toContain("dataset iris-mini v1 is no longer what was frozen: train.csv (changed)");
  }, 120_000);

  it("stream mode: the job starts at once and READY appears once every file is there", async () => {
    const l = await datasetLab(lab.dir);
    for (let i = 0; i < 40; i++) await l.put(`shards/part-${String(i).padStart(3, "0")}.txt`, `shard ${i}\n`.repeat(200));
    await startAgent(lab, l.pool, l.gpuType);
    const { id } = await submitJob({
      actorId: l.admin.id,
      projectSlug: l.project.slug,
      command: [
        'echo "files at start: $(find "$BENCHTOP_DATASET_IRIS_MINI" -type f | wc -l)"',
        'while [ ! -e "$BENCHTOP_DATASET_IRIS_MINI_READY" ]; do sleep 0.05; done',
        'echo "files at ready: $(find "$BENCHTOP_DATASET_IRIS_MINI" -type f | wc -l)"',
        'cat "$BENCHTOP_DATASET_IRIS_MINI_READY"',
      ].join("\n"),
      gpus: 1,
      gpuType: l.gpuType,
      pools: [l.pool],
      datasets: [{ name: "iris-mini", mode: "stream" }],
    });
    const job = await waitForEnd(l.admin.id, id);
    const log = await logOf(l.admin.id, id);
    expect(job.state, log).toBe("succeeded");
    expect(log).toContain("files at ready: 40");
    expect(log).toContain('"files":40');
    expect(log).toMatch(/dataset iris-mini v1: streaming 40 files, .* while the job runs/);
    expect(log).toMatch(/dataset iris-mini v1: 40 files, .*all there after/);
    expect(job.datasets[0]).toMatchObject({ mode: "stream", version: 1, objectCount: 40 });
  }, 120_000);

  it("stream mode on a changed object: the running job is stopped and fails naming it, and the .failed file says why", async () => {
    const l = await datasetLab(lab.dir);
    for (let i = 0; i < 5; i++) await l.put(`part-${i}.txt`, `part ${i}\n`);
    expect((await snapshotDataset({ datasetId: l.dataset.id, actorId: l.admin.id, note: "before the rewrite" })).version).toBe(1);
    await l.put("part-3.txt", "rewritten\n");
    await startAgent(lab, l.pool, l.gpuType);
    const { id } = await submitJob({
      actorId: l.admin.id,
      projectSlug: l.project.slug,
      command: [
        // A job that traps SIGTERM can read why it is being stopped.
        'trap \'echo "why: $(cat "$BENCHTOP_DATASET_IRIS_MINI.failed")"; exit 3\' TERM',
        'echo "started"',
        "sleep 30 & wait",
      ].join("\n"),
      gpus: 1,
      gpuType: l.gpuType,
      pools: [l.pool],
      graceSeconds: 2,
      datasets: [{ name: "iris-mini", version: 1, mode: "stream" }],
    });
    const job = await waitForEnd(l.admin.id, id);
    const log = await logOf(l.admin.id, id);
    expect(job.state, log).toBe("failed");
    expect(job.stateReason).toMatch(/^stopped by its agent: dataset iris-mini v1 is no longer what was frozen: part-3\.txt \(changed\)/);
    expect(log).toContain("started");
    expect(log).toMatch(/^why: dataset iris-mini v1 is no longer what was frozen: part-3\.txt \(changed\)/m);
    expect(log).toContain("[benchtop agent] stopping the job");
    expect(job.datasets[0]).toMatchObject({ version: 1, requestedVersion: 1, mode: "stream" });
  }, 120_000);

  it("says in words what cannot be attached: an unknown dataset, an unknown version, one dataset twice", async () => {
    const l = await datasetLab(lab.dir);
    await l.put("a.csv", "x\n");
    await startAgent(lab, l.pool, l.gpuType);
    const submit = (datasets: { name: string; version?: number; mode?: "copy" | "stream" }[]) =>
      submitJob({ actorId: l.admin.id, projectSlug: l.project.slug, command: "true", gpus: 1, gpuType: l.gpuType, pools: [l.pool], datasets });
    await expect(submit([{ name: "imagenet" }])).rejects.toThrow('This project has no dataset named "imagenet".');
    await expect(submit([{ name: "iris-mini", version: 4 }])).rejects.toThrow('The dataset "iris-mini" has no version 4; it has no versions yet');
    await expect(submit([{ name: "iris-mini" }, { name: "iris-mini", mode: "stream" }])).rejects.toThrow('The dataset "iris-mini" is attached twice');
    // Nothing was frozen or queued by the refusals.
    expect(await db.datasetSnapshot.count({ where: { datasetId: l.dataset.id } })).toBe(0);
    expect(await db.job.count({ where: { projectId: (await db.project.findUniqueOrThrow({ where: { slug: l.project.slug } })).id } })).toBe(0);
    const job = await getJob({ actorId: l.admin.id, jobId: (await submit([{ name: "iris-mini" }])).id });
    expect(job.datasets[0]).toMatchObject({ version: 1 });
    await expect(submit([{ name: "iris-mini", version: 2 }])).rejects.toThrow('The dataset "iris-mini" has no version 2; its versions are 1 to 1.');
  });
});
