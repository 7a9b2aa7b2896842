// A snapshot's files put in place from its manifest, blobs through the agent's content-addressed
// cache. Blobs come from FakeAgentServer, a STAND-IN for the server's blob routes that counts
// downloads and can serve wrong bytes.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobCache } from "../../cli/agent/blob-cache";
import { AgentClient } from "../../cli/agent/client";
import { materialiseManifest } from "../../cli/agent/snapshot";
import { FakeAgentServer, sha256 } from "./support/fake-agent-server";

let server: FakeAgentServer;
let client: AgentClient;
let dir: string;

beforeAll(async () => {
  server = await new FakeAgentServer().start();
  client = new AgentClient(server.url, server.token);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-snap-"));
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("snapshot materialisation", () => {
  it("puts every file in place with its mode, and a second run reuses the cache without downloading", async () => {
    const id = server.addSnapshot({
      "train.py": "print('hello')\n",
      "run.sh": ["#!/bin/bash\necho run\n", 0o755],
      "conf/a.yaml": "lr: 0.1\n",
      "conf/copy-of-a.yaml": "lr: 0.1\n",
      "data/empty.txt": "",
    });
    const manifest = server.snapshots.get(id)!;
    const cache = new BlobCache(path.join(dir, "cache"), client);
    const before = server.blobGets;

    const first = path.join(dir, "run1", "files");
    expect(await materialiseManifest(manifest, first, cache)).toEqual({ files: 5, bytes: manifest.files.reduce((n, f) => n + f.size, 0) });
    // Four distinct contents: the duplicate file was fetched once.
    expect(server.blobGets - before).toBe(4);
    expect(await fs.readFile(path.join(first, "conf/a.yaml"), "utf8")).toBe("lr: 0.1\n");
    expect((await fs.stat(path.join(first, "run.sh"))).mode & 0o777).toBe(0o755);
    expect((await fs.stat(path.join(first, "train.py"))).mode & 0o777).toBe(0o644);
    const hash = sha256("print('hello')\n");
    const cached = path.join(dir, "cache", "blobs", hash.slice(0, 2), hash.slice(2));
    expect(await fs.readFile(cached, "utf8")).toBe("print('hello')\n");

    const second = path.join(dir, "run2", "files");
    await materialiseManifest(manifest, second, new BlobCache(path.join(dir, "cache"), client));
    expect(server.blobGets - before).toBe(4);
    expect(await fs.readFile(path.join(second, "train.py"), "utf8")).toBe("print('hello')\n");

    // A job editing its copy in place does not touch the cache or the other run.
    await fs.writeFile(path.join(first, "train.py"), "print('edited')\n");
    expect(await fs.readFile(cached, "utf8")).toBe("print('hello')\n");
    expect(await fs.readFile(path.join(second, "train.py"), "utf8")).toBe("print('hello')\n");
  });

  it("refuses a blob whose bytes do not match its hash, and caches nothing under that hash", async () => {
    const good = "the real content\n";
    const hash = sha256(good);
    server.blobs.set(hash, Buffer.from("tampered content\n"));
    const cache = new BlobCache(path.join(dir, "cache-bad"), client);
    const manifest = { files: [{ path: "x.txt", sha256: hash, size: good.length, mode: 0o644 }] };
    await expect(materialiseManifest(manifest, path.join(dir, "run-bad"), cache)).rejects.toThrow(/arrived with different content/);
    await expect(fs.stat(cache.pathOf(hash))).rejects.toThrow(/ENOENT/);
  });

  it("refuses paths that could leave the run directory before fetching anything", async () => {
    const before = server.blobGets;
    const { sha256: hash, size } = server.putBlob("x");
    for (const bad of ["../escape.txt", "/etc/passwd", "a/../../b", "a//b", "./a"]) {
      const manifest = { files: [{ path: bad, sha256: hash, size, mode: 0o644 }] };
      await expect(materialiseManifest(manifest, path.join(dir, "run-unsafe"), new BlobCache(path.join(dir, "cache"), client))).rejects.toThrow(/unsafe path/);
    }
    expect(server.blobGets).toBe(before);
    await expect(fs.stat(path.join(dir, "escape.txt"))).rejects.toThrow(/ENOENT/);
  });

  it("fails with the server's answer when a blob is missing", async () => {
    const manifest = { files: [{ path: "gone.bin", sha256: "a".repeat(64), size: 3, mode: 0o644 }] };
    await expect(materialiseManifest(manifest, path.join(dir, "run-missing"), new BlobCache(path.join(dir, "cache"), client))).rejects.toThrow(/404/);
  });
});
