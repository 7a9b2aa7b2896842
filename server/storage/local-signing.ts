// Presigned URLs for the local driver: a path on Benchtop's own server carrying an HMAC-SHA256
// over what it grants (method, store, bucket, key, expiry, and for a part its upload and number).
// The URL is a path, not an absolute URL: the browser resolves it against the page, the CLI and
// agents against the server URL they were given, so it works behind any host name.
import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "./secret-key";

export const LOCAL_ROUTE = "/api/storage/local";

export type LocalGrant = {
  method: "GET" | "PUT";
  /** A DataStore id, or "_system" for the queue's own storage. */
  store: string;
  bucket: string;
  key: string;
  /** Unix seconds. */
  expires: number;
  uploadId?: string;
  partNumber?: number;
  filename?: string;
  contentType?: string;
};

function canonical(g: LocalGrant): string {
  return [g.method, g.store, g.bucket, g.key, g.expires, g.uploadId ?? "", g.partNumber ?? "", g.filename ?? "", g.contentType ?? ""].join("\n");
}

function mac(g: LocalGrant): string {
  return createHmac("sha256", derivedKey("local-storage-urls")).update(canonical(g)).digest("base64url");
}

const encodeKey = (key: string) => key.split("/").map(encodeURIComponent).join("/");

export function signLocalUrl(g: LocalGrant): string {
  const q = new URLSearchParams({ m: g.method, x: String(g.expires) });
  if (g.uploadId) q.set("u", g.uploadId);
  if (g.partNumber) q.set("n", String(g.partNumber));
  if (g.filename) q.set("f", g.filename);
  if (g.contentType) q.set("ct", g.contentType);
  q.set("s", mac(g));
  return `${LOCAL_ROUTE}/${encodeURIComponent(g.store)}/${encodeURIComponent(g.bucket)}/${encodeKey(g.key)}?${q}`;
}

export class LocalUrlError extends Error {
  override name = "LocalUrlError";
  constructor(message: string, readonly status: 400 | 403) {
    super(message);
  }
}

/** The grant a request's URL carries, checked: right method, unexpired, signature matches. */
export function verifyLocalUrl(url: URL, method: string, now = Date.now()): LocalGrant {
  const rest = url.pathname.startsWith(LOCAL_ROUTE + "/") ? url.pathname.slice(LOCAL_ROUTE.length + 1) : "";
  const parts = rest.split("/");
  if (parts.length < 3) throw new LocalUrlError("This storage URL is incomplete.", 400);
  let store: string, bucket: string, key: string;
  try {
    store = decodeURIComponent(parts[0]!);
    bucket = decodeURIComponent(parts[1]!);
    key = parts.slice(2).map(decodeURIComponent).join("/");
  } catch {
    throw new LocalUrlError("This storage URL is not properly encoded.", 400);
  }
  const q = url.searchParams;
  const grant: LocalGrant = {
    method: q.get("m") === "PUT" ? "PUT" : "GET",
    store,
    bucket,
    key,
    expires: Number(q.get("x")),
    ...(q.get("u") ? { uploadId: q.get("u")! } : {}),
    ...(q.get("n") ? { partNumber: Number(q.get("n")) } : {}),
    ...(q.get("f") ? { filename: q.get("f")! } : {}),
    ...(q.get("ct") ? { contentType: q.get("ct")! } : {}),
  };
  const given = Buffer.from(q.get("s") ?? "", "base64url");
  const expected = Buffer.from(mac(grant), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new LocalUrlError("This storage URL's signature does not match: it was changed or made with another key.", 403);
  }
  const asked = method === "HEAD" ? "GET" : method;
  if (asked !== grant.method) throw new LocalUrlError(`This storage URL allows ${grant.method}, not ${method}.`, 403);
  if (!Number.isFinite(grant.expires) || grant.expires * 1000 < now) throw new LocalUrlError("This storage URL has expired; ask for a new one.", 403);
  return grant;
}
