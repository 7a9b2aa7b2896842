import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { convertedError, retryAfterOf, trpcErrorOf } from "@/server/api/trpc";
import { resolveActor } from "@/server/auth/actor";
import { endsWithItsSession } from "@/server/auth/session-watch";
import { crossSiteRefusal, isJsonMediaType, notJsonRefusal } from "@/server/http/csrf";
import { requestIdOf } from "@/server/http/request-id";
import { requestLogger } from "@/server/log";

export const dynamic = "force-dynamic";

/** Why a request may not run at all: a cross-site cookie mutation, or a POST body that is not JSON. */
function refusalOf(req: Request) {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return crossSite;
  const contentType = req.headers.get("content-type");
  // tRPC also takes multipart/form-data and octet-stream bodies, which a cross-site form can send; Benchtop uses neither.
  if (req.method === "POST" && !isJsonMediaType(contentType)) return notJsonRefusal(contentType);
  return null;
}

function handler(req: Request) {
  const requestId = requestIdOf(req.headers);
  const refusal = refusalOf(req);
  // A refused request reaches tRPC with its body left unread and an empty JSON one in its place,
  // so that tRPC parses it and answers every call in it with the refusal, in its own error shape
  // (batched or not) that the browser's client shows.
  const request = refusal ? new Request(req.url, { method: req.method, headers: { "content-type": "application/json" }, body: req.method === "POST" ? "{}" : undefined }) : req;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    // A subscription's stream closes when the session that opened it is ended or signed out.
    req: endsWithItsSession(request),
    router: appRouter,
    createContext: async () => {
      if (refusal) throw trpcErrorOf(refusal);
      const log = requestLogger(requestId);
      // Who is asking is read from the database: an error here (the database down) is converted as a procedure's is.
      const actor = await resolveActor(req.headers).catch((e: unknown) => {
        throw convertedError(e, { requestId, log }, "(context)");
      });
      return { ...actor, requestId, log };
    },
    responseMeta: ({ errors }) => {
      const headers = new Headers({ "x-request-id": requestId });
      const retryAfter = retryAfterOf(errors);
      if (retryAfter) headers.set("retry-after", String(retryAfter));
      return { headers };
    },
  });
}

export { handler as GET, handler as POST };
