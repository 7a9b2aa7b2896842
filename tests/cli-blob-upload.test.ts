// The one snapshot upload (cli/blob-upload.ts) that `benchtop submit` and the agent's checkpoints
// and outputs share: each missing content PUT once, the question asked in slices, and no search
// per file at the 100,000-file limit.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { uploadMissingBlobs, type BlobTransport } from "../cli/blob-upload";

const sha = (i: number) => i.toString(16).padStart(64, "0");

describe("uploadMissingBlobs", () => {
  it("PUTs each missing content once at 100,000 files, without a search per file", async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "blob-upload-")), "x");
    await fs.writeFile(file, "x");
    // 100,000 files holding 50,000 contents; the server lacks every other one.
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ sha256: sha(i % 50_000), path: `f/${i}` }));
    const asked: number[] = [];
    const put: string[] = [];
    const transport: BlobTransport = {
      missing: async (shas) => {
        asked.push(shas.length);
        return shas.filter((s) => parseInt(s.slice(-8), 16) % 2 === 0);
      },
      put: async (blob, handle) => {
        put.push(blob.sha256);
        expect(await handle.readFile("utf8")).toBe("x");
      },
    };
    const started = performance.now();
    let opened = 0;
    const missing = await uploadMissingBlobs(transport, entries, async () => ((opened++, fs.open(file, "r"))));
    expect(missing).toBe(25_000);
    expect(put).toHaveLength(25_000);
    expect(new Set(put).size).toBe(25_000);
    expect(opened).toBe(25_000);
    expect(Math.max(...asked)).toBeLessThanOrEqual(1000);
    expect(asked.reduce((a, b) => a + b, 0)).toBe(50_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("skips a file gone since it was hashed, and names the file it sends", async () => {
    const seen: string[] = [];
    const transport: BlobTransport = { missing: async (shas) => shas, put: async (blob) => void seen.push(blob.path) };
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "blob-upload-"));
    await fs.writeFile(path.join(dir, "kept"), "k");
    const n = await uploadMissingBlobs(transport, [{ sha256: sha(1), path: "kept" }, { sha256: sha(2), path: "gone" }], (rel) => fs.open(path.join(dir, rel), "r").catch(() => null));
    expect(n).toBe(2);
    expect(seen).toEqual(["kept"]);
  });
});
