// The datasets of one node, as the job sees them (README, "The contract a job sees"):
//
//   BENCHTOP_DATASET_<NAME>        <run>/datasets/<name>/, the objects under their keys (read-only files)
//   BENCHTOP_DATASET_<NAME>_READY  <run>/datasets/<name>.ready, a file that exists once every object is there
//
// (In a sandbox <run>/datasets is /job/datasets, bound read-only: the files are the agent's hard
// links into its cache, mode 0444, in a folder the job cannot write, and the cache itself is
// nowhere in the job's view.)
//
// Copy mode: fetched before the job starts (READY already exists when it starts). Stream mode: the
// folder exists, empty, when the job starts; files appear in key order, each whole at its name;
// READY appears after the last. If a streamed dataset cannot be fetched (an object changed since
// the snapshot, say), <run>/datasets/<name>.failed holds the sentence, the job is stopped, and
// its attempt ends failed with that sentence.
import fs from "node:fs/promises";
import path from "node:path";
import type { TAssignment, TAssignmentDataset } from "../../contract/agent-protocol";
import { LeaseLostError, type AgentClient } from "./client";
import type { DatasetCache } from "./dataset-cache";
import { formatBytes } from "../../lib/format-bytes";
import { DatasetFetchError, describeDataset, describeSummary, fetchDataset, type DatasetSummary } from "./dataset-fetch";
import type { Progress } from "./progress";
import { describeError } from "./retry";

export type JobDatasetsDeps = { client: Pick<AgentClient, "datasetObjects">; datasetCache: DatasetCache; progress: Progress };

export class JobDatasets {
  readonly root: string;
  private readonly streamAbort = new AbortController();
  private readonly streams: Promise<void>[] = [];

  constructor(
    private readonly deps: JobDatasetsDeps,
    private readonly assignment: TAssignment,
    runDir: string,
    private readonly label: string,
    /** A line in the job's own log, prefixed "[benchtop agent]". */
    private readonly note: (line: string) => void,
  ) {
    this.root = path.join(runDir, "datasets");
  }

  dirOf(ds: TAssignmentDataset): string {
    return path.join(this.root, ds.name);
  }

  readyOf(ds: TAssignmentDataset): string {
    return path.join(this.root, `${ds.name}.ready`);
  }

  get any(): boolean {
    return this.assignment.datasets.length > 0;
  }

  /** BENCHTOP_DATASET_<NAME> and BENCHTOP_DATASET_<NAME>_READY for each attached dataset, under `seenAt` (where the job sees the folder: /job/datasets in a sandbox). */
  env(seenAt = this.root): Record<string, string> {
    const env: Record<string, string> = {};
    for (const ds of this.assignment.datasets) {
      env[ds.envName] = path.join(seenAt, ds.name);
      env[`${ds.envName}_READY`] = path.join(seenAt, `${ds.name}.ready`);
    }
    return env;
  }

  /** Every folder made; copy-mode datasets fetched. Returns why the job cannot start, or null. Throws LeaseLostError. */
  async prepare(signal: AbortSignal): Promise<string | null> {
    const all = this.assignment.datasets;
    if (all.length === 0) return null;
    // Readable by the job (its user may be another), writable by the agent only; in the sandbox it is bound read-only.
    await fs.mkdir(this.root, { recursive: true, mode: 0o755 });
    for (const ds of all) await fs.mkdir(this.dirOf(ds), { recursive: true });
    for (const ds of all.filter((d) => d.mode === "copy")) {
      this.note(`${describeDataset(ds)}: fetching ${ds.objectCount.toLocaleString("en-US")} files, ${formatBytes(ds.totalBytes)} before the job starts`);
      this.deps.progress("dataset.fetch", { node: this.label, dataset: ds.name, version: ds.version, files: ds.objectCount, bytes: ds.totalBytes, mode: "copy" });
      try {
        await this.finished(ds, await this.fetch(ds, signal));
      } catch (e) {
        if (e instanceof LeaseLostError || signal.aborted) throw e;
        return this.failureOf(ds, e);
      }
    }
    // Off the job's path: a large cache takes a while to walk.
    void this.evict();
    return null;
  }

  /** Starts each stream-mode dataset in the background; `onFailure` gets the sentence when one cannot be fetched. */
  startStreams(signal: AbortSignal, onFailure: (sentence: string) => void, onLeaseLost: () => void): void {
    const both = AbortSignal.any([signal, this.streamAbort.signal]);
    for (const ds of this.assignment.datasets.filter((d) => d.mode === "stream")) {
      this.note(
        `${describeDataset(ds)}: streaming ${ds.objectCount.toLocaleString("en-US")} files, ${formatBytes(ds.totalBytes)} into $${ds.envName} while the job runs; ` +
          `$${ds.envName}_READY appears when all are there`,
      );
      this.deps.progress("dataset.fetch", { node: this.label, dataset: ds.name, version: ds.version, files: ds.objectCount, bytes: ds.totalBytes, mode: "stream" });
      this.streams.push(
        this.fetch(ds, both)
          .then((summary) => this.finished(ds, summary))
          .then(() => this.evict())
          .catch(async (e) => {
            if (both.aborted) return;
            if (e instanceof LeaseLostError) return onLeaseLost();
            const sentence = this.failureOf(ds, e);
            await fs.writeFile(path.join(this.root, `${ds.name}.failed`), sentence + "\n").catch(() => undefined);
            onFailure(sentence);
          }),
      );
    }
  }

  /** Stops background fetches (the job ended) and waits for them to let go. */
  async stop(): Promise<void> {
    this.streamAbort.abort(new Error("the job ended"));
    await Promise.allSettled(this.streams);
  }

  /** The job's folders go when the node is done, so the cache's eviction can free their space. */
  async remove(): Promise<void> {
    await fs.rm(this.root, { recursive: true, force: true });
  }

  private fetch(ds: TAssignmentDataset, signal: AbortSignal): Promise<DatasetSummary> {
    const a = this.assignment;
    // A long fetch says how far it got in the job's log, every 10 s at most.
    let lastNote = Date.now();
    const onProgress = (so: { files: number; bytes: number }) => {
      if (Date.now() - lastNote < 10_000 || so.files === ds.objectCount) return;
      lastNote = Date.now();
      this.note(`${describeDataset(ds)}: ${so.files.toLocaleString("en-US")} of ${ds.objectCount.toLocaleString("en-US")} files, ${formatBytes(so.bytes)} of ${formatBytes(ds.totalBytes)}`);
    };
    return fetchDataset({
      client: this.deps.client,
      cache: this.deps.datasetCache,
      nodeId: a.nodeId,
      fencingToken: a.fencingToken,
      dataset: ds,
      dir: this.dirOf(ds),
      signal,
      progress: this.deps.progress,
      label: this.label,
      onProgress,
    });
  }

  private async finished(ds: TAssignmentDataset, summary: DatasetSummary): Promise<void> {
    // Written aside and renamed, so READY exists only whole.
    const ready = this.readyOf(ds);
    const tmp = `${ready}.tmp`;
    await fs.writeFile(tmp, JSON.stringify({ dataset: ds.name, version: ds.version, files: summary.files, bytes: summary.bytes }) + "\n");
    await fs.rename(tmp, ready);
    this.note(`${describeDataset(ds)}: ${describeSummary(summary)}${ds.mode === "stream" ? `, all there after ${summary.seconds.toFixed(1)} s` : ""}`);
    this.deps.progress("dataset.ready", {
      node: this.label,
      dataset: ds.name,
      version: ds.version,
      files: summary.files,
      bytes: summary.bytes,
      fromCache: summary.fromCache,
      seconds: summary.seconds.toFixed(1),
    });
  }

  private failureOf(ds: TAssignmentDataset, e: unknown): string {
    const sentence = e instanceof DatasetFetchError ? e.message : `could not fetch ${describeDataset(ds)}: ${describeError(e)}`;
    this.note(sentence);
    this.deps.progress("dataset.failed", { node: this.label, dataset: ds.name, version: ds.version, error: sentence });
    return sentence;
  }

  private async evict(): Promise<void> {
    const result = await this.deps.datasetCache.evictInBackground().catch(() => null);
    if (result?.removed) this.deps.progress("dataset.cache.evicted", { files: result.removed, freedBytes: result.freedBytes, keptBytes: result.keptBytes });
  }
}
