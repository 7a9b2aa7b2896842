import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { resolveActor } from "@/server/auth/actor";
import { endsWithItsSession } from "@/server/auth/session-watch";
import { requestIdOf } from "@/server/http/request-id";
import { requestLogger } from "@/server/log";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  const requestId = requestIdOf(req.headers);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    // A subscription's stream closes when the session that opened it is ended or signed out.
    req: endsWithItsSession(req),
    router: appRouter,
    createContext: async () => ({ ...(await resolveActor(req.headers)), requestId, log: requestLogger(requestId) }),
    responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
  });
}

export { handler as GET, handler as POST };
