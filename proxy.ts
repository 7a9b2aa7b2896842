// Runs before every page (Next 16's proxy, Node runtime): the Content-Security-Policy with a fresh
// nonce per request. Next reads the nonce from the policy set on the request and
// puts it on its own scripts; app/layout.tsx hands it to next-themes. The other security headers
// are set on every answer by the custom server (scripts/start.ts), API answers' policy included.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { sessionUser } from "@/server/auth/session-cookie";
import { env, isNextDev } from "@/server/env";
import { pagePolicy } from "@/server/http/security-headers";
import { browserStoreOrigins } from "@/server/http/store-origins";

// The notebook's output frame sends a policy of its own.
const OWN_POLICY = ["/frames/"];

// Where the sign-in page may send the browser: the configured providers' authorization pages
// (Auth.js answers a sign-in with a redirect there; a form posting to /api/auth/signin/... would
// follow it under form-action).
const SIGN_IN_ORIGINS = [
  env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER).origin : null,
  env.AUTH_GITHUB_ID ? "https://github.com" : null,
  env.AUTH_GOOGLE_ID ? "https://accounts.google.com" : null,
].filter((o): o is string => o !== null);

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (OWN_POLICY.some((p) => path.startsWith(p))) return NextResponse.next();
  const nonce = randomBytes(16).toString("base64");
  // The signed-in person (a live Session row), whose S3 stores the page may fetch from.
  const cookie = request.headers.get("cookie");
  const userId = cookie ? (await sessionUser(cookie))?.id : undefined;
  const policy = pagePolicy({
    nonce,
    dev: isNextDev,
    connect: userId ? await browserStoreOrigins(userId) : [],
    formTargets: SIGN_IN_ORIGINS,
    https: env.baseUrl.startsWith("https:"),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Static files (Next's chunks, Monaco's AMD build) are no documents and need no policy (Monaco's
  // workers would even take one on as their own); the APIs get theirs from scripts/start.ts.
  matcher: ["/((?!api/|_next/static|_next/image|monaco/|icon\\.svg|favicon\\.ico|icons/|robots\\.txt|manifest\\.webmanifest).*)"],
};
