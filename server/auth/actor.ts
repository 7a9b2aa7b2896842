// Who is asking: a bearer API token (scripts, the CLI) or the browser's session cookie. Every
// edge asks here (tRPC, its SSE subscriptions, REST, the raw download routes), so a session
// that was ended is refused on the next request, whatever the edge.
import { authenticateApiToken } from "../tokens/api-tokens";
import { findUser, type TUser } from "../users/users";
import { hasSessionCookie, sessionUser } from "./session-cookie";

export type Actor = TUser & { via: "token" | "session" };

export type ActorResult = { actor: Actor | null; tokenRejected: boolean };

export async function resolveActor(headers: Headers): Promise<ActorResult> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match ? await authenticateApiToken(match[1]!) : null;
    if (!user) return { actor: null, tokenRejected: true };
    const full = await findUser(user.id);
    return { actor: full ? { ...full, via: "token" } : null, tokenRejected: !full };
  }
  // No cookie, no session: skip the JWT decryption and the lookup for anonymous requests.
  const cookie = headers.get("cookie");
  if (!hasSessionCookie(cookie)) return { actor: null, tokenRejected: false };
  const user = await sessionUser(cookie);
  return { actor: user ? { ...user, via: "session" } : null, tokenRejected: false };
}
