// The local driver's presigned URLs land here (/api/storage/local/{store}/{bucket}/{key}): GET and
// HEAD stream the file (one Range, If-Match), PUT streams a whole object or one multipart part to
// disk. Nothing is buffered in memory. The signature is the only authority: no session, no token,
// as with S3's presigned URLs; CORS is open and ETag exposed so a browser can read a part's ETag.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { AppError } from "../errors";
import { errorAnswerOf, errorResponse } from "../http/error-answer";
import { requestIdOf } from "../http/request-id";
import { requestLogger, type Logger } from "../log";
import { LocalUrlError, verifyLocalUrl } from "./local-signing";
import type { LocalObjectStore } from "./local-store";
import { StorageKeyError, UploadNotFoundError } from "./object-store";

export type LocalStoreResolver = (store: string, bucket: string) => Promise<LocalObjectStore | null>;

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, PUT, OPTIONS",
  "access-control-allow-headers": "content-type, range, if-match, if-none-match",
  "access-control-expose-headers": "ETag, Content-Length, Content-Range, Accept-Ranges, Last-Modified",
  "access-control-max-age": "3000",
};


/** Parses one HTTP byte range against a size; null: no (usable) Range header, "bad": 416. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | "bad" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null; // several ranges or nonsense: the whole object, as S3 does
  if (m[1] === "") {
    const n = Number(m[2]);
    if (n === 0) return "bad";
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return "bad";
  return { start, end };
}

/** Errors answer as on every other edge (server/http/error-answer.ts), with CORS so a browser can read them. */
export async function serveLocalStorage(req: Request, resolve: LocalStoreResolver, requestId = requestIdOf(req.headers), log: Logger = requestLogger(requestId)): Promise<Response> {
  try {
    const response = await serve(req, resolve);
    response.headers.set("x-request-id", requestId);
    return response;
  } catch (e) {
    const answer = errorAnswerOf(e, { requestId, log, where: `storage ${req.method} local` });
    return errorResponse(answer, CORS);
  }
}

async function serve(req: Request, resolve: LocalStoreResolver): Promise<Response> {
  if (req.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
  const url = new URL(req.url);
  let grant;
  try {
    grant = verifyLocalUrl(url, req.method);
  } catch (e) {
    if (e instanceof LocalUrlError) throw new AppError(e.status === 403 ? "FORBIDDEN" : "BAD_REQUEST", e.message);
    throw e;
  }
  const store = await resolve(grant.store, grant.bucket);
  if (!store) throw new AppError("NOT_FOUND", "The store this URL names no longer exists.");
  try {
    if (req.method === "GET" || req.method === "HEAD") {
      const info = await store.head(grant.key);
      if (!info) throw new AppError("NOT_FOUND", `There is no object "${grant.key}".`);
      const etag = `"${info.etag}"`;
      const ifMatch = req.headers.get("if-match");
      if (ifMatch && ifMatch !== "*" && !ifMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
        throw new AppError("PRECONDITION_FAILED", `The object "${grant.key}" changed: its ETag is now ${etag}.`);
      }
      const headers: Record<string, string> = {
        ...CORS,
        "content-type": info.contentType ?? "application/octet-stream",
        etag,
        "last-modified": info.modifiedAt.toUTCString(),
        "accept-ranges": "bytes",
        "cache-control": "private, max-age=0",
        // Bytes anyone uploaded, served from Benchtop's own origin: never run as a page here.
        "content-security-policy": "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
        "x-content-type-options": "nosniff",
      };
      if (grant.filename) headers["content-disposition"] = `attachment; filename*=UTF-8''${encodeURIComponent(grant.filename)}`;
      const range = parseRange(req.headers.get("range"), info.size);
      if (range === "bad") return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${info.size}` } });
      const length = range ? range.end - range.start + 1 : info.size;
      headers["content-length"] = String(length);
      if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${info.size}`;
      const status = range ? 206 : 200;
      if (req.method === "HEAD" || length === 0) return new Response(null, { status, headers });
      const stream = await store.get(grant.key, range ?? undefined);
      return new Response(Readable.toWeb(stream) as ReadableStream, { status, headers });
    }
    // PUT
    const body = req.body ? Readable.fromWeb(req.body as NodeReadableStream) : Readable.from([]);
    if (grant.uploadId && grant.partNumber) {
      const part = await store.putPart(grant.key, grant.uploadId, grant.partNumber, body);
      return new Response(null, { status: 200, headers: { ...CORS, etag: `"${part.etag}"` } });
    }
    const info = await store.put(grant.key, body);
    return new Response(null, { status: 200, headers: { ...CORS, etag: `"${info.etag}"` } });
  } catch (e) {
    if (e instanceof UploadNotFoundError) throw new AppError("NOT_FOUND", e.message);
    if (e instanceof StorageKeyError) throw new AppError("BAD_REQUEST", e.message);
    throw e;
  }
}
