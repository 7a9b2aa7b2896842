// The OpenAPI document at /api/v1/openapi.json, generated from the procedures' REST meta and
// their own zod schemas (server/rest/operations.ts), and the byte routes (server/rest/bytes.ts).
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { z } from "zod";
import type { RestOperation } from "./meta";
import { restOperations } from "./operations";
import { API_PREFIX } from "./edge";
import { byteRoutes, type ByteRoute } from "./bytes";

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

export const errorResponses = {
  "400": { description: "Bad input: the message names the problem, `fields` each field's", content: { "application/json": { schema: ZError } } },
  "401": { description: "No valid token", content: { "application/json": { schema: ZError } } },
  "403": { description: "Your role does not allow this", content: { "application/json": { schema: ZError } } },
  "404": { description: "Not found, or not visible to you", content: { "application/json": { schema: ZError } } },
};

export const operationIdOf = (method: string, path: string) =>
  `${method.toLowerCase()}${path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`;

function operationObject(op: RestOperation, response: z.ZodType | undefined): ZodOpenApiOperationObject {
  const status = String(op.status ?? 200);
  return {
    summary: op.summary,
    tags: [op.tag],
    operationId: operationIdOf(op.method, op.path),
    requestParams: {
      ...(op.params ? { path: op.params } : {}),
      ...(op.query ? { query: op.query } : {}),
    },
    ...(op.body ? { requestBody: { content: { "application/json": { schema: op.body } } } } : {}),
    responses: {
      [status]: op.status !== 204 && response ? { description: "OK", content: { "application/json": { schema: response } } } : { description: "Done; no content" },
      ...errorResponses,
    },
  };
}

const ZBytes = z.string().meta({ format: "binary" });

/** A byte route: bytes in (application/octet-stream) and bytes out with their media type. */
function byteOperationObject(route: ByteRoute): ZodOpenApiOperationObject {
  const answer = route.answer;
  const success: Record<string, NonNullable<ZodOpenApiResponsesObject["200"]>> = {};
  if ("bytes" in answer) success["200"] = { description: "The bytes", content: { [answer.bytes]: { schema: ZBytes } } };
  else if ("json" in answer) success[String(answer.status ?? 200)] = { description: "OK", content: { "application/json": { schema: answer.json } } };
  else success[String(answer.empty)] = { description: "Done; no content" };
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: operationIdOf(route.method, `${route.root ? "/root" : ""}${route.path}`),
    requestParams: { ...(route.params ? { path: route.params } : {}), ...(route.query ? { query: route.query } : {}) },
    ...(route.bytesIn ? { requestBody: { content: { "application/octet-stream": { schema: ZBytes } } } } : {}),
    responses: { ...success, ...errorResponses },
    // The local stores' URLs are signed; they take no token.
    ...(route.root ? { security: [], servers: [{ url: "/api" }] } : {}),
  };
}

let cached: ReturnType<typeof createDocument> | null = null;

export function openApiDocument(baseUrl: string) {
  if (cached) return { ...cached, servers: [{ url: `${baseUrl}${API_PREFIX}` }] };
  const paths: ZodOpenApiPathsObject = {};
  const put = (op: RestOperation, value: ZodOpenApiOperationObject) => {
    const at = (paths[op.path] ??= {}) as Record<string, ZodOpenApiOperationObject>;
    at[op.method.toLowerCase()] ??= value;
  };
  for (const op of restOperations()) put(op, operationObject(op, op.response ?? op.procedureOutput));
  for (const route of byteRoutes) {
    if (route.hidden || route.method === "HEAD" || route.method === "OPTIONS") continue;
    const at = (paths[route.path] ??= {}) as Record<string, ZodOpenApiOperationObject>;
    at[route.method.toLowerCase()] ??= byteOperationObject(route);
  }
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Benchtop API",
      version: "1",
      description: "Automate Benchtop. Authenticate with a personal API token: `Authorization: Bearer bt_...` (create one under Settings -> API tokens, or `benchtop login`).",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    security: [{ bearer: [] }],
    paths,
  });
  return { ...cached, servers: [{ url: `${baseUrl}${API_PREFIX}` }] };
}
