// Every /api/v1 route: the JSON operations generated from the procedures' REST meta and the
// byte routes (server/rest/edge.ts, bytes.ts), and their OpenAPI document.
import { dispatchRest } from "@/server/rest/edge";
import { openApiDocument } from "@/server/rest/document";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  if (req.method === "GET" && new URL(req.url).pathname.replace(/\/$/, "") === "/api/v1/openapi.json") {
    return Response.json(openApiDocument(env.baseUrl));
  }
  return dispatchRest(req);
}

export { handle as GET, handle as POST, handle as PATCH, handle as PUT, handle as DELETE };
