// An archived project is read-only: every write into it (datasets, uploads, jobs, files) is refused
// with one sentence, while reads, member changes and unarchiving still work.
import { describe, expect, it } from "vitest";
import { createFolder, deletePath, movePath } from "../../server/files/folders";
import { listTree } from "../../server/files/tree";
import { readFile } from "../../server/files/read-file";
import { saveTextFile } from "../../server/files/write-file";
import { dispatchRest } from "../../server/rest/edge";
import { updateProject, setProjectArchived } from "../../server/projects/update-project";
import { getJob, listJobs } from "../../server/queue/read-jobs";
import { submitJob } from "../../server/queue/submit-job";
import { startTestAgent } from "../support/agent-client";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";
import { callerFor, storeFolder, tag, tokenFor } from "./support";

const READ_ONLY = (slug: string) => `Project ${slug} is archived; it is read-only. An owner can unarchive it in Settings.`;

async function archivedLab() {
  const helen = await callerFor(await createUser({ labRole: "director" }));
  const ana = await createUser({ name: "Ana Owner" });
  const ed = await createUser({ name: "Ed Editor" });
  const project = await createProjectFor(ana);
  await addMemberAs(ana, project, ed, "editor");
  const pool = `pool-${tag()}`;
  const gpuType = `gpu-${tag()}`;
  await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 1, gpuType });
  const store = await helen.datasets.stores.create({ name: `arch-${tag()}`, kind: "local", localRoot: await storeFolder("archived") });
  const edCaller = await callerFor(ed);
  await edCaller.datasets.create({ projectSlug: project.slug, name: "assays", storeId: store.id, bucket: "b" });
  await saveTextFile({ actorId: ed.id, projectSlug: project.slug, path: "train.py", baseVersion: null, content: "print(1)\n" });
  const job = await submitJob({ actorId: ed.id, projectSlug: project.slug, command: "python train.py", gpus: 1, gpuType, pools: [pool] });
  await setProjectArchived({ actorId: ana.id, projectSlug: project.slug, archived: true });
  return { ana, ed, edCaller, project, store, job, pool, gpuType, sentence: READ_ONLY(project.slug) };
}

const message = (p: Promise<unknown>) => p.then(() => "allowed", (e: Error) => e.message);

describe("an archived project is read-only", () => {
  it("refuses dataset changes and uploads with the sentence", async () => {
    const { edCaller, project, store, sentence, ana } = await archivedLab();
    const ref = { projectSlug: project.slug, dataset: "assays" };
    expect(await message(edCaller.datasets.create({ projectSlug: project.slug, name: "more", storeId: store.id, bucket: "c" }))).toBe(sentence);
    expect(await message(edCaller.datasets.update({ ...ref, description: "changed" }))).toBe(sentence);
    expect(await message(edCaller.datasets.upload.start({ ...ref, key: "x.txt", size: 1 }))).toBe(sentence);
    expect(await message(edCaller.datasets.deleteObjects({ ...ref, keys: ["x.txt"] }))).toBe(sentence);
    expect(await message(edCaller.datasets.snapshots.create(ref))).toBe(sentence);
    expect(await message((await callerFor(ana)).datasets.remove(ref))).toBe(sentence);
    // Reads keep working.
    expect((await edCaller.datasets.list({ projectSlug: project.slug })).map((d) => d.name)).toEqual(["assays"]);
    expect((await edCaller.datasets.browse(ref)).objects).toEqual([]);
  });

  it("refuses jobs, re-runs and file saves, uploads, moves and deletes with the sentence", async () => {
    const { ed, edCaller, project, job, pool, gpuType, sentence, ana } = await archivedLab();
    const slug = project.slug;
    expect(await message(submitJob({ actorId: ed.id, projectSlug: slug, command: "python train.py", gpus: 1, gpuType, pools: [pool] }))).toBe(sentence);
    expect(await message(edCaller.jobs.submit({ projectSlug: slug, command: "python train.py", gpus: 1, gpuType, pools: [pool], rerunOfId: job.id }))).toBe(sentence);
    expect(await message(saveTextFile({ actorId: ed.id, projectSlug: slug, path: "train.py", baseVersion: 1, content: "print(2)\n" }))).toBe(sentence);
    expect(await message(createFolder({ actorId: ed.id, projectSlug: slug, path: "data" }))).toBe(sentence);
    expect(await message(movePath({ actorId: ed.id, projectSlug: slug, from: "train.py", to: "main.py" }))).toBe(sentence);
    expect(await message(deletePath({ actorId: ed.id, projectSlug: slug, path: "train.py" }))).toBe(sentence);
    expect(await message(updateProject({ actorId: ana.id, projectSlug: slug, name: "Renamed" }))).toBe(sentence);
    const upload = await dispatchRest(
      new Request(`http://benchtop.test/api/v1/projects/${slug}/files/content?path=new.txt`, { method: "PUT", body: "hi", headers: { authorization: `Bearer ${await tokenFor(ed)}` } }),
    );
    expect(upload.status).toBe(409);
    expect(((await upload.json()) as { error: { message: string } }).error.message).toBe(sentence);
    // Reads keep working: the tree, a file, the jobs.
    expect((await listTree({ actorId: ed.id, projectSlug: slug })).files.map((f) => f.path)).toEqual(["train.py"]);
    expect((await readFile({ actorId: ed.id, projectSlug: slug, path: "train.py" })).content).toBe("print(1)\n");
    expect((await getJob({ actorId: ed.id, jobId: job.id })).id).toBe(job.id);
    expect((await listJobs({ actorId: ed.id, projectSlug: slug })).map((j) => j.id)).toEqual([job.id]);
  });

  it("still lets owners manage members and unarchive, after which writes work again", async () => {
    const { ana, ed, project } = await archivedLab();
    const vic = await createUser();
    await addMemberAs(ana, project, vic, "viewer");
    await setProjectArchived({ actorId: ana.id, projectSlug: project.slug, archived: false });
    expect((await saveTextFile({ actorId: ed.id, projectSlug: project.slug, path: "train.py", baseVersion: 1, content: "print(2)\n" })).version).toBe(2);
  });
});
