// A browser's side of sign-in without a browser: a cookie jar over Auth.js's real route handlers
// (app/api/auth/[...nextauth]/route.ts), on the real database. Requests are built the way a
// browser or a script would send them to a running server; nothing is mocked.
import { expect } from "vitest";
import { NextRequest } from "next/server";
import { GET, POST } from "../../app/api/auth/[...nextauth]/route";
import { db } from "../../server/db/client";

const ORIGIN = "http://localhost:3000";

/** The peer address the custom HTTP server stamps on each request (scripts/start.ts). */
const PEER_HEADER = "x-benchtop-peer-address";

export class AuthClient {
  private readonly jar = new Map<string, string>();

  /** `peer`: the network address this client connects from (by default one of its own). */
  constructor(readonly peer = randomPeer()) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The session cookie's name=value, as a browser would replay it. */
  get sessionCookie(): string | null {
    const entry = [...this.jar].find(([k]) => k.endsWith("authjs.session-token"));
    return entry ? `${entry[0]}=${entry[1]}` : null;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await GET(new NextRequest(`${ORIGIN}${path}`, { headers: this.headers(headers) }));
    this.keep(res);
    return res;
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const res = await POST(
      new NextRequest(`${ORIGIN}${path}`, {
        method: "POST",
        headers: this.headers({ "content-type": "application/x-www-form-urlencoded", ...headers }),
        body: new URLSearchParams(form).toString(),
      }),
    );
    this.keep(res);
    return res;
  }

  async csrfToken(): Promise<string> {
    const res = await this.get("/api/auth/csrf");
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  /** POST /api/auth/signin/email as next-auth's own client does (or as a plain form with `asForm`). */
  async requestLink(email: string, opts: { asForm?: boolean; callbackUrl?: string } = {}): Promise<Response> {
    const csrfToken = await this.csrfToken();
    return this.post(
      "/api/auth/signin/email",
      { email, csrfToken, callbackUrl: opts.callbackUrl ?? "/" },
      opts.asForm ? {} : { "x-auth-return-redirect": "1" },
    );
  }

  /** Presses "Continue" on the page a mailed link opens: POSTs its token to Auth.js's callback. */
  async useLink(link: string, callbackUrl = "/"): Promise<Response> {
    const url = new URL(link);
    const query = new URLSearchParams({ token: url.searchParams.get("token") ?? "", email: url.searchParams.get("email") ?? "" });
    return this.post(`/api/auth/callback/email?${query}`, { callbackUrl }, { origin: ORIGIN });
  }

  async signOut(): Promise<Response> {
    const csrfToken = await this.csrfToken();
    return this.post("/api/auth/signout", { csrfToken, callbackUrl: "/signin" });
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return { [PEER_HEADER]: this.peer, ...(this.jar.size ? { cookie: this.cookie } : {}), ...extra };
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
}

/** Where a response sends the browser: its Location, or the url of next-auth's JSON answer. */
export async function destinationOf(res: Response): Promise<string | null> {
  const location = res.headers.get("location");
  if (location) return location;
  if (res.headers.get("content-type")?.includes("application/json")) {
    const body = (await res.clone().json()) as { url?: string } | null;
    return body?.url ?? null;
  }
  return null;
}

export async function mailsTo(email: string) {
  return db.devMail.findMany({ where: { to: email }, orderBy: { createdAt: "desc" } });
}

/** The newest sign-in link mailed to `email`. Mail leaves in the background, so this waits for it. */
export async function latestLink(email: string): Promise<string> {
  let link: string | null = null;
  await expect
    .poll(async () => (link = (await mailsTo(email))[0]?.link ?? null), { message: `a sign-in mail for ${email}`, timeout: 10_000 })
    .toBeTruthy();
  return link!;
}

function randomPeer(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

export function uniqueAddress(who: string, domain: string): string {
  return `${who}-${Math.random().toString(36).slice(2, 10)}@${domain}`;
}
