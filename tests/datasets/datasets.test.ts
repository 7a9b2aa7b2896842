// Datasets through the tRPC caller the browser uses: previews of each kind, browsing by pages,
// uploads through presigned URLs, snapshots and diffs, and who may do what.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetLab, startRoute, uploadThroughApi } from "./lab";

const FIXTURES = fileURLToPath(new URL("../../server/seed/demo-datasets/files", import.meta.url));
let route: Awaited<ReturnType<typeof startRoute>>;

beforeAll(async () => {
  route = await startRoute();
});
afterAll(async () => {
  await route.stop();
});

async function labWithFiles() {
  const lab = await datasetLab();
  for (const rel of ["measurements/variants.csv", "measurements/assays.tsv", "measurements/stability.parquet", "logs/predictions.jsonl", "arrays/embeddings.npy", "images/melting-curves.png", "config/run.json", "README.md"]) {
    await uploadThroughApi(lab.ben, route.url, lab.ref, rel, await fs.readFile(path.join(FIXTURES, rel)));
  }
  return lab;
}

describe("previews", () => {
  it("shows each kind of file without downloading it", async () => {
    const { vic, ref } = await labWithFiles();
    const csv = await vic.datasets.preview({ ...ref, key: "measurements/variants.csv" });
    expect(csv.kind).toBe("table");
    if (csv.kind !== "table") return;
    expect(csv.format).toBe("csv");
    expect(csv.columns).toEqual(["variant", "tm_celsius", "ddg_kcal_mol", "note"]);
    expect(csv.rows).toHaveLength(60);
    expect(csv.totalRows).toBe(60);
    expect(csv.rows.every((r) => r.length === 4)).toBe(true);
    const notes = csv.rows.map((r) => r[3]);
    expect(notes).toContain('buffer "B2", pH 7.4'); // a comma and escaped quotes inside quotes
    expect(notes).toContain("aggregated\nafter 60 °C"); // a line break inside quotes

    const tsv = await vic.datasets.preview({ ...ref, key: "measurements/assays.tsv" });
    expect(tsv).toMatchObject({ kind: "table", format: "tsv", columns: ["assay", "instrument", "temperature_range", "ramp_c_per_min"] });
    if (tsv.kind === "table") expect(tsv.rows[1]).toEqual(["CD", "Jasco J-815", "20-90", "0.5"]);

    const parquet = await vic.datasets.preview({ ...ref, key: "measurements/stability.parquet" });
    expect(parquet).toMatchObject({ kind: "table", format: "parquet", totalRows: 240, truncated: true, columns: ["variant", "tm_celsius", "ddg_kcal_mol", "assay", "passed_qc"] });
    if (parquet.kind === "table") {
      expect(parquet.rows).toHaveLength(100);
      expect(parquet.schema?.map((s) => s.type)).toEqual(["STRING", "DOUBLE", "DOUBLE", "STRING", "BOOLEAN"]);
      expect(parquet.rows[0]![3]).toBe("DSF");
    }

    const jsonl = await vic.datasets.preview({ ...ref, key: "logs/predictions.jsonl" });
    expect(jsonl).toMatchObject({ kind: "text", format: "jsonl", truncated: false });
    if (jsonl.kind === "text") expect(jsonl.text.split("\n")).toHaveLength(40);

    const json = await vic.datasets.preview({ ...ref, key: "config/run.json" });
    expect(json).toMatchObject({ kind: "text", format: "json" });
    if (json.kind === "text") expect(json.text).toContain('\n  "model": "gradient-boosting"'); // pretty-printed

    expect(await vic.datasets.preview({ ...ref, key: "arrays/embeddings.npy" })).toEqual({ kind: "npy", dtype: "<f4", shape: [60, 32], fortranOrder: false });

    const image = await vic.datasets.preview({ ...ref, key: "images/melting-curves.png" });
    expect(image).toMatchObject({ kind: "image", contentType: "image/png" });
    if (image.kind === "image") {
      const res = await fetch(new URL(image.url, route.url));
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await res.arrayBuffer()).equals(await fs.readFile(path.join(FIXTURES, "images/melting-curves.png")))).toBe(true);
    }
  });

  it("reads only the first part of a big CSV and says the table goes on", async () => {
    const { ben, ref } = await datasetLab();
    const lines = ["id,text"];
    for (let i = 0; i < 20_000; i++) lines.push(`${i},"row ""${i}"", with a comma"`);
    await uploadThroughApi(ben, route.url, ref, "big.csv", Buffer.from(lines.join("\n")));
    const preview = await ben.datasets.preview({ ...ref, key: "big.csv" });
    expect(preview).toMatchObject({ kind: "table", truncated: true, totalRows: null });
    if (preview.kind === "table") expect(preview.rows[5]).toEqual(["5", 'row "5", with a comma']);
    expect(await ben.datasets.preview({ ...ref, key: "nothing.bin" }).catch((e: Error) => e.message)).toMatch(/There is no object "nothing.bin"/);
  });
});

describe("browsing", () => {
  it("pages through a folder with a token, filters by name, and details one object", async () => {
    const { ben, vic, ref } = await datasetLab();
    for (let i = 0; i < 7; i++) await uploadThroughApi(ben, route.url, ref, `runs/run-${i}.txt`, Buffer.from(`run ${i}`));
    await uploadThroughApi(ben, route.url, ref, "runs/sub/inner.txt", Buffer.from("inner"));
    await uploadThroughApi(ben, route.url, ref, "runs/other.txt", Buffer.from("other"));
    const seen: string[] = [];
    let token: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof vic.datasets.browse>> = await vic.datasets.browse({ ...ref, prefix: "runs/", limit: 4, token });
      seen.push(...page.folders.map((f) => f.prefix), ...page.objects.map((o) => o.key));
      token = page.nextToken;
    } while (token);
    expect(seen).toHaveLength(9);
    expect(seen).toContain("runs/sub/");
    const found = await vic.datasets.browse({ ...ref, prefix: "runs/", search: "run-" });
    expect(found.objects.map((o) => o.name)).toEqual(Array.from({ length: 7 }, (_, i) => `run-${i}.txt`));
    expect(found.folders).toEqual([]);
    const top = await vic.datasets.browse({ ...ref });
    expect(top.folders).toEqual([{ name: "runs", prefix: "runs/" }]);

    const head = await vic.datasets.head({ ...ref, key: "runs/run-3.txt" });
    expect(head).toMatchObject({ key: "runs/run-3.txt", size: 5, contentType: "text/plain" });
    expect(await vic.datasets.folderSize({ ...ref, prefix: "runs/" })).toEqual({ objects: 9, bytes: 7 * 5 + 5 + 5, complete: true });

    const { url, expiresAt } = await vic.datasets.downloadUrl({ ...ref, key: "runs/run-3.txt" });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    const res = await fetch(new URL(url, route.url));
    expect(await res.text()).toBe("run 3");
    expect(res.headers.get("content-disposition")).toContain("run-3.txt");
  });

  it("keeps the dataset's prefix on disk and refuses keys that would leave it", async () => {
    const { ben, ref, root } = await datasetLab();
    await uploadThroughApi(ben, route.url, ref, "été/naïve file.txt", Buffer.from("ok"));
    expect(await fs.readFile(path.join(root, "lab-bucket", "stability", "été", "naïve file.txt"), "utf8")).toBe("ok");
    await expect(ben.datasets.upload.start({ ...ref, key: "../escape.txt", size: 1 })).rejects.toThrow(/"\.\." segment/);
    await expect(ben.datasets.head({ ...ref, key: "../../etc/passwd" })).rejects.toThrow(/"\.\." segment/);
  });
});

describe("snapshots", () => {
  it("freezes the list of keys and says what changed since, against a later one or the live dataset", async () => {
    const { ben, vic, ref } = await datasetLab();
    for (const k of ["a.txt", "b.txt", "c.txt"]) await uploadThroughApi(ben, route.url, ref, k, Buffer.from(k));
    const v1 = await ben.datasets.snapshots.create({ ...ref, note: "first" });
    expect(v1).toMatchObject({ version: 1, objectCount: 3, totalBytes: 15, note: "first" });
    await uploadThroughApi(ben, route.url, ref, "b.txt", Buffer.from("b changed"));
    await uploadThroughApi(ben, route.url, ref, "d.txt", Buffer.from("d"));
    await ben.datasets.deleteObjects({ ...ref, keys: ["c.txt"] });
    const live = await vic.datasets.snapshots.diff({ ...ref, from: 1, to: "live" });
    expect(live).toEqual({ added: { count: 1, keys: ["d.txt"] }, removed: { count: 1, keys: ["c.txt"] }, changed: { count: 1, keys: ["b.txt"] } });
    const v2 = await ben.datasets.snapshots.create({ ...ref });
    expect(v2.version).toBe(2);
    expect(await vic.datasets.snapshots.diff({ ...ref, from: 1, to: 2 })).toEqual(live);
    expect(await vic.datasets.snapshots.diff({ ...ref, from: 2, to: "live" })).toEqual({ added: { count: 0, keys: [] }, removed: { count: 0, keys: [] }, changed: { count: 0, keys: [] } });
    expect((await vic.datasets.snapshots.list(ref)).map((s) => s.version)).toEqual([2, 1]);
    expect((await vic.datasets.list({ projectSlug: ref.projectSlug }))[0]!.latestVersion).toBe(2);
    await expect(vic.datasets.snapshots.diff({ ...ref, from: 9, to: "live" })).rejects.toThrow(/has no version 9/);
  });
});

describe("roles", () => {
  it("lets viewers read and only editors write; outsiders see nothing; only directors manage stores", async () => {
    const { vic, ben, ana, eve, ref, projectSlug, store } = await datasetLab();
    await uploadThroughApi(ben, route.url, ref, "x.txt", Buffer.from("x"));
    expect((await vic.datasets.browse(ref)).objects.map((o) => o.key)).toEqual(["x.txt"]);
    await expect(vic.datasets.deleteObjects({ ...ref, keys: ["x.txt"] })).rejects.toThrow(/needs the editor role/);
    await expect(vic.datasets.upload.start({ ...ref, key: "y.txt", size: 1 })).rejects.toThrow(/needs the editor role/);
    await expect(vic.datasets.snapshots.create(ref)).rejects.toThrow(/needs the editor role/);
    await expect(ben.datasets.remove(ref)).rejects.toThrow(/needs the owner role/);
    await expect(eve.datasets.browse(ref)).rejects.toThrow(/was not found/);
    await expect(eve.datasets.list({ projectSlug })).rejects.toThrow(/was not found/);
    await expect(ana.datasets.stores.create({ name: "mine", kind: "local", localRoot: "/tmp/mine" })).rejects.toThrow(/Only lab admins and directors/);
    await expect(ana.datasets.stores.delete({ id: store.id })).rejects.toThrow(/Only lab admins and directors/);
    expect(await ben.datasets.deleteObjects({ ...ref, prefix: "" }).catch((e: Error) => e.message)).toMatch(/prefix/);
    expect(await ben.datasets.deleteObjects({ ...ref, keys: ["x.txt"] })).toEqual({ deleted: 1 });
    await ana.datasets.remove(ref);
    expect(await ana.datasets.list({ projectSlug })).toEqual([]);
  });
});
