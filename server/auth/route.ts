// /api/auth/*: Auth.js's handlers, with what it cannot do itself in front of them.
// - Asking for a link (POST signin/email): the address is read and checked, and the request
//   counted against the rate limits, before Auth.js sees it.
// - A mailed link signs in only from our page's "Continue" form (POST callback/email); a GET of
//   Auth.js's own callback URL (a scanner, an old link) is sent to that page and changes nothing.
// - A callback never carries the session cookie into Auth.js, which would otherwise link the new
//   sign-in to whoever that cookie names without asking whether the session is still live.
import { NextRequest } from "next/server";
import { env } from "../env";
import { clientAddress } from "./client-address";
import { handlers } from "./auth";
import { SESSION_COOKIE } from "./session-cookie";
import { normalizeEmail } from "./sign-in-policy";
import { countLinkRequest } from "./sign-in-limits";

const BASE = "/api/auth";

export async function GET(req: NextRequest): Promise<Response> {
  const path = req.nextUrl.pathname;
  if (path === `${BASE}/callback/email`) return Response.redirect(`${env.baseUrl}/signin/link?${req.nextUrl.searchParams}`, 302);
  return handlers.GET(path.startsWith(`${BASE}/callback/`) ? await withoutSessionCookie(req) : req);
}

export async function POST(req: NextRequest): Promise<Response> {
  const path = req.nextUrl.pathname;
  if (path === `${BASE}/signin/email`) return askForLink(req);
  if (path === `${BASE}/callback/email`) return continueWithLink(req);
  return handlers.POST(path.startsWith(`${BASE}/callback/`) ? await withoutSessionCookie(req) : req);
}

async function askForLink(req: NextRequest): Promise<Response> {
  const body = await formOf(req.clone());
  const email = normalizeEmail(body.email);
  if (!email) return answer(req, "/signin?error=InvalidEmail");
  const refusal = await countLinkRequest({ email, client: clientAddress(req.headers) });
  if (refusal) {
    const minutes = Math.ceil(refusal.retryAfterS / 60);
    return answer(req, `/signin?${new URLSearchParams({ error: "TooManyLinks", scope: refusal.scope, minutes: String(minutes) })}`, {
      "retry-after": String(minutes * 60),
    });
  }
  return handlers.POST(req);
}

async function continueWithLink(req: NextRequest): Promise<Response> {
  const landing = `/signin/link?${req.nextUrl.searchParams}`;
  // Signing someone in with a link of the attacker's (login CSRF) needs a cross-site form post;
  // browsers name their origin on every POST, so one from elsewhere is sent to the page instead.
  const origin = req.headers.get("origin");
  if ((origin && origin !== new URL(env.baseUrl).origin) || req.headers.get("sec-fetch-site") === "cross-site") return answer(req, landing);
  const res = await handlers.POST(await withoutSessionCookie(req));
  // Used, expired, superseded or unknown: the link's page says which, and offers a new one.
  if (res.headers.get("location")?.includes("error=Verification")) return answer(req, landing);
  return res;
}

/** A redirect, or for next-auth's client (X-Auth-Return-Redirect) the JSON it expects instead. */
function answer(req: Request, path: string, headers: Record<string, string> = {}): Response {
  const url = `${env.baseUrl}${path}`;
  if (req.headers.has("x-auth-return-redirect")) return Response.json({ url }, { headers });
  return new Response(null, { status: 302, headers: { location: url, ...headers } });
}

/** The request's form fields, read as Auth.js reads them (urlencoded or JSON). */
async function formOf(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) return ((await req.json()) as Record<string, unknown>) ?? {};
    if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await req.text()));
  } catch {
    // unreadable: no address in it
  }
  return {};
}

async function withoutSessionCookie(req: NextRequest): Promise<NextRequest> {
  const cookie = req.headers.get("cookie");
  if (!cookie?.includes(SESSION_COOKIE)) return req;
  const headers = new Headers(req.headers);
  headers.set("cookie", cookie.split(";").filter((c) => !c.trim().startsWith(SESSION_COOKIE)).join(";"));
  const body = req.method === "POST" ? await req.text() : undefined;
  return new NextRequest(req.url, { method: req.method, headers, body });
}
