// Content-addressed blob cache shared by every run on this agent: <work-dir>/cache/blobs/ab/cdef...
// A blob is downloaded once, verified against its SHA-256, then renamed into place (atomic), so a
// half-written or corrupt file never sits under a hash name. Jobs get copies, never the cached
// file itself (see snapshot.ts).
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { AgentClient } from "./client";

export const SHA256 = /^[a-f0-9]{64}$/;

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export class BlobCache {
  private readonly blobsDir: string;
  private readonly tmpDir: string;
  /** Downloads in flight, so two jobs (or two files of one job) needing one blob fetch it once. */
  private readonly inFlight = new Map<string, Promise<string>>();
  downloads = 0;

  constructor(
    cacheDir: string,
    private readonly client: Pick<AgentClient, "downloadBlob">,
  ) {
    this.blobsDir = path.join(cacheDir, "blobs");
    this.tmpDir = path.join(cacheDir, "tmp");
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`"${sha256}" is not a SHA-256`);
    return path.join(this.blobsDir, sha256.slice(0, 2), sha256.slice(2));
  }

  /** The cached file for this blob, downloading it first when it is not cached (or its size is wrong). */
  async ensure(sha256: string, size: number, signal?: AbortSignal): Promise<string> {
    const file = this.pathOf(sha256);
    const stat = await fs.stat(file).catch(() => null);
    if (stat?.isFile() && stat.size === size) return file;
    let pending = this.inFlight.get(sha256);
    if (!pending) {
      pending = this.download(sha256, file, signal).finally(() => this.inFlight.delete(sha256));
      this.inFlight.set(sha256, pending);
    }
    return pending;
  }

  private async download(sha256: string, file: string, signal?: AbortSignal): Promise<string> {
    await fs.mkdir(this.tmpDir, { recursive: true });
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = path.join(this.tmpDir, `${sha256.slice(0, 12)}-${randomUUID()}`);
    try {
      this.downloads++;
      const got = await this.client.downloadBlob(sha256, tmp, signal);
      if (got.sha256 !== sha256) {
        throw new Error(`blob ${sha256.slice(0, 12)} arrived with different content (SHA-256 ${got.sha256.slice(0, 12)}, ${got.size} bytes)`);
      }
      // Read-only: nothing on this machine should edit a cached blob in place.
      await fs.chmod(tmp, 0o444);
      await fs.rename(tmp, file);
      return file;
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }
}
