// The byte routes: REST operations whose bodies are bytes, not JSON (file content up and down,
// folder archives, snapshot blobs, artifact and log downloads), and the local stores' presigned
// URLs. One table serves them (the REST edge looks here first) and lists them in the OpenAPI
// document (application/octet-stream); one helper (`byteRoute`) gives each its request id, its
// caller, and the one error conversion (server/http/error-answer.ts).
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { localStoreForGrant } from "../datasets/open-store";
import { db } from "../db/client";
import { AppError } from "../errors";
import { isInlineImage, MAX_FILE_BYTES, mediaTypeOf } from "../files/content-kind";
import { folderArchive } from "../files/download";
import { occupantOf } from "../files/occupancy";
import { normalisePath } from "../files/paths";
import { readFileBytes } from "../files/read-file";
import { ZSaved } from "../files/schemas";
import { writeFile } from "../files/write-file";
import { errorAnswerOf, errorResponse } from "../http/error-answer";
import { requestIdOf } from "../http/request-id";
import { assertStorableText } from "../http/storable-text";
import { requestLogger, type Logger } from "../log";
import { requireProjectRole } from "../projects/access";
import { getBlob } from "../storage/blobs";
import { putProjectBlob } from "../queue/project-blobs";
import { artifactBlob, getJob, readLogLines } from "../queue/read-jobs";
import { serveLocalStorage } from "../storage/local-route";
import { costsCsv, costsReport } from "../costs/report";
import { ZCostsQuery } from "../api/routers/costs";
import type { HttpMethod } from "./meta";
import { requireRequestActor, UNAUTHORIZED_HEADERS } from "./request-actor";

type ByteContext = { req: Request; url: URL; params: Record<string, string>; requestId: string; log: Logger; actor: () => Promise<Actor> };

export type ByteRoute = {
  method: HttpMethod | "HEAD" | "OPTIONS";
  /** Under /api/v1 (or, with `root`, under /api), OpenAPI style. */
  path: string;
  /** Served outside /api/v1: the local stores' presigned URLs are /api/storage/local/... */
  root?: true;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The request body is bytes. */
  bytesIn?: boolean;
  /** What a success answers: bytes (with their media type), JSON (a schema), or nothing. */
  answer: { bytes: string } | { json: z.ZodType; status?: 200 | 201 } | { empty: 200 | 204 };
  /** Not in the OpenAPI document (a CORS preflight). */
  hidden?: true;
  handle: (ctx: ByteContext) => Promise<Response>;
};

/** The one helper of every byte route: request id, text Benchtop cannot store refused, errors converted once. */
export async function byteRoute(route: ByteRoute, req: Request, params: Record<string, string>, requestId = requestIdOf(req.headers), log = requestLogger(requestId)): Promise<Response> {
  const url = new URL(req.url);
  try {
    assertStorableText(params);
    assertStorableText(Object.fromEntries(url.searchParams));
    const response = await route.handle({ req, url, params, requestId, log, actor: () => requireRequestActor(req) });
    response.headers.set("x-request-id", requestId);
    return response;
  } catch (e) {
    const answer = errorAnswerOf(e, { requestId, log, where: `bytes ${req.method} ${url.pathname}` });
    return errorResponse(answer, answer.status === 401 ? UNAUTHORIZED_HEADERS : undefined);
  }
}

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const ZProjectParams = z.object({ projectSlug: z.string().min(1).meta({ description: "The project's slug", example: "demo" }) });
const ZJobParams = z.object({ jobId: z.string().min(1).meta({ description: "The job's id" }) });
const CONTENT = "/projects/{projectSlug}/files/content";

/**
 * A file's bytes (as an attachment, or inline for raster images with ?inline=1), or a folder as
 * ?format=zip|tar (streamed). Without a path: the whole project as an archive.
 */
async function downloadFileContent({ url, params, actor: actorOf }: ByteContext): Promise<Response> {
  const actor = await actorOf();
  const projectSlug = params.projectSlug!;
  const rawPath = url.searchParams.get("path");
  const format = url.searchParams.get("format");
  if (format !== null && format !== "zip" && format !== "tar") throw new AppError("BAD_REQUEST", `format must be zip or tar, not "${format}".`);
  // The role is checked once, here; the files' functions trust the access they are handed.
  const access = await requireProjectRole({ actorId: actor.id, projectSlug, atLeast: "viewer" });
  const path = rawPath === null || rawPath === "" ? null : normalisePath(rawPath);
  if (path === null || (await occupantOf(db, access.project.id, path)) === "folder") {
    const archive = await folderArchive({ actorId: actor.id, access, projectSlug, path, format: format ?? "zip" });
    return new Response(Readable.toWeb(Readable.from(archive.chunks)) as ReadableStream, {
      headers: { "content-type": archive.contentType, "content-disposition": attachment(archive.fileName), "cache-control": "no-store" },
    });
  }
  const file = await readFileBytes({ actorId: actor.id, access, projectSlug, path });
  const name = file.path.split("/").pop() ?? "file";
  const inline = url.searchParams.get("inline") === "1" && isInlineImage(file.path);
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": inline ? mediaTypeOf(file.path, false) : "application/octet-stream",
      "content-length": String(file.content.length),
      "content-disposition": inline ? "inline" : attachment(name),
      etag: `"${file.version}"`,
      "x-file-version": String(file.version),
      "cache-control": "private, no-cache",
    },
  });
}

/**
 * Uploads one file's bytes. Without If-Match the file is created (409 if the path is taken);
 * with `If-Match: <version>` it replaces that version (409 when the file is newer).
 */
async function uploadFileContent({ req, url, params, actor: actorOf }: ByteContext): Promise<Response> {
  const actor = await actorOf();
  const path = url.searchParams.get("path") ?? "";
  const ifMatch = req.headers.get("if-match");
  let baseVersion: number | null = null;
  if (ifMatch !== null) {
    const n = Number(ifMatch.replace(/^W\//, "").replace(/"/g, ""));
    if (!Number.isInteger(n) || n < 1) throw new AppError("BAD_REQUEST", `If-Match must be the version you replace (e.g. If-Match: 3), not "${ifMatch}".`);
    baseVersion = n;
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_FILE_BYTES) throw new AppError("BAD_REQUEST", `One file may be at most ${MAX_FILE_BYTES / 1024 ** 2} MB; this one is ${declared} bytes.`);
  const bytes = new Uint8Array(await req.arrayBuffer());
  const saved = await writeFile({ actorId: actor.id, projectSlug: params.projectSlug!, path, baseVersion, bytes });
  return Response.json(saved, { status: baseVersion === null ? 201 : 200, headers: { etag: `"${saved.version}"`, "cache-control": "no-store" } });
}

/** The bytes of one file for a snapshot of that project (editors); refused unless they hash to sha256. */
async function putBlob({ req, url, params, actor: actorOf }: ByteContext): Promise<Response> {
  const actor = await actorOf();
  const projectSlug = url.searchParams.get("project");
  if (!projectSlug) throw new AppError("BAD_REQUEST", "Name the project the file is for: PUT /api/v1/blobs/{sha256}?project=SLUG.");
  if (!req.body) throw new AppError("BAD_REQUEST", "Send the file's bytes as the request body.");
  await putProjectBlob({ actorId: actor.id, projectSlug, sha256: params.sha256!, body: Readable.fromWeb(req.body as NodeReadableStream) });
  return new Response(null, { status: 204 });
}

/** One artifact's bytes. */
async function downloadArtifact({ url, params, actor: actorOf }: ByteContext): Promise<Response> {
  const actor = await actorOf();
  const jobId = params.jobId!;
  const path = url.searchParams.get("path") ?? "";
  const { sha256, sizeBytes } = await artifactBlob({ actorId: actor.id, jobId, path });
  const stream = await getBlob(sha256);
  const name = path.split("/").pop() || "artifact";
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: { "content-type": "application/octet-stream", "content-length": String(sizeBytes), "content-disposition": attachment(name) },
  });
}

/** The whole log as text, streamed page by page (a million-line log never sits in memory here or in the browser). */
async function downloadLog({ params, actor: actorOf }: ByteContext): Promise<Response> {
  const actor = await actorOf();
  const jobId = params.jobId!;
  const job = await getJob({ actorId: actor.id, jobId });
  let from = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { lines } = await readLogLines({ actorId: actor.id, jobId, from, limit: 20_000 });
      if (lines.length === 0) return controller.close();
      from = lines[lines.length - 1]!.n + 1;
      controller.enqueue(new TextEncoder().encode(lines.map((l) => l.text).join("\n") + "\n"));
    },
  });
  const base = job.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
  return new Response(body, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${base ? `${base}-` : ""}${jobId}.log"`,
      "cache-control": "no-store",
    },
  });
}

/** The costs report as CSV: the same report as GET /costs (same query), its Total row the JSON's total. */
async function downloadCostsCsv({ url, actor: actorOf }: ByteContext): Promise<Response> {
  const actor = await actorOf();
  const parsed = ZCostsQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new AppError("BAD_REQUEST", `The query is not valid: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}.`);
  const q = parsed.data;
  const report = await costsReport({ actorId: actor.id, from: q.from, to: q.to, groupBy: q.groupBy, projectSlug: q.project, person: q.person, pool: q.pool });
  const name = `costs-${report.groupBy}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}${q.project ? `-${q.project}` : ""}.csv`;
  return new Response(costsCsv(report), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(name), "cache-control": "no-store" },
  });
}

/** The local stores' presigned URLs: the signature is the authority, as with S3's (server/storage/local-route.ts). */
const localStorage = ({ req, requestId, log }: ByteContext) => serveLocalStorage(req, localStoreForGrant, requestId, log);
const LOCAL = "/storage/local/{store}/{bucket}/{key}";
const ZLocalParams = z.object({ store: z.string(), bucket: z.string(), key: z.string().meta({ description: "The object's key; may hold slashes" }) });
const ZSigned = z.object({ expires: z.string(), signature: z.string() }).meta({ description: "The URL's signature, as Benchtop presigned it" });

export const byteRoutes: ByteRoute[] = [
  {
    method: "GET",
    path: CONTENT,
    tag: "Files",
    summary: "A file's bytes (?path=; ?inline=1 shows raster images inline), or a folder or the whole project as ?format=zip|tar",
    params: ZProjectParams,
    query: z.object({ path: z.string().optional(), format: z.enum(["zip", "tar"]).optional(), inline: z.literal("1").optional() }),
    answer: { bytes: "application/octet-stream" },
    handle: downloadFileContent,
  },
  {
    method: "PUT",
    path: CONTENT,
    tag: "Files",
    summary: "Upload one file's bytes (?path=): without If-Match it is created (409 if taken); If-Match: <version> replaces that version (409 when newer)",
    params: ZProjectParams,
    query: z.object({ path: z.string().min(1) }),
    bytesIn: true,
    answer: { json: ZSaved, status: 201 },
    handle: uploadFileContent,
  },
  {
    method: "PUT",
    path: "/blobs/{sha256}",
    tag: "Snapshots",
    summary: "The bytes of one file for a snapshot of the project (?project=SLUG; editors); refused unless they hash to sha256",
    params: z.object({ sha256: z.string().regex(/^[a-f0-9]{64}$/) }),
    query: z.object({ project: z.string().min(1) }),
    bytesIn: true,
    answer: { empty: 204 },
    handle: putBlob,
  },
  {
    method: "GET",
    path: "/jobs/{jobId}/artifacts/download",
    tag: "Jobs",
    summary: "One artifact's bytes (?path=)",
    params: ZJobParams,
    query: z.object({ path: z.string().min(1) }),
    answer: { bytes: "application/octet-stream" },
    handle: downloadArtifact,
  },
  {
    method: "GET",
    path: "/jobs/{jobId}/logs/download",
    tag: "Jobs",
    summary: "The whole log as text, streamed",
    params: ZJobParams,
    answer: { bytes: "text/plain" },
    handle: downloadLog,
  },
  {
    method: "GET",
    path: "/costs.csv",
    tag: "Costs",
    summary: "The costs report (the query of GET /costs) as CSV: a header row, one row a group, and a Total row equal to the JSON's total",
    query: ZCostsQuery,
    answer: { bytes: "text/csv" },
    handle: downloadCostsCsv,
  },
  ...(["GET", "HEAD"] as const).map(
    (method): ByteRoute => ({
      method,
      root: true,
      path: LOCAL,
      tag: "Datasets",
      summary: "A local store's presigned GET (one Range, If-Match); the URL's signature is the authority",
      params: ZLocalParams,
      query: ZSigned,
      answer: { bytes: "application/octet-stream" },
      handle: localStorage,
    }),
  ),
  {
    method: "PUT",
    root: true,
    path: LOCAL,
    tag: "Datasets",
    summary: "A local store's presigned PUT of an object or a multipart part; the ETag response header names it",
    params: ZLocalParams,
    query: ZSigned,
    bytesIn: true,
    answer: { empty: 200 },
    handle: localStorage,
  },
  { method: "OPTIONS", root: true, path: LOCAL, tag: "Datasets", summary: "CORS preflight", hidden: true, answer: { empty: 204 }, handle: localStorage },
];

type CompiledByte = { route: ByteRoute; pattern: RegExp; names: string[] };
const compiled: CompiledByte[] = byteRoutes.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    // A local store's key is the rest of the path, slashes and all.
    return name === "key" ? "(.+)" : "([^/]+)";
  });
  return { route, pattern: new RegExp(`^${route.root ? "/api" : "/api/v1"}${source}$`), names };
});

/** The byte route for a request, with its path parameters; null when it is none of them. */
export function matchByteRoute(method: string, pathname: string): { route: ByteRoute; params: Record<string, string> } | null {
  for (const c of compiled) {
    if (c.route.method !== method) continue;
    const m = c.pattern.exec(pathname);
    if (!m) continue;
    try {
      return { route: c.route, params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
    } catch {
      return null;
    }
  }
  return null;
}

/** The methods byte routes take at this path (for a 405's Allow). */
export function byteMethodsFor(pathname: string): HttpMethod[] {
  return [...new Set(compiled.filter((c) => c.route.method !== "HEAD" && c.route.method !== "OPTIONS" && c.pattern.test(pathname)).map((c) => c.route.method as HttpMethod))];
}

/** Serves a byte route when the request is for one; null otherwise. */
export function serveBytes(req: Request, requestId?: string, log?: Logger): Promise<Response> | null {
  const url = new URL(req.url);
  // GET /costs?format=csv is GET /costs.csv: the report's JSON is a procedure, its CSV bytes are here.
  const pathname = url.pathname === "/api/v1/costs" && url.searchParams.get("format") === "csv" ? "/api/v1/costs.csv" : url.pathname;
  const hit = matchByteRoute(req.method.toUpperCase(), pathname);
  return hit ? byteRoute(hit.route, req, hit.params, requestId, log) : null;
}
