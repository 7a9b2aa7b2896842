// Bytes in and out: binary files are never turned into text, uploads name the version they
// replace, and folders download as zip or tar that standard tools read back.
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFile } from "../server/files/read-file";
import { listTree } from "../server/files/tree";
import { writeFile } from "../server/files/write-file";
import { dispatchRest } from "../server/rest/edge";
import { openApiDocument } from "../server/rest/document";
import { createApiToken } from "../server/tokens/api-tokens";
import { createProjectFor, createUser } from "./support/factories";

// The byte routes, reached as Next reaches them: through the REST edge (server/rest/bytes.ts).
const downloadFileContentRoute = (req: Request, _projectSlug: string) => dispatchRest(req);
const uploadFileContentRoute = downloadFileContentRoute;

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

async function setup() {
  const ana = await createUser({ name: "Ana Souza" });
  const project = await createProjectFor(ana);
  const { token } = await createApiToken({ actorId: ana.id, name: "files test" });
  const url = (p: string | null, extra = "") => `http://benchtop.test/api/v1/projects/${project.slug}/files/content?${p === null ? "" : `path=${encodeURIComponent(p)}`}${extra}`;
  const auth = { authorization: `Bearer ${token}` };
  return { ana, project, projectSlug: project.slug, token, url, auth };
}

describe("binary and large files", () => {
  it("reads binary as no text, and text with a NUL byte as binary", async () => {
    const { ana, projectSlug } = await setup();
    await writeFile({ actorId: ana.id, projectSlug, path: "plots/loss.png", baseVersion: null, bytes: PNG });
    await writeFile({ actorId: ana.id, projectSlug, path: "weird.txt", baseVersion: null, bytes: Buffer.from("a\u0000b") });
    await writeFile({ actorId: ana.id, projectSlug, path: "latin1.txt", baseVersion: null, bytes: Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
    for (const p of ["plots/loss.png", "weird.txt", "latin1.txt"]) {
      expect(await readFile({ actorId: ana.id, projectSlug, path: p })).toMatchObject({ isText: false, content: null });
    }
    const tree = await listTree({ actorId: ana.id, projectSlug });
    expect(tree.files.find((f) => f.path === "plots/loss.png")!.isText).toBe(false);
    expect(tree.files.find((f) => f.path === "weird.txt")!.isText).toBe(false);
  });

  it("opens a 5 MB text file as text", async () => {
    const { ana, projectSlug } = await setup();
    const line = "step,loss,accuracy,0.123456789,0.987654321\n";
    const text = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    await writeFile({ actorId: ana.id, projectSlug, path: "metrics.csv", baseVersion: null, bytes: Buffer.from(text) });
    const read = await readFile({ actorId: ana.id, projectSlug, path: "metrics.csv" });
    expect(read.isText).toBe(true);
    expect(read.content!.length).toBe(text.length);
  });
});

describe("REST bytes", () => {
  it("uploads without If-Match only to a free path, replaces with If-Match, and refuses a stale one", async () => {
    const { url, auth, projectSlug } = await setup();
    const put = (p: string, body: Buffer, headers: Record<string, string> = {}) =>
      uploadFileContentRoute(new Request(url(p), { method: "PUT", body: new Uint8Array(body), headers: { ...auth, ...headers } }), projectSlug);
    expect((await put("img/a.png", PNG)).status).toBe(201);
    const again = await put("img/a.png", PNG);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain("already exists");
    const replaced = await put("img/a.png", Buffer.concat([PNG, PNG]), { "if-match": "1" });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get("etag")).toBe('"2"');
    const stale = await put("img/a.png", PNG, { "if-match": "1" });
    expect(stale.status).toBe(409);
    const bad = await put("../escape.png", PNG);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('goes up a folder with ".."');

    const got = await downloadFileContentRoute(new Request(url("img/a.png"), { headers: auth }), projectSlug);
    expect(got.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''a.png");
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.concat([PNG, PNG]))).toBe(true);
    const inline = await downloadFileContentRoute(new Request(url("img/a.png", "&inline=1"), { headers: auth }), projectSlug);
    expect(inline.headers.get("content-type")).toBe("image/png");
  });

  it("downloads a folder as zip and tar that unzip and tar read back", async () => {
    const { ana, url, auth, projectSlug } = await setup();
    const long = `src/${"deep/".repeat(25)}model.py`;
    for (const [p, body] of [["src/train.py", "print('train')\n"], ["src/data/x.bin", PNG], [long, "x = 1\n"], ["other.md", "# other\n"]] as const) {
      await writeFile({ actorId: ana.id, projectSlug, path: p, baseVersion: null, bytes: Buffer.from(body) });
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-archive-"));
    for (const format of ["zip", "tar"] as const) {
      const res = await downloadFileContentRoute(new Request(url("src", `&format=${format}`), { headers: auth }), projectSlug);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''src.${format}`);
      const file = path.join(dir, `src.${format}`);
      await fs.writeFile(file, Buffer.from(await res.arrayBuffer()));
      const out = path.join(dir, format);
      await fs.mkdir(out);
      if (format === "zip") execFileSync("python3", ["-m", "zipfile", "-e", file, out]);
      else execFileSync("tar", ["-xf", file, "-C", out]);
      expect(await fs.readFile(path.join(out, "src/train.py"), "utf8")).toBe("print('train')\n");
      expect((await fs.readFile(path.join(out, "src/data/x.bin"))).equals(PNG)).toBe(true);
      expect(await fs.readFile(path.join(out, long), "utf8")).toBe("x = 1\n");
      await expect(fs.stat(path.join(out, "other.md"))).rejects.toThrow();
    }
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("saves text through the JSON route, which the OpenAPI document lists", async () => {
    const { token, projectSlug, ana } = await setup();
    await writeFile({ actorId: ana.id, projectSlug, path: "a.py", baseVersion: null, bytes: Buffer.from("1") });
    const res = await dispatchRest(
      new Request(`http://benchtop.test/api/v1/projects/${projectSlug}/files/text`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ path: "a.py", baseVersion: 1, content: "2" }),
      }),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: number }).version).toBe(2);
    const doc = openApiDocument("http://benchtop.test") as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/projects/{projectSlug}/files", "/projects/{projectSlug}/files/text", "/projects/{projectSlug}/files/history"]));
  });
});
