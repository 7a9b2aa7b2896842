// Uploads files straight from the browser to the dataset's store with presigned multipart: the
// app server hands out part URLs and completes the upload, the bytes never pass through it. Files
// go a few at a time, each file's parts a few at a time; a failed file keeps its upload id and
// done parts (resume-store) so a retry sends only the missing parts.
import { errorMessageOf } from "@/lib/trpc-errors";
import { PartError, putPart } from "./put-part";
import { forgetResume, loadResume, resumeKey, saveResume } from "./resume-store";

/** The datasets.upload procedures, bound to one project and dataset. */
export type UploadApi = {
  start(input: { key: string; size: number; contentType: string }): Promise<{ uploadId: string; partSize: number; partCount: number }>;
  partUrls(input: { key: string; uploadId: string; partNumbers: number[] }): Promise<{ partNumber: number; url: string }[]>;
  listParts(input: { key: string; uploadId: string }): Promise<{ partNumber: number; etag: string; size: number }[]>;
  complete(input: { key: string; uploadId: string; parts: { partNumber: number; etag: string }[] }): Promise<unknown>;
  abort(input: { key: string; uploadId: string }): Promise<unknown>;
};

export type UploadStatus = "queued" | "uploading" | "done" | "failed" | "cancelled";

export type UploadItem = {
  id: number;
  key: string;
  size: number;
  loaded: number;
  status: UploadStatus;
  error?: string;
  /** How many bytes a resume found already in the store. */
  resumedBytes?: number;
};

export type UploadSnapshot = {
  items: readonly UploadItem[];
  totalBytes: number;
  loadedBytes: number;
  /** Bytes per second over the last few seconds. */
  speed: number;
  active: boolean;
};

const FILES_IN_FLIGHT = 3;
const PARTS_PER_FILE = 4;
const PART_TRIES = 3;
const URL_BATCH = 16;

type Entry = { item: UploadItem; file: File; controller?: AbortController; uploadId?: string };

export class UploadQueue {
  private entries: Entry[] = [];
  private nextId = 1;
  private running = 0;
  private listeners = new Set<() => void>();
  private snapshot: UploadSnapshot = { items: [], totalBytes: 0, loadedBytes: 0, speed: 0, active: false };
  private samples: { t: number; loaded: number }[] = [];
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: UploadApi,
    private readonly scope: { projectSlug: string; dataset: string },
    private readonly onFileDone: (key: string) => void,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  add(files: { file: File; key: string }[]): void {
    for (const { file, key } of files) {
      this.entries.push({ file, item: { id: this.nextId++, key, size: file.size, loaded: 0, status: "queued" } });
    }
    this.publish(true);
    this.pump();
  }

  cancel(id: number): void {
    const entry = this.entries.find((e) => e.item.id === id);
    if (!entry || entry.item.status === "done" || entry.item.status === "cancelled") return;
    const wasRunning = entry.item.status === "uploading";
    entry.controller?.abort();
    this.update(entry, { status: "cancelled", error: undefined });
    if (!wasRunning) void this.discard(entry);
  }

  cancelAll(): void {
    for (const e of this.entries) this.cancel(e.item.id);
  }

  retry(id: number): void {
    const entry = this.entries.find((e) => e.item.id === id);
    if (!entry || entry.item.status !== "failed") return;
    this.update(entry, { status: "queued", error: undefined });
    this.pump();
  }

  retryFailed(): void {
    for (const e of this.entries) if (e.item.status === "failed") this.update(e, { status: "queued", error: undefined });
    this.pump();
  }

  /** Forgets finished and cancelled files (failed ones stay, to be retried or cancelled). */
  clearFinished(): void {
    this.entries = this.entries.filter((e) => e.item.status !== "done" && e.item.status !== "cancelled");
    this.samples = [];
    this.publish(true);
  }

  private pump(): void {
    while (this.running < FILES_IN_FLIGHT) {
      const next = this.entries.find((e) => e.item.status === "queued");
      if (!next) break;
      this.running += 1;
      this.update(next, { status: "uploading", loaded: 0 });
      void this.upload(next).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async upload(entry: Entry): Promise<void> {
    const { file, item } = entry;
    const controller = new AbortController();
    entry.controller = controller;
    const rk = resumeKey({ ...this.scope, key: item.key, size: file.size, lastModified: file.lastModified });
    try {
      let record = loadResume(rk);
      const done = new Map<number, string>();
      if (record) {
        try {
          const parts = await this.api.listParts({ key: item.key, uploadId: record.uploadId });
          for (const p of parts) if (p.size === partLength(p.partNumber, record.partSize, file.size)) done.set(p.partNumber, p.etag);
        } catch {
          // The store no longer knows that upload (aborted, expired): start over.
          forgetResume(rk);
          record = null;
        }
      }
      if (!record) {
        const started = await this.api.start({ key: item.key, size: file.size, contentType: file.type || "application/octet-stream" });
        record = { uploadId: started.uploadId, partSize: started.partSize, partCount: started.partCount, savedAt: Date.now() };
        saveResume(rk, record);
      }
      const { uploadId, partSize, partCount } = record;
      entry.uploadId = uploadId;
      let doneBytes = 0;
      for (const n of done.keys()) doneBytes += partLength(n, partSize, file.size);
      this.update(entry, { loaded: doneBytes, resumedBytes: doneBytes > 0 ? doneBytes : undefined });

      const missing: number[] = [];
      for (let n = 1; n <= partCount; n++) if (!done.has(n)) missing.push(n);
      const inFlight = new Map<number, number>();
      const urls = new Map<number, string>();
      const urlFor = async (n: number) => {
        if (!urls.has(n)) {
          const batch = [n, ...missing.slice(0, URL_BATCH - 1)];
          for (const u of await this.api.partUrls({ key: item.key, uploadId, partNumbers: batch })) urls.set(u.partNumber, u.url);
        }
        const url = urls.get(n);
        if (!url) throw new PartError(`The server gave no upload link for part ${n}.`, false);
        return url;
      };
      const progress = () => {
        let sum = doneBytes;
        for (const v of inFlight.values()) sum += v;
        this.update(entry, { loaded: sum });
      };
      const worker = async () => {
        for (let n = missing.shift(); n !== undefined; n = missing.shift()) {
          const start = (n - 1) * partSize;
          const body = file.slice(start, Math.min(file.size, start + partSize));
          const etag = await withRetries(async () => {
            inFlight.set(n, 0);
            return putPart(await urlFor(n), body, controller.signal, (loaded) => {
              inFlight.set(n, loaded);
              progress();
            });
          }, controller.signal, () => urls.delete(n));
          inFlight.delete(n);
          done.set(n, etag);
          doneBytes += body.size;
          progress();
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARTS_PER_FILE, Math.max(1, missing.length)) }, worker));
      const parts = [...done.entries()].sort((a, b) => a[0] - b[0]).map(([partNumber, etag]) => ({ partNumber, etag }));
      await this.api.complete({ key: item.key, uploadId, parts });
      forgetResume(rk);
      this.update(entry, { status: "done", loaded: file.size });
      this.onFileDone(item.key);
    } catch (error) {
      if (controller.signal.aborted || entry.item.status === "cancelled") {
        await this.discard(entry, rk);
        return;
      }
      // The upload id and the parts the store holds stay remembered: a retry resumes.
      this.update(entry, { status: "failed", error: messageOf(error) });
    } finally {
      entry.controller = undefined;
    }
  }

  /** A cancelled upload is aborted in the store, so its parts do not linger there. */
  private async discard(entry: Entry, rk?: string): Promise<void> {
    const key = rk ?? resumeKey({ ...this.scope, key: entry.item.key, size: entry.file.size, lastModified: entry.file.lastModified });
    const uploadId = entry.uploadId ?? loadResume(key)?.uploadId;
    forgetResume(key);
    if (uploadId) await this.api.abort({ key: entry.item.key, uploadId }).catch(() => undefined);
  }

  private update(entry: Entry, patch: Partial<UploadItem>): void {
    entry.item = { ...entry.item, ...patch };
    this.publish(patch.status !== undefined);
  }

  /** Progress events arrive many times a second; the page hears of them at most ten times a second. */
  private publish(now: boolean): void {
    if (now) {
      if (this.notifyTimer) clearTimeout(this.notifyTimer);
      this.notifyTimer = null;
      this.emit();
    } else if (!this.notifyTimer) {
      this.notifyTimer = setTimeout(() => {
        this.notifyTimer = null;
        this.emit();
      }, 100);
    }
  }

  private emit(): void {
    let totalBytes = 0;
    let loadedBytes = 0;
    let active = false;
    const items = this.entries.map((e) => e.item);
    for (const i of items) {
      if (i.status === "cancelled") continue;
      totalBytes += i.size;
      loadedBytes += i.loaded;
      if (i.status === "uploading" || i.status === "queued") active = true;
    }
    const now = performance.now();
    this.samples.push({ t: now, loaded: loadedBytes });
    while (this.samples.length > 2 && now - this.samples[0]!.t > 3000) this.samples.shift();
    const first = this.samples[0]!;
    const speed = now - first.t > 250 ? Math.max(0, ((loadedBytes - first.loaded) * 1000) / (now - first.t)) : this.snapshot.speed;
    this.snapshot = { items, totalBytes, loadedBytes, speed: active ? speed : 0, active };
    for (const l of this.listeners) l();
  }
}

export function partLength(partNumber: number, partSize: number, fileSize: number): number {
  const start = (partNumber - 1) * partSize;
  return Math.max(0, Math.min(partSize, fileSize - start));
}

async function withRetries<T>(attempt: () => Promise<T>, signal: AbortSignal, beforeRetry: () => void): Promise<T> {
  for (let tryNumber = 1; ; tryNumber++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof PartError && error.retryable;
      if (!retryable || tryNumber >= PART_TRIES || signal.aborted) throw error;
      beforeRetry();
      await new Promise((r) => setTimeout(r, 400 * 2 ** (tryNumber - 1) * (0.5 + Math.random())));
    }
  }
}

function messageOf(error: unknown): string {
  if (error instanceof PartError) return error.message;
  // tRPC's own sentences (a refused key, a lost connection to Benchtop...), or a generic one.
  return errorMessageOf(error, "The upload failed.");
}
