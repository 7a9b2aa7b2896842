// Cross-site request forgery at the edge. Auth.js's session cookie is SameSite=Lax, which a
// browser still attaches to requests from another origin of the same site: a page on another
// port of localhost, or on another host under the lab's domain, could `fetch` a mutation with a
// "simple" content type (text/plain; x=application/json needs no CORS preflight) and act as the
// person. So every cookie-authenticated mutation must come from Benchtop's own origin, which a
// browser states in `Origin` (sent on every POST, PUT, PATCH and DELETE by current browsers;
// `Sec-Fetch-Site: same-origin` is accepted where Origin is absent), and a JSON body must say
// exactly application/json, which no cross-origin page can send without a preflight we never
// answer. Bearer tokens are not ambient (a page cannot make a browser add one), so they are
// not checked. Auth.js's own routes keep their double-submit CSRF token, and Next's server
// actions their own Origin check; neither passes through here.
import { env } from "../env";
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The origins a browser mutation may come from: BENCHTOP_URL's. When that is a loopback name
 * (the demo's http://localhost:3000), the other loopback names on the same scheme and port
 * are the same server on the same machine, so a demo opened at 127.0.0.1 still works; any other
 * host, such as the machine's LAN address, is refused with a sentence naming BENCHTOP_URL.
 * The request's own Host is not trusted for this: it is what the client says it asked for.
 */
export function allowedOrigins(baseUrl: string = env.baseUrl): string[] {
  const url = new URL(baseUrl);
  if (!LOOPBACK.has(url.hostname)) return [url.origin];
  return [...LOOPBACK].map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`);
}

/** Whether the request authenticates with the session cookie rather than a bearer token. */
export function usesSessionCookie(headers: Headers): boolean {
  return !headers.has("authorization") && (headers.get("cookie") ?? "").includes("authjs.session-token");
}

/** A refusal when a cookie-authenticated mutation does not come from Benchtop's own pages; else null. */
export function crossSiteRefusal(req: Request, baseUrl: string = env.baseUrl): AppError | null {
  if (SAFE_METHODS.has(req.method.toUpperCase()) || !usesSessionCookie(req.headers)) return null;
  const origin = req.headers.get("origin");
  const own = new URL(baseUrl).origin;
  if (origin !== null) {
    if (allowedOrigins(baseUrl).includes(origin)) return null;
    const from = origin === "null" ? "a page with no origin (a sandboxed frame or a file)" : `${origin}, another site`;
    return new AppError("FORBIDDEN", `This request came from ${from}, so Benchtop refused it: a browser may change things only from Benchtop's own pages at ${own}.`);
  }
  const site = req.headers.get("sec-fetch-site");
  if (site === "same-origin") return null;
  if (site !== null) {
    return new AppError("FORBIDDEN", `This request came from another site (Sec-Fetch-Site: ${site}), so Benchtop refused it: a browser may change things only from Benchtop's own pages at ${own}.`);
  }
  return new AppError(
    "FORBIDDEN",
    "This request carries a session cookie but no Origin header, so Benchtop refused it: browsers send Origin by themselves, and scripts authenticate with an API token (Authorization: Bearer ...).",
  );
}

/** Whether a Content-Type header names exactly application/json (parameters such as charset allowed). */
export function isJsonMediaType(contentType: string | null): boolean {
  return (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase() === "application/json";
}

/** The refusal of a non-empty body that does not say it is JSON. */
export function notJsonRefusal(contentType: string | null): AppError {
  const given = contentType ? `this one is "${contentType}"` : "this one has no Content-Type";
  return new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the request body as JSON, with Content-Type: application/json (${given}).`);
}
