// BENCHTOP_CHECKPOINT_DIR while a job runs: every so often (and once at the end) the files are
// compared with what was last saved by size, mtime and inode (and, for files written within a
// clock tick of the last look, by content); when they changed they are hashed, the missing blobs
// uploaded and the new checkpoint posted. Only rank 0 of a multi-node job saves.
import type { AgentClient } from "./client";
import { AgentApiError } from "./client";
import { contentsOf, fingerprintOf, HashMemo, isRacy, type JobDir, type ManifestEntry, manifestOf, scanDirectory, uploadMissingBlobs } from "./dir-upload";

export type SaveResult = { saved: true; checkpointId: string; files: number; bytes: number } | { saved: false; why: "unchanged" | "empty" | "changing" };

export class CheckpointSaver {
  /** What the server already has (the restored checkpoint, then each save), and when we looked. */
  private baseline: { fingerprint: string; contents: string; lookedAt: number } | null = null;
  private readonly memo = new HashMemo();
  private running: Promise<SaveResult> | null = null;

  constructor(
    /** BENCHTOP_CHECKPOINT_DIR as the agent sees it, and whose files count: the job writes it while we read. */
    private readonly dir: JobDir,
    private readonly client: Pick<AgentClient, "missingBlobs" | "uploadBlob" | "checkpoint">,
    private readonly nodeId: string,
    private readonly fencingToken: string,
  ) {}

  /** After a restore: the restored files are on the server already, so they are not a change. */
  async markCurrentAsSaved(restored: ManifestEntry[]): Promise<void> {
    const lookedAt = Date.now();
    this.baseline = { fingerprint: fingerprintOf(await scanDirectory(this.dir)), contents: contentsOf(restored), lookedAt };
  }

  /** One save at a time: a tick that comes while a big checkpoint uploads waits for it instead of starting another. */
  async saveIfChanged(signal?: AbortSignal): Promise<SaveResult> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.save(signal);
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async save(signal?: AbortSignal): Promise<SaveResult> {
    const lookedAt = Date.now();
    const files = await scanDirectory(this.dir);
    const fingerprint = fingerprintOf(files);
    const base = this.baseline;
    if (base && fingerprint === base.fingerprint && !files.some((f) => isRacy(f, base.lookedAt))) return { saved: false, why: "unchanged" };
    // An empty directory is no checkpoint: posting it would make a retry start from nothing.
    if (files.length === 0) return { saved: false, why: "empty" };
    const manifest = await manifestOf(this.dir, files, this.memo);
    const contents = contentsOf(manifest);
    // The job may be writing the checkpoint while we hash it. A half-written one must never be
    // posted, so if anything moved while we read, wait for the next tick (jobs that write to a
    // temp name and rename, as torch.save users are told to, are never caught half-way).
    if (fingerprintOf(await scanDirectory(this.dir)) !== fingerprint) return { saved: false, why: "changing" };
    if (base && contents === base.contents) {
      this.baseline = { fingerprint, contents, lookedAt };
      return { saved: false, why: "unchanged" };
    }
    // A file that vanished between the scan and its hash is no checkpoint of anything: next tick.
    if (manifest.length !== files.length) return { saved: false, why: "changing" };
    try {
      await uploadMissingBlobs(this.client, this.dir, manifest, { signal });
    } catch (e) {
      // The server hashes every upload: a 400 here means the file changed between our hash and the PUT.
      if (e instanceof AgentApiError && e.status === 400) return { saved: false, why: "changing" };
      throw e;
    }
    const { checkpointId } = await this.client.checkpoint(this.nodeId, { fencingToken: this.fencingToken, files: manifest }, signal);
    this.baseline = { fingerprint, contents, lookedAt };
    return { saved: true, checkpointId, files: manifest.length, bytes: manifest.reduce((n, e) => n + e.size, 0) };
  }
}
