// Who is asking, for the byte routes (uploads and downloads outside the JSON dispatcher): the same
// rules as dispatch.ts, a cross-site cookie mutation refused before anyone is looked up, and text
// Benchtop cannot store (a NUL byte) refused in the route's parameters and query.
import type { Actor } from "../auth/actor";
import { resolveActor } from "../auth/actor";
import { AppError } from "../errors";
import { crossSiteRefusal } from "../http/csrf";
import { assertStorableText } from "../http/storable-text";

export async function requireRequestActor(req: Request, params: Record<string, string>): Promise<Actor> {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) throw crossSite;
  assertStorableText(params);
  assertStorableText(Object.fromEntries(new URL(req.url).searchParams));
  const { actor, tokenRejected } = await resolveActor(req.headers);
  if (!actor) {
    throw new AppError(
      "UNAUTHORIZED",
      tokenRejected ? "The API token is not valid: it is unknown, revoked or expired." : "Authenticate with an API token: Authorization: Bearer <token>.",
    );
  }
  return actor;
}
