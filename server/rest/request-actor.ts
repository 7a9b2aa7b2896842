// Who is asking, for the byte routes (uploads and downloads outside the JSON dispatcher): the same
// rule as dispatch.ts, a cross-site cookie mutation refused before anyone is looked up.
import type { Actor } from "../auth/actor";
import { resolveActor } from "../auth/actor";
import { AppError } from "../errors";
import { crossSiteRefusal } from "../http/csrf";

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
