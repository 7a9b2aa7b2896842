// Previews without downloading the file: range reads of the first part (CSV/TSV, JSON, text, the
// .npy header), Parquet's footer and first row group through hyparquet over range reads, and a
// presigned URL for images. Whatever cannot be previewed says why.
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type AsyncBuffer } from "hyparquet";
import type { Readable } from "node:stream";
import { AppError } from "../errors";
import { contentTypeOf } from "../storage/content-type";
import type { ObjectInfo, ObjectStore } from "../storage/object-store";
import { storeCall } from "./browse";
import { parseDelimited } from "./csv";
import { parseNpyHeader } from "./npy";
import { loadDataset, type DatasetArgs } from "./open-store";
import type { TPreview } from "./schemas";

export const PREVIEW_BYTES = 256 * 1024;
export const PREVIEW_ROWS = 100;
const IMAGE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "webp", "gif"]);
const TEXT_EXTENSIONS = new Set(["txt", "md", "log", "py", "r", "yaml", "yml", "xml", "toml", "ini", "cfg", "sh", "fasta", "fa", "pdb", "tex", "html", "js", "ts"]);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

async function readHead(objects: ObjectStore, info: ObjectInfo, bytes: number): Promise<{ buffer: Buffer; partial: boolean }> {
  if (info.size === 0) return { buffer: Buffer.alloc(0), partial: false };
  const partial = info.size > bytes;
  return { buffer: await readAll(await objects.get(info.key, { start: 0, end: Math.min(info.size, bytes) - 1 })), partial };
}

/** UTF-8 text of a buffer that may end inside a character: the broken tail is dropped. */
function utf8(buffer: Buffer, partial: boolean): string {
  let text = buffer.toString("utf8");
  if (partial) text = text.replace(/\uFFFD+$/, "");
  return text;
}

function looksBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 4096);
  return sample.includes(0);
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  if (typeof v === "object") return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
  return String(v);
}

async function parquetPreview(objects: ObjectStore, info: ObjectInfo): Promise<TPreview> {
  const file: AsyncBuffer = {
    byteLength: info.size,
    async slice(start, end) {
      const buf = await readAll(await objects.get(info.key, { start, end: (end ?? info.size) - 1 }));
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    },
  };
  const metadata = await parquetMetadataAsync(file);
  const schema = parquetSchema(metadata).children.map((c) => ({
    name: c.element.name,
    type: String(c.element.logical_type?.type ?? (c.element.converted_type === "UTF8" ? "STRING" : c.element.converted_type) ?? c.element.type ?? (c.children.length ? "GROUP" : "?")),
  }));
  const totalRows = Number(metadata.num_rows);
  const rows = (await parquetReadObjects({ file, metadata, rowStart: 0, rowEnd: Math.min(PREVIEW_ROWS, totalRows) })) as Record<string, unknown>[];
  const columns = schema.map((s) => s.name);
  return {
    kind: "table",
    format: "parquet",
    columns,
    rows: rows.map((r) => columns.map((c) => cell(r[c]))),
    totalRows,
    truncated: totalRows > rows.length,
    schema,
  };
}

export async function previewObject(objects: ObjectStore, key: string): Promise<TPreview> {
  const info = await objects.head(key);
  if (!info) throw new AppError("NOT_FOUND", `There is no object "${key}".`);
  const name = key.slice(key.lastIndexOf("/") + 1);
  const ext = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  const contentType = info.contentType && info.contentType !== "application/octet-stream" ? info.contentType : contentTypeOf(key);

  if (IMAGE_EXTENSIONS.has(ext)) {
    return { kind: "image", url: await objects.presignGet(key, { expiresIn: 600 }), contentType: contentTypeOf(key) };
  }
  if (ext === "parquet") {
    try {
      return await parquetPreview(objects, info);
    } catch (e) {
      return { kind: "none", reason: `This Parquet file cannot be previewed: ${(e as Error).message}.` };
    }
  }
  if (ext === "npy") {
    const { buffer } = await readHead(objects, info, 64 * 1024);
    try {
      const h = parseNpyHeader(buffer);
      return { kind: "npy", dtype: h.dtype, shape: h.shape, fortranOrder: h.fortranOrder };
    } catch (e) {
      return { kind: "none", reason: (e as Error).message };
    }
  }
  if (ext === "csv" || ext === "tsv") {
    const { buffer, partial } = await readHead(objects, info, PREVIEW_BYTES);
    const { rows, truncated } = parseDelimited(utf8(buffer, partial), ext === "tsv" ? "\t" : ",", { maxRows: PREVIEW_ROWS + 1, partial });
    const [header = [], ...body] = rows;
    const width = Math.max(header.length, ...body.map((r) => r.length));
    const columns = Array.from({ length: width }, (_, i) => header[i] ?? `column ${i + 1}`);
    return {
      kind: "table",
      format: ext,
      columns,
      rows: body.slice(0, PREVIEW_ROWS),
      totalRows: truncated || body.length > PREVIEW_ROWS ? null : body.length,
      truncated: truncated || body.length > PREVIEW_ROWS,
    };
  }
  const texty = ext === "json" || ext === "jsonl" || ext === "ndjson" || TEXT_EXTENSIONS.has(ext) || contentType.startsWith("text/");
  if (texty) {
    const { buffer, partial } = await readHead(objects, info, PREVIEW_BYTES);
    if (looksBinary(buffer)) return { kind: "none", reason: "This file holds binary data; download it to open it." };
    const text = utf8(buffer, partial);
    if (ext === "json" && !partial) {
      try {
        return { kind: "text", format: "json", text: JSON.stringify(JSON.parse(text), null, 2), truncated: false };
      } catch {
        return { kind: "text", format: "text", text, truncated: false };
      }
    }
    if (ext === "jsonl" || ext === "ndjson") {
      const lines = text.split(/\r?\n/);
      if (partial || lines[lines.length - 1] === "") lines.pop(); // half a line, or the final line break
      const shown = lines.slice(0, 200);
      return { kind: "text", format: "jsonl", text: shown.join("\n"), truncated: partial || lines.length > 200 };
    }
    return { kind: "text", format: ext === "json" ? "json" : "text", text, truncated: partial };
  }
  return { kind: "none", reason: `There is no preview for ${ext ? `.${ext} files` : "files of this kind"} (${contentType}); download it to open it.` };
}

export async function previewDatasetObject(args: DatasetArgs & { key: string }): Promise<TPreview> {
  const { objects } = await loadDataset({ ...args, atLeast: "viewer" });
  return storeCall(() => previewObject(objects, args.key));
}
