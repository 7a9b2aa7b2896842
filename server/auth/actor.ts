// Who is asking: a bearer API token (scripts, the CLI) or the browser's session cookie.
import { authenticateApiToken } from "../tokens/api-tokens";
import { findUser, type TUser } from "../users/users";
import { auth } from "./auth";

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
  // No cookie, no session: skip Auth.js (and its JWT decryption) for anonymous requests.
  if (!headers.get("cookie")?.includes("authjs.session-token")) return { actor: null, tokenRejected: false };
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return { actor: null, tokenRejected: false };
  const user = await findUser(userId);
  return { actor: user ? { ...user, via: "session" } : null, tokenRejected: false };
}
