// The one snapshot upload of the CLI and the agent: files named by SHA-256, ask the server which
// contents it lacks, PUT only those, a few at a time. `benchtop submit` sends a working directory
// this way (cli/snapshot.ts); the agent sends checkpoints and outputs (cli/agent/dir-upload.ts).
// They differ only in how a file is opened (the agent reads a job's folder through checked
// descriptors) and in which API they talk to.
import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";

export type BlobTransport = {
  /** Which of these contents the server lacks (for the CLI: of this project). */
  missing(sha256s: string[], signal?: AbortSignal): Promise<string[]>;
  /** PUTs one content from a descriptor already opened (and, for the agent, checked); `path` is one file that holds it. */
  put(blob: { sha256: string; path: string }, handle: FileHandle, signal?: AbortSignal): Promise<void>;
};

/** Null when the file is gone (or is no longer a file) since it was hashed. */
export type OpenFile = (path: string) => Promise<FileHandle | null>;

/** Asked in slices so many files never make one enormous request. */
const MISSING_SLICE = 1000;

/**
 * PUTs the contents of `entries` the server does not have yet, each once however many files hold
 * it (a Map by SHA-256: no search per file). Returns how many contents the server lacked.
 */
export async function uploadMissingBlobs(
  transport: BlobTransport,
  entries: readonly { sha256: string; path: string }[],
  open: OpenFile,
  opts: { signal?: AbortSignal; concurrency?: number; onMissing?: (count: number) => void; onUploaded?: (path: string) => void } = {},
): Promise<number> {
  const { signal, concurrency = 4 } = opts;
  const pathBySha = new Map<string, string>();
  for (const e of entries) if (!pathBySha.has(e.sha256)) pathBySha.set(e.sha256, e.path);
  const shas = [...pathBySha.keys()];
  const missing: string[] = [];
  for (let i = 0; i < shas.length; i += MISSING_SLICE) missing.push(...(await transport.missing(shas.slice(i, i + MISSING_SLICE), signal)));
  opts.onMissing?.(missing.length);
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const sha = missing[next++]!;
      const rel = pathBySha.get(sha);
      if (!rel) continue;
      const handle = await open(rel);
      // Gone since it was hashed: the server then lacks a blob the manifest names and refuses the
      // manifest, in its own words.
      if (!handle) continue;
      try {
        await transport.put({ sha256: sha, path: rel }, handle, signal);
      } finally {
        await handle.close();
      }
      opts.onUploaded?.(rel);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, missing.length) }, worker));
  return missing.length;
}

/** SHA-256 of an open file, from its start. */
export async function sha256OfHandle(handle: FileHandle): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
