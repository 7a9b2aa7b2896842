// Content-addressed snapshots are shared by content, checked per project: the same directory
// submitted in two projects works in both, and no project uses another's snapshot or blobs by id
// or hash alone (nor learns from "which blobs are missing" what another project holds).
import { describe, expect, it } from "vitest";
import { dispatchRest } from "../../server/rest/edge";
import { sha256Of } from "../../server/storage/blobs";
import { submitJob } from "../../server/queue/submit-job";
import { startTestAgent } from "../support/agent-client";
import { createProjectFor, createUser } from "../support/factories";
import { rest, tag, tokenFor } from "./support";

async function twoProjectsOneDirectory() {
  const ana = await createUser();
  const bob = await createUser();
  const vision = await createProjectFor(ana);
  const genomics = await createProjectFor(bob);
  const pool = `pool-${tag()}`;
  const gpuType = `gpu-${tag()}`;
  await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 1, gpuType });
  const content = Buffer.from(`print("the same directory ${tag()}")\n`);
  const file = { path: "train.py", sha256: sha256Of(content), size: content.length, mode: 0o644 };
  const anaToken = await tokenFor(ana);
  const bobToken = await tokenFor(bob);
  /** What `benchtop submit` does: ask what is missing, upload that, freeze the snapshot. */
  const upload = async (token: string, projectSlug: string) => {
    const { json } = await rest(token, "POST", "/blobs/missing", { sha256s: [file.sha256], project: projectSlug });
    for (const sha of json.missing as string[]) {
      const res = await dispatchRest(new Request(`http://benchtop.test/api/v1/blobs/${sha}?project=${projectSlug}`, { method: "PUT", body: content, headers: { authorization: `Bearer ${token}` } }));
      expect(res.status).toBe(204);
    }
    return rest(token, "POST", `/projects/${projectSlug}/snapshots`, { files: [file] });
  };
  const job = (actorId: string, projectSlug: string, snapshotId: string) =>
    submitJob({ actorId, projectSlug, command: "python train.py", gpus: 1, gpuType, pools: [pool], snapshotId });
  return { ana, bob, vision, genomics, file, anaToken, bobToken, upload, job };
}

describe("snapshots across projects", () => {
  it("the same directory submitted in two projects runs in both", async () => {
    const { ana, bob, vision, genomics, anaToken, bobToken, upload, job } = await twoProjectsOneDirectory();
    const first = await upload(anaToken, vision.slug);
    expect(first.status).toBe(201);
    await job(ana.id, vision.slug, first.json.snapshotId);
    const second = await upload(bobToken, genomics.slug);
    expect(second.status).toBe(201);
    expect(second.json.snapshotId).toBe(first.json.snapshotId);
    const { id } = await job(bob.id, genomics.slug, second.json.snapshotId);
    expect(id).toBeTruthy();
  });

  it("refuses another project's snapshot by id, and a manifest of blobs the project never uploaded", async () => {
    const { ana, bob, vision, genomics, file, anaToken, bobToken, upload, job } = await twoProjectsOneDirectory();
    const { json } = await upload(anaToken, vision.slug);
    await job(ana.id, vision.slug, json.snapshotId);
    await expect(job(bob.id, genomics.slug, json.snapshotId)).rejects.toThrow(/That snapshot does not belong to this project/);
    // Knowing the hash is not holding the bytes: the blob is "missing" for genomics...
    const missing = await rest(bobToken, "POST", "/blobs/missing", { sha256s: [file.sha256], project: genomics.slug });
    expect(missing.json.missing).toEqual([file.sha256]);
    // ...and a snapshot naming it without uploading it is refused.
    const forged = await rest(bobToken, "POST", `/projects/${genomics.slug}/snapshots`, { files: [file] });
    expect(forged.status).toBe(400);
    expect(forged.json.error.message).toMatch(/1 file\(s\) of the snapshot were not uploaded first/);
    // The project that holds it is told it is there (its own dedup still works).
    expect((await rest(anaToken, "POST", "/blobs/missing", { sha256s: [file.sha256], project: vision.slug })).json.missing).toEqual([]);
  });

  it("does not answer which blobs exist without a project the caller can write to", async () => {
    const { vision, genomics, file, anaToken, bobToken, upload } = await twoProjectsOneDirectory();
    await upload(anaToken, vision.slug);
    expect((await rest(bobToken, "POST", "/blobs/missing", { sha256s: [file.sha256] })).json.missing).toEqual([file.sha256]);
    expect((await rest(bobToken, "POST", "/blobs/missing", { sha256s: [file.sha256], project: vision.slug })).status).toBe(404);
    void genomics;
  });
});
