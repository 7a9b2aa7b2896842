import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalObjectStore } from "../../server/storage/local-store";
import { driverSuite } from "./driver-suite";
import { serveLocalRoute } from "./local-http";

describe("local driver", () => {
  let root: string;
  let store: LocalObjectStore;
  let server: Awaited<ReturnType<typeof serveLocalRoute>>;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "bt-local-store-"));
    store = new LocalObjectStore(path.join(root, "bucket"), { signing: { store: "test-store", bucket: "bucket" } });
    server = await serveLocalRoute(async (s, b) => (s === "test-store" && b === "bucket" ? store : null));
  });
  afterAll(async () => {
    await server.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  driverSuite({ store: () => store, absolute: (url) => new URL(url, server.url).toString() });

  it("never lets a key land outside its folder, even through a symlink-free ../ in a listing prefix", async () => {
    await fs.writeFile(path.join(root, "secret.txt"), "outside");
    expect((await store.list("../")).objects).toEqual([]);
    expect((await store.list("../", { delimiter: "/" })).objects).toEqual([]);
  });

  it("refuses a tampered, expired or wrong-method presigned URL", async () => {
    await store.put("signed/file.txt", Buffer.from("hello"));
    const url = new URL(await store.presignGet("signed/file.txt"), server.url);
    const tampered = new URL(url.toString().replace("file.txt", "other.txt"));
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(url, { method: "PUT", body: "x" })).status).toBe(403);
    const expired = new URL(await store.presignGet("signed/file.txt", { expiresIn: -5 }), server.url);
    const res = await fetch(expired);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it("answers every refusal as the other edges do: a code, a sentence and the request id, readable by a browser (CORS)", async () => {
    await store.put("ids/file.txt", Buffer.from("hello"));
    const url = new URL(await store.presignGet("ids/file.txt"), server.url);
    const tampered = new URL(url.toString().replace("file.txt", "other.txt"));
    for (const [res, status, code] of [
      [await fetch(tampered, { headers: { "x-request-id": "req-local-1" } }), 403, "forbidden"],
      [await fetch(url, { headers: { "if-match": '"stale"', "x-request-id": "req-local-2" } }), 412, "precondition_failed"],
    ] as const) {
      expect(res.status).toBe(status);
      const id = res.headers.get("x-request-id");
      expect(id).toMatch(/^req-local-\d$/);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(await res.json()).toEqual({ error: { code, message: expect.stringMatching(/\.$/), requestId: id } });
    }
  });

  it("answers If-Match with 412 once the object changed, and exposes ETag to browsers", async () => {
    const info = await store.put("etag/file.txt", Buffer.from("v1"));
    const url = new URL(await store.presignGet("etag/file.txt"), server.url);
    const ok = await fetch(url, { headers: { "if-match": `"${info.etag}"` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-expose-headers")).toMatch(/ETag/);
    await store.put("etag/file.txt", Buffer.from("v2"));
    expect((await fetch(url, { headers: { "if-match": `"${info.etag}"` } })).status).toBe(412);
  });
});
