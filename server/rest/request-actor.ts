// Who is asking, for every /api/v1 route (JSON and bytes): a cross-site cookie mutation is
// refused before anyone is looked up; then a bearer API token, or the session cookie.
import type { Actor } from "../auth/actor";
import { resolveActor } from "../auth/actor";
import { AppError } from "../errors";
import { crossSiteRefusal } from "../http/csrf";

export const UNAUTHORIZED_HEADERS = { "www-authenticate": 'Bearer realm="benchtop"' };

export async function requireRequestActor(req: Request): Promise<Actor> {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) throw crossSite;
  const { actor, tokenRejected } = await resolveActor(req.headers);
  if (!actor) {
    throw new AppError(
      "UNAUTHORIZED",
      tokenRejected ? "The API token is not valid: it is unknown, revoked or expired." : "Authenticate with an API token: Authorization: Bearer <token>.",
    );
  }
  return actor;
}
