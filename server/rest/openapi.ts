// The OpenAPI document at /api/v1/openapi.json, generated from the routes' own zod schemas.
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { API_PREFIX } from "./dispatch";
import { restRoutes } from "./routes";

const ZError = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "bad_request" }),
      message: z.string().meta({ example: "The request body is not valid: name is required." }),
      fields: z.record(z.string(), z.array(z.string())).optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: "Error" });

let cached: ReturnType<typeof createDocument> | null = null;

export function openApiDocument(baseUrl: string) {
  if (cached) return { ...cached, servers: [{ url: `${baseUrl}${API_PREFIX}` }] };
  const paths: ZodOpenApiPathsObject = {};
  for (const route of restRoutes) {
    const errorResponses = {
      "400": { description: "Bad input: the message names the problem, `fields` each field's", content: { "application/json": { schema: ZError } } },
      "401": { description: "No valid token", content: { "application/json": { schema: ZError } } },
      "403": { description: "Your role does not allow this", content: { "application/json": { schema: ZError } } },
      "404": { description: "Not found, or not visible to you", content: { "application/json": { schema: ZError } } },
    };
    const status = String(route.status ?? 200);
    const operation = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${route.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      requestParams: {
        ...(route.params ? { path: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
      },
      ...(route.body ? { requestBody: { content: { "application/json": { schema: route.body } } } } : {}),
      responses: {
        [status]: route.response
          ? { description: "OK", content: { "application/json": { schema: route.response } } }
          : { description: "Done; no content" },
        ...errorResponses,
      },
    };
    (paths[route.path] ??= {})[route.method.toLowerCase() as "get"] = operation;
  }
  cached = createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Benchtop API",
        version: "1",
        description: "Automate Benchtop. Authenticate with a personal API token: `Authorization: Bearer bt_...` (create one under Settings -> API tokens, or `benchtop login`).",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
      paths,
    },
  );
  return { ...cached, servers: [{ url: `${baseUrl}${API_PREFIX}` }] };
}
