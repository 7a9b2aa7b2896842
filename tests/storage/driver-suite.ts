// One suite, two drivers: what datasets and the queue rely on from an ObjectStore, run against
// the local folder driver and against the S3 driver on a real S3-protocol server (s3rver).
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { expect, it } from "vitest";
import { compareKeys } from "../../server/storage/key-order";
import { StorageKeyError, UploadNotFoundError, type ObjectStore } from "../../server/storage/object-store";

export type DriverUnderTest = {
  store: () => ObjectStore;
  /** Presigned URLs of the local driver are paths on the server: resolve them here. */
  absolute: (url: string) => string;
  /**
   * s3rver walks its folders for a listing without a delimiter, so "a/x" comes before "a.txt"
   * and a continuation token repeats keys there; S3 (and the local driver) use byte order.
   */
  walksFoldersFirst?: boolean;
};

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

const ODD_KEYS = [
  "données/été 2026/naïve file (1).csv",
  "spaces/a b  c .txt",
  "emoji/🧪 sample #1.txt",
  "cjk/数据集/表.json",
  "symbols/a+b=c&d;e,f@g$h'i!.bin",
  "private use/\uE000 after.txt",
];

export function driverSuite(d: DriverUnderTest) {
  it("keeps odd Unicode and spaces in keys through put, head, get and list", async () => {
    const store = d.store();
    for (const key of ODD_KEYS) await store.put(`odd/${key}`, Buffer.from(`content of ${key}`));
    for (const key of ODD_KEYS) {
      const info = await store.head(`odd/${key}`);
      expect(info?.size).toBe(Buffer.byteLength(`content of ${key}`));
      expect((await bytesOf(await store.get(`odd/${key}`))).toString()).toBe(`content of ${key}`);
    }
    const listed: string[] = [];
    let token: string | null = null;
    do {
      const page = await store.list("odd/", { token, limit: 2 });
      listed.push(...page.objects.map((o) => o.key));
      token = page.nextToken;
    } while (token);
    expect(listed).toEqual(ODD_KEYS.map((k) => `odd/${k}`).sort(compareKeys));
  });

  it("refuses keys that escape or that no store can hold, in words", async () => {
    const store = d.store();
    for (const key of ["../outside.txt", "a/../../b", "/etc/passwd", "a\\b", "a/./b", "", "nul\u0000byte"]) {
      await expect(store.put(key, Buffer.from("x")), key).rejects.toBeInstanceOf(StorageKeyError);
    }
    await expect(store.get("../../etc/passwd")).rejects.toThrow(/"\.\." segment/);
    await expect(store.put("k/" + "x".repeat(1100), Buffer.from("x"))).rejects.toThrow(/bytes long; the limit is 1024/);
  });

  it("lists page by page with a delimiter: folders and objects in key order, nothing twice", async () => {
    const store = d.store();
    const keys = [
      ...Array.from({ length: 9 }, (_, i) => `tree/file-${String(i).padStart(2, "0")}.csv`),
      "tree/a.txt",
      "tree/a/inner.txt",
      "tree/a/deeper/x.txt",
      "tree/b/one.txt",
      "tree/b0.txt",
      "tree/z/last.txt",
    ];
    await Promise.all(keys.map((k) => store.put(k, Buffer.from(k))));
    const entries: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const page = await store.list("tree/", { delimiter: "/", token, limit: 4 });
      // S3 counts folders and objects against the limit; s3rver counts objects only.
      expect(page.objects.length).toBeLessThanOrEqual(4);
      entries.push(...page.prefixes, ...page.objects.map((o) => o.key));
      token = page.nextToken;
      pages++;
    } while (token);
    expect(pages).toBeGreaterThanOrEqual(3);
    const expected = ["tree/a/", "tree/b/", "tree/z/", "tree/a.txt", "tree/b0.txt", ...keys.filter((k) => k.startsWith("tree/file-"))];
    expect(entries.sort(compareKeys)).toEqual(expected.sort(compareKeys));

    // Without a delimiter: every key under the prefix, in key order, by pages.
    const under = d.walksFoldersFirst ? "tree/file-" : "tree/";
    const all: string[] = [];
    token = null;
    do {
      const page = await store.list(under, { token, limit: 3 });
      all.push(...page.objects.map((o) => o.key));
      token = page.nextToken;
    } while (token);
    expect(all).toEqual(keys.filter((k) => k.startsWith(under)).sort(compareKeys));

    // A name prefix inside a folder (the browser's search).
    const found = await store.list("tree/file-0", { delimiter: "/" });
    expect(found.objects.map((o) => o.key)).toEqual(keys.filter((k) => k.startsWith("tree/file-0")).sort(compareKeys));
  });

  it("reads a byte range", async () => {
    const store = d.store();
    await store.put("range/digits.txt", Buffer.from("0123456789abcdefghij"));
    expect((await bytesOf(await store.get("range/digits.txt", { start: 10, end: 14 }))).toString()).toBe("abcde");
    expect((await bytesOf(await store.get("range/digits.txt", { start: 15 }))).toString()).toBe("fghij");
  });

  it("moves bytes through presigned URLs with plain fetch: GET (and Range), PUT", async () => {
    const store = d.store();
    const body = randomBytes(100_000);
    await store.put("presigned/down.bin", body);
    const get = await fetch(d.absolute(await store.presignGet("presigned/down.bin")));
    expect(get.status).toBe(200);
    expect(Buffer.from(await get.arrayBuffer()).equals(body)).toBe(true);
    const ranged = await fetch(d.absolute(await store.presignGet("presigned/down.bin")), { headers: { range: "bytes=100-199" } });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(body.subarray(100, 200))).toBe(true);

    const up = randomBytes(70_000);
    const put = await fetch(d.absolute(await store.presignPut("presigned/up load.bin")), { method: "PUT", body: up });
    expect(put.status).toBe(200);
    expect((await store.head("presigned/up load.bin"))?.size).toBe(up.length);
    expect((await bytesOf(await store.get("presigned/up load.bin"))).equals(up)).toBe(true);
  });

  it("uploads ~50 MB in presigned multipart parts and reads back the same bytes", async () => {
    const store = d.store();
    const partSize = 8 * 1024 * 1024;
    const data = randomBytes(50 * 1024 * 1024 + 12345);
    const key = "multipart/big file.bin";
    const uploadId = await store.createMultipart(key, { contentType: "application/octet-stream" });
    const count = Math.ceil(data.length / partSize);
    const parts = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const url = d.absolute(await store.presignPart(key, uploadId, i + 1));
        const res = await fetch(url, { method: "PUT", body: data.subarray(i * partSize, (i + 1) * partSize) });
        expect(res.status).toBe(200);
        return { partNumber: i + 1, etag: res.headers.get("etag")! };
      }),
    );
    const info = await store.completeMultipart(key, uploadId, parts);
    expect(info.size).toBe(data.length);
    const back = createHash("sha256").update(await bytesOf(await store.get(key))).digest("hex");
    expect(back).toBe(createHash("sha256").update(data).digest("hex"));
  }, 120_000);

  it("resumes an upload whose part was cut off: list the parts that arrived, send the rest, complete", async () => {
    const store = d.store();
    const partSize = 5 * 1024 * 1024;
    const data = randomBytes(3 * partSize + 1000);
    const key = "resume/interrupted.bin";
    const uploadId = await store.createMultipart(key);
    const send = async (n: number) => {
      const res = await fetch(d.absolute(await store.presignPart(key, uploadId, n)), { method: "PUT", body: data.subarray((n - 1) * partSize, n * partSize) });
      expect(res.status).toBe(200);
    };
    await send(1);
    await send(2);
    // Part 3 dies half-way: the connection drops while its body streams.
    const abort = new AbortController();
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        controller.enqueue(new Uint8Array(data.subarray(2 * partSize, 2 * partSize + 1024 * 1024)));
        await new Promise((r) => setTimeout(r, 50));
        abort.abort();
      },
    });
    const cut = await fetch(d.absolute(await store.presignPart(key, uploadId, 3)), {
      method: "PUT",
      body: slow,
      signal: abort.signal,
      // @ts-expect-error Node's fetch needs duplex for a streamed body
      duplex: "half",
    }).catch((e: Error) => e);
    expect(cut).toBeInstanceOf(Error);

    await new Promise((r) => setTimeout(r, 200));
    const arrived = await store.listParts(key, uploadId);
    const whole = arrived.filter((p) => p.size === partSize).map((p) => p.partNumber);
    expect(whole).toEqual([1, 2]);
    for (let n = 3; n <= 4; n++) await send(n);
    const parts = (await store.listParts(key, uploadId)).map((p) => ({ partNumber: p.partNumber, etag: p.etag }));
    expect(parts.map((p) => p.partNumber)).toEqual([1, 2, 3, 4]);
    await store.completeMultipart(key, uploadId, parts);
    expect((await bytesOf(await store.get(key))).equals(data)).toBe(true);
  }, 60_000);

  it("aborts an upload (its parts go) and deletes many objects at once", async () => {
    const store = d.store();
    const uploadId = await store.createMultipart("abort/x.bin");
    await fetch(d.absolute(await store.presignPart("abort/x.bin", uploadId, 1)), { method: "PUT", body: Buffer.from("part") });
    await store.abortMultipart("abort/x.bin", uploadId);
    await expect(store.listParts("abort/x.bin", uploadId)).rejects.toBeInstanceOf(UploadNotFoundError);
    expect(await store.head("abort/x.bin")).toBeNull();

    const keys = Array.from({ length: 12 }, (_, i) => `many/${i}.txt`);
    await Promise.all(keys.map((k) => store.put(k, Buffer.from(k))));
    expect(await store.deleteMany([...keys, "many/never-there.txt"])).toEqual({ deleted: 13 });
    expect((await store.list("many/")).objects).toEqual([]);
  });
}
