// The agent's dataset cache against a real HTTP server on loopback playing an object store's GET
// (ETag header, If-Match answered 412, 404 for a deleted object), as S3 and the local store's
// presigned route do: one download for two jobs asking at once, a change or a cut-off download
// never visible under a cache name, least recently used files evicted over the cap.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatasetCache, ObjectChangedError } from "../../cli/agent/dataset-cache";
import { parseDataOption } from "../../cli/data-option";

const objects = new Map<string, Buffer>();
const etagOf = (b: Buffer) => createHash("md5").update(b).digest("hex");
let gets = 0;
let server: http.Server;
let base = "";
let dir = "";
/** Keys whose response is cut off after the first bytes (a network failure mid-download). */
const cutOff = new Set<string>();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-dscache-"));
  server = http.createServer((req, res) => {
    gets++;
    const key = decodeURIComponent(req.url!.slice(1));
    const body = objects.get(key);
    if (!body) return void res.writeHead(404).end();
    const etag = `"${etagOf(body)}"`;
    if (req.headers["if-match"] && req.headers["if-match"] !== etag) return void res.writeHead(412).end();
    res.writeHead(200, { etag, "content-length": body.length });
    if (cutOff.has(key)) {
      res.write(body.subarray(0, 10));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    // Slow enough that two callers overlap.
    setTimeout(() => res.end(body), 50);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await fs.rm(dir, { recursive: true, force: true });
});

const entry = (key: string) => {
  const body = objects.get(key)!;
  const etag = etagOf(body);
  return { key, size: body.length, etag, url: `/${encodeURIComponent(key)}`, headers: { "if-match": `"${etag}"` } };
};

describe("the agent's dataset cache", () => {
  it("downloads an object once when two jobs ask at once, and serves it from the cache after", async () => {
    objects.set("train/a.csv", Buffer.from("x,y\n1,2\n3,4\n"));
    const cache = new DatasetCache(path.join(dir, "c1"), null, base);
    gets = 0;
    const [one, two] = await Promise.all([cache.ensure("scope0000000000000", entry("train/a.csv")), cache.ensure("scope0000000000000", entry("train/a.csv"))]);
    expect(one.file).toBe(two.file);
    expect(gets).toBe(1);
    expect(await fs.readFile(one.file, "utf8")).toBe("x,y\n1,2\n3,4\n");
    expect((await fs.stat(one.file)).mode & 0o777).toBe(0o444);
    const again = await cache.ensure("scope0000000000000", entry("train/a.csv"));
    expect(again.fromCache).toBe(true);
    expect(gets).toBe(1);
  });

  it("fetches again an entry a job made writable and overwrote through its hard link", async () => {
    objects.set("train/b.csv", Buffer.from("a,b\n5,6\n"));
    const cache = new DatasetCache(path.join(dir, "c-tamper"), null, base);
    gets = 0;
    const first = await cache.ensure("scope0000000000000", entry("train/b.csv"));
    const jobLink = path.join(dir, "c-tamper-job-b.csv");
    await fs.link(first.file, jobLink);
    await fs.chmod(jobLink, 0o644);
    await fs.writeFile(jobLink, "z,z\n9,9\n"); // same size, other bytes
    const again = await cache.ensure("scope0000000000000", entry("train/b.csv"));
    expect(again.fromCache).toBe(false);
    expect(gets).toBe(2);
    expect(await fs.readFile(again.file, "utf8")).toBe("a,b\n5,6\n");
  });

  it("refuses an object that changed since the snapshot (412) or was deleted (404), and keeps nothing", async () => {
    objects.set("b.txt", Buffer.from("first"));
    const frozen = entry("b.txt");
    objects.set("b.txt", Buffer.from("second version"));
    const cache = new DatasetCache(path.join(dir, "c2"), null, base);
    await expect(cache.ensure("scope0000000000000", frozen)).rejects.toMatchObject({ name: "ObjectChangedError", key: "b.txt", how: "changed" });
    objects.delete("b.txt");
    const err = await cache.ensure("scope0000000000000", frozen).catch((e) => e);
    expect(err).toBeInstanceOf(ObjectChangedError);
    expect(err.how).toBe("deleted");
    await expect(fs.access(cache.pathOf(DatasetCache.keyOf("scope0000000000000", "b.txt", frozen.etag)))).rejects.toThrow();
  });

  it("never leaves a cut-off download under a cache name", async () => {
    objects.set("big.bin", Buffer.alloc(200_000, 7));
    cutOff.add("big.bin");
    const cache = new DatasetCache(path.join(dir, "c3"), null, base);
    await expect(cache.ensure("scope0000000000000", entry("big.bin"))).rejects.toThrow(/broke off|changed/);
    await expect(fs.access(cache.pathOf(DatasetCache.keyOf("scope0000000000000", "big.bin", entry("big.bin").etag)))).rejects.toThrow();
    expect(await fs.readdir(path.join(dir, "c3", "datasets", "tmp"))).toEqual([]);
    cutOff.delete("big.bin");
  });

  it("evicts the least recently used files down to its cap", async () => {
    const cache = new DatasetCache(path.join(dir, "c4"), 2_500, base);
    for (const k of ["e1", "e2", "e3"]) objects.set(k, Buffer.alloc(1_000, k.charCodeAt(1)));
    const files: Record<string, string> = {};
    for (const k of ["e1", "e2", "e3"]) {
      files[k] = (await cache.ensure("scope0000000000000", entry(k))).file;
      await new Promise((r) => setTimeout(r, 20));
    }
    // e1 used again: e2 is now the least recently used.
    await cache.ensure("scope0000000000000", entry("e1"));
    const result = await cache.evict();
    expect(result).toMatchObject({ removed: 1, freedBytes: 1_000, keptBytes: 2_000 });
    await expect(fs.access(files.e2!)).rejects.toThrow();
    await fs.access(files.e1!);
    await fs.access(files.e3!);
  });
});

describe("benchtop submit --data", () => {
  it("reads NAME[:VERSION][@stream] and says what is wrong otherwise", () => {
    expect(parseDataOption("imagenet-mini")).toEqual({ name: "imagenet-mini", version: null, mode: "copy" });
    expect(parseDataOption("imagenet-mini:3")).toEqual({ name: "imagenet-mini", version: 3, mode: "copy" });
    expect(parseDataOption("imagenet-mini@stream")).toEqual({ name: "imagenet-mini", version: null, mode: "stream" });
    expect(parseDataOption("imagenet_mini:12@copy")).toEqual({ name: "imagenet_mini", version: 12, mode: "copy" });
    expect(() => parseDataOption("Imagenet:x")).toThrow(/is not NAME\[:VERSION\]\[@stream\]/);
    expect(() => parseDataOption("imagenet@fast")).toThrow(/is not NAME/);
    expect(() => parseDataOption("imagenet:0")).toThrow(/versions start at 1/);
  });
});
