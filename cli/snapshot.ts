// The directory a job runs on, as `sky launch` takes its workdir: every file under it except what
// .gitignore files (and .benchtopignore) exclude, and .git itself. Contents are uploaded only when
// the project lacks them (content-addressed), then frozen as a snapshot of the project.
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import ignore, { type Ignore } from "ignore";
import { formatBytes } from "../lib/format-bytes";
import { sha256OfHandle, uploadMissingBlobs, type BlobTransport } from "./blob-upload";
import { answer, CliError, rest } from "./client";
import type { CliConfig } from "./config";

export type SnapshotFile = { path: string; abs: string; sha256: string; size: number; mode: number };

const ALWAYS_IGNORED = [".git/", ".benchtop/", "node_modules/", "__pycache__/", ".venv/", ".DS_Store"];
const MAX_FILES = 100_000;

async function readIgnoreFile(dir: string, name: string): Promise<string | null> {
  return fs.readFile(path.join(dir, name), "utf8").catch(() => null);
}

export async function listSnapshotFiles(root: string): Promise<SnapshotFile[]> {
  const files: SnapshotFile[] = [];
  async function walk(dir: string, rules: { base: string; ig: Ignore }[]) {
    const rel = path.relative(root, dir).split(path.sep).join("/");
    const local = ignore().add(ALWAYS_IGNORED);
    for (const name of [".gitignore", ".benchtopignore"]) {
      const text = await readIgnoreFile(dir, name);
      if (text) local.add(text);
    }
    const here = [...rules, { base: rel, ig: local }];
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      const ignored = here.some(({ base, ig }) => {
        const sub = base ? relPath.slice(base.length + 1) : relPath;
        return ig.ignores(e.isDirectory() ? `${sub}/` : sub);
      });
      if (ignored) continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) await walk(abs, here);
      else if (e.isFile()) {
        if (files.length >= MAX_FILES) throw new CliError(`More than ${MAX_FILES} files under ${root}; add a .benchtopignore for data and outputs.`);
        const stat = await fs.stat(abs);
        files.push({ path: relPath, abs, sha256: await hashFile(abs), size: stat.size, mode: stat.mode & 0o111 ? 0o755 : 0o644 });
      }
    }
  }
  await walk(root, []);
  return files;
}

async function hashFile(file: string): Promise<string> {
  const handle = await fs.open(file, "r");
  try {
    return await sha256OfHandle(handle);
  } finally {
    await handle.close();
  }
}

/** /api/v1's blob routes, for one project: what it holds already is skipped (another project's copy is not ours to use). */
function restBlobs(config: CliConfig, projectSlug: string): BlobTransport {
  return {
    missing: async (sha256s) => (await answer(rest(config).POST("/blobs/missing", { body: { sha256s, project: projectSlug } }))).missing,
    put: async ({ sha256, path: rel }, handle) => {
      const res = await fetch(`${config.url}/api/v1/blobs/${sha256}?project=${encodeURIComponent(projectSlug)}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${config.token}`, "content-type": "application/octet-stream", "content-length": String((await handle.stat()).size) },
        body: Readable.toWeb(handle.createReadStream({ start: 0, autoClose: false })) as ReadableStream,
        duplex: "half",
      } as RequestInit);
      if (!res.ok) throw new CliError(`Uploading ${rel} failed: ${((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? res.status}`);
    },
  };
}

export async function uploadSnapshot(config: CliConfig, projectSlug: string, root: string, progress: (msg: string) => void): Promise<string> {
  const files = await listSnapshotFiles(root);
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const byPath = new Map(files.map((f) => [f.path, f.abs]));
  let done = 0;
  await uploadMissingBlobs(restBlobs(config, projectSlug), files, (rel) => fs.open(byPath.get(rel)!, "r").catch(() => null), {
    onMissing: (n) => progress(`${files.length} files (${formatBytes(bytes)}); uploading ${n} new`),
    onUploaded: () => done++,
  });
  if (done) progress(`uploaded ${done} files`);
  const { snapshotId } = await answer(
    rest(config).POST("/projects/{projectSlug}/snapshots", { params: { path: { projectSlug } }, body: { files: files.map((f) => ({ path: f.path, sha256: f.sha256, size: f.size, mode: f.mode })) } }),
  );
  return snapshotId;
}
