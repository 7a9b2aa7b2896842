// `benchtop datasets` and `benchtop data ls|cp|rm`, in the habits of `aws s3`. Bytes move through
// presigned URLs (multipart up, ranged-free GET down), never through the Benchtop server for S3
// stores; a local store's URLs are paths on the server, resolved against its URL.
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { answer, CliError, rest, type Answer } from "../client";
import { resolveConfig, resolveProject, type CliConfig } from "../config";
import { formatBytes } from "../../lib/format-bytes";
import { mediaTypeByName } from "../../lib/media-type";
import { printTable, relativeTime } from "../table";
import { Progress } from "./data-progress";


const PROJECT_HELP = "the project (default: BENCHTOP_PROJECT or `benchtop config set project`)";
const PARALLEL_PARTS = 4;
const PARALLEL_FILES = 4;

/** The remote side of `data cp` is always spelled ds://DATASET/..., so a local folder named like a dataset is never taken for one. */
export const isRemote = (spec: string) => spec.startsWith("ds://");

/** "ds://assays/runs/x.csv" (or, for ls and rm, "assays/runs/x.csv") -> { dataset: "assays", path: "runs/x.csv" } */
export function splitRemote(spec: string): { dataset: string; path: string } {
  const clean = spec.replace(/^ds:\/\//, "");
  const cut = clean.indexOf("/");
  return cut < 0 ? { dataset: clean, path: "" } : { dataset: clean.slice(0, cut), path: clean.slice(cut + 1) };
}

/** The path parameters of a dataset's routes. */
const ds = (projectSlug: string, dataset: string) => ({ path: { projectSlug, dataset } });

async function* listAll(c: CliConfig, project: string, dataset: string, prefix: string, recursive: boolean): AsyncGenerator<{ key: string; size: number; modifiedAt: string } | { folder: string }> {
  let token: string | null = null;
  do {
    const query: { prefix: string; limit: number; token?: string } = { prefix, limit: 1000, ...(token ? { token } : {}) };
    const page: Answer<"/projects/{projectSlug}/datasets/{dataset}/objects", "get"> = await answer(rest(c).GET("/projects/{projectSlug}/datasets/{dataset}/objects", { params: { ...ds(project, dataset), query } }));
    for (const f of page.folders) {
      if (recursive) yield* listAll(c, project, dataset, f.prefix, true);
      else yield { folder: f.prefix };
    }
    for (const o of page.objects) yield o;
    token = page.nextToken;
  } while (token);
}

function absolute(c: CliConfig, url: string): string {
  return new URL(url, c.url + "/").toString();
}

async function uploadFile(c: CliConfig, project: string, dataset: string, file: string, key: string, progress: Progress) {
  const size = (await fs.stat(file)).size;
  const params = ds(project, dataset);
  // Labelled by name as `aws s3 cp` does, so a browser and the dataset preview know what it is.
  const contentType = mediaTypeByName(key) ?? undefined;
  const start = await answer(rest(c).POST("/projects/{projectSlug}/datasets/{dataset}/uploads", { params, body: { key, size, contentType } }));
  const parts: { partNumber: number; etag: string }[] = [];
  try {
    const numbers = Array.from({ length: start.partCount }, (_, i) => i + 1);
    let next = 0;
    const worker = async () => {
      while (next < numbers.length) {
        const n = numbers[next++]!;
        const { urls } = await answer(rest(c).POST("/projects/{projectSlug}/datasets/{dataset}/uploads/part-urls", { params, body: { key, uploadId: start.uploadId, partNumbers: [n] } }));
        const from = (n - 1) * start.partSize;
        const length = Math.max(0, Math.min(start.partSize, size - from));
        const body = length ? await readRange(file, from, length) : new Uint8Array(new ArrayBuffer(0));
        const res = await fetch(absolute(c, urls[0]!.url), { method: "PUT", body });
        if (!res.ok) throw new CliError(`The store refused part ${n} of ${key} (${res.status}): ${(await res.text()).slice(0, 300)}`);
        parts.push({ partNumber: n, etag: res.headers.get("etag") ?? "" });
        progress.add(length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, numbers.length) }, worker));
    await answer(rest(c).POST("/projects/{projectSlug}/datasets/{dataset}/uploads/complete", { params, body: { key, uploadId: start.uploadId, parts: parts.sort((a, b) => a.partNumber - b.partNumber) } }));
  } catch (e) {
    await answer(rest(c).POST("/projects/{projectSlug}/datasets/{dataset}/uploads/abort", { params, body: { key, uploadId: start.uploadId } })).catch(() => undefined);
    throw e;
  }
}

async function readRange(file: string, start: number, length: number): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await fs.open(file, "r");
  try {
    const buf = new Uint8Array(new ArrayBuffer(length));
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(buf, read, length - read, start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buf;
  } finally {
    await handle.close();
  }
}

async function downloadFile(c: CliConfig, project: string, dataset: string, key: string, target: string, progress: Progress) {
  const { url } = await answer(rest(c).POST("/projects/{projectSlug}/datasets/{dataset}/download-url", { params: ds(project, dataset), body: { key } }));
  const res = await fetch(absolute(c, url));
  if (!res.ok || !res.body) throw new CliError(`The store refused ${key} (${res.status}).`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.benchtop-part`;
  const counted = Readable.fromWeb(res.body as import("node:stream/web").ReadableStream).on("data", (chunk: Buffer) => progress.add(chunk.length));
  await pipeline(counted, createWriteStream(tmp));
  await fs.rename(tmp, target);
}

async function localFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.relative(root, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

async function inParallel<T>(items: T[], n: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

export function registerDataCommands(program: Command) {
  const config = () => resolveConfig(program.opts());

  program
    .command("datasets")
    .description("A project's datasets")
    .option("-p, --project <slug>", PROJECT_HELP)
    .option("--json", "print JSON")
    .action(async (opts: { project?: string; json?: boolean }) => {
      const c = await config();
      const project = await resolveProject(opts.project);
      const { datasets } = await answer(rest(c).GET("/projects/{projectSlug}/datasets", { params: { path: { projectSlug: project } } }));
      if (opts.json) return void process.stdout.write(JSON.stringify(datasets, null, 2) + "\n");
      if (datasets.length === 0) return void process.stdout.write(`Project ${project} has no datasets yet. Create one at ${c.url}/projects/${project}/datasets.\n`);
      printTable(
        ["NAME", "STORE", "LOCATION", "VERSION", "CREATED", "DESCRIPTION"],
        datasets.map((d) => [d.name, `${d.store.name} (${d.store.kind})`, "bucket" in d ? `${d.bucket}/${d.prefix}` : "-", d.latestVersion ? `v${d.latestVersion}` : "-", relativeTime(d.createdAt), d.description.slice(0, 60)]),
      );
    });

  const data = program.command("data").description("Files in datasets, like `aws s3`: ls, cp, rm");

  data
    .command("ls")
    .description("List a dataset's folder: PRE for folders, then date, size and name")
    .argument("<dataset[/prefix]>", "e.g. assays or assays/runs/")
    .option("-p, --project <slug>", PROJECT_HELP)
    .option("-r, --recursive", "every object under the prefix")
    .option("-h, --human-readable", "sizes as KiB, MiB, ...")
    .action(async (spec: string, opts: { project?: string; recursive?: boolean; humanReadable?: boolean }) => {
      const c = await config();
      const project = await resolveProject(opts.project);
      const { dataset, path: p } = splitRemote(spec);
      const prefix = p && !p.endsWith("/") ? `${p}/` : p;
      for await (const entry of listAll(c, project, dataset, prefix, Boolean(opts.recursive))) {
        if ("folder" in entry) process.stdout.write(`${"PRE".padStart(30)} ${entry.folder.slice(prefix.length)}\n`);
        else {
          const when = new Date(entry.modifiedAt).toISOString().replace("T", " ").slice(0, 19);
          const size = opts.humanReadable ? formatBytes(entry.size) : String(entry.size);
          process.stdout.write(`${when} ${size.padStart(10)} ${opts.recursive ? entry.key : entry.key.slice(prefix.length)}\n`);
        }
      }
    });

  data
    .command("cp")
    .description("Copy a file or folder into a dataset (LOCAL ds://DATASET/PREFIX/) or out of one (ds://DATASET/KEY LOCAL)")
    .argument("<source>")
    .argument("<destination>")
    .option("-p, --project <slug>", PROJECT_HELP)
    .option("-r, --recursive", "copy a whole folder")
    .action(async (source: string, destination: string, opts: { project?: string; recursive?: boolean }) => {
      const upload = isRemote(destination);
      if (isRemote(source) === upload) {
        throw new CliError(
          upload
            ? `Both ${source} and ${destination} are datasets; copy one side to a local folder first.`
            : `Name the dataset side with ds:// (as aws s3 cp takes s3://): benchtop data cp ${source} ds://DATASET/PREFIX/, or ds://DATASET/KEY ${destination}.`,
          2,
        );
      }
      const c = await config();
      const project = await resolveProject(opts.project);
      if (upload) {
        const local = await fs.stat(source).catch(() => null);
        if (!local) throw new CliError(`${source} does not exist here.`, 2);
        const { dataset, path: p } = splitRemote(destination);
        if (!dataset) throw new CliError(`Name the dataset to copy into, e.g. ${path.basename(source)} ds://assays/incoming/.`, 2);
        let pairs: { file: string; key: string }[];
        if (local.isDirectory()) {
          if (!opts.recursive) throw new CliError(`${source} is a folder; add --recursive to copy it.`, 2);
          const prefix = p && !p.endsWith("/") ? `${p}/` : p;
          pairs = (await localFiles(source)).map((rel) => ({ file: path.join(source, rel), key: prefix + rel.split(path.sep).join("/") }));
        } else {
          pairs = [{ file: source, key: !p || p.endsWith("/") ? p + path.basename(source) : p }];
        }
        const total = (await Promise.all(pairs.map((x) => fs.stat(x.file)))).reduce((s, st) => s + st.size, 0);
        const progress = new Progress(total, pairs.length);
        await inParallel(pairs, PARALLEL_FILES, async ({ file, key }) => {
          await uploadFile(c, project, dataset, file, key, progress);
          progress.fileDone(`upload: ${file} to ${dataset}/${key}`);
        });
        progress.finish();
        return;
      }
      const { dataset, path: p } = splitRemote(source);
      if (!dataset) throw new CliError(`Name the dataset to copy from, e.g. ds://assays/incoming/ ${destination}.`, 2);
      if (!p && !opts.recursive) throw new CliError(`${source} names a whole dataset; add --recursive to copy all of it, or name an object (ds://DATASET/KEY).`, 2);
      const targetIsDir = destination.endsWith("/") || (await fs.stat(destination).then((s) => s.isDirectory(), () => false));
      let pairs: { key: string; target: string; size: number }[];
      if (opts.recursive) {
        const prefix = p && !p.endsWith("/") ? `${p}/` : p;
        pairs = [];
        for await (const e of listAll(c, project, dataset, prefix, true)) {
          if (!("folder" in e)) pairs.push({ key: e.key, target: path.join(destination, ...e.key.slice(prefix.length).split("/")), size: e.size });
        }
        if (pairs.length === 0) throw new CliError(`${dataset}/${prefix} holds no objects.`);
      } else {
        const head = await answer(rest(c).GET("/projects/{projectSlug}/datasets/{dataset}/object", { params: { ...ds(project, dataset), query: { key: p } } }));
        pairs = [{ key: p, target: targetIsDir ? path.join(destination, path.posix.basename(p)) : destination, size: head.size }];
      }
      const progress = new Progress(pairs.reduce((s, x) => s + x.size, 0), pairs.length);
      await inParallel(pairs, PARALLEL_FILES, async ({ key, target }) => {
        await downloadFile(c, project, dataset, key, target, progress);
        progress.fileDone(`download: ${dataset}/${key} to ${target}`);
      });
      progress.finish();
    });

  data
    .command("rm")
    .description("Delete an object, or a folder with --recursive (editors, owners)")
    .argument("<dataset/key>")
    .option("-p, --project <slug>", PROJECT_HELP)
    .option("-r, --recursive", "everything under the folder")
    .action(async (spec: string, opts: { project?: string; recursive?: boolean }) => {
      const c = await config();
      const project = await resolveProject(opts.project);
      const { dataset, path: p } = splitRemote(spec);
      if (!p) throw new CliError("Name what to delete inside the dataset: DATASET/KEY, or DATASET/FOLDER/ with --recursive.", 2);
      const body = opts.recursive ? { prefix: p.endsWith("/") ? p : `${p}/` } : { keys: [p] };
      const { deleted } = await answer(rest(c).POST("/projects/{projectSlug}/datasets/{dataset}/delete", { params: ds(project, dataset), body }));
      process.stdout.write(opts.recursive ? `delete: ${deleted} objects under ${dataset}/${body.prefix}\n` : `delete: ${dataset}/${p}\n`);
    });
}
