// What a tRPC procedure says about its REST face: `.meta({ rest: { method, path, ... } })`.
// The REST edge (server/rest/edge.ts) and the OpenAPI document (server/rest/document.ts) are
// generated from these; nothing else defines a REST route.
import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A REST request as the edge has validated it with the operation's own schemas. */
export type RestRequest = { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown };

export type RestOperation = {
  method: HttpMethod;
  /** Under /api/v1, OpenAPI style: /projects/{projectSlug}/members */
  path: string;
  summary: string;
  tag: string;
  /** 204 answers carry no body. Default 200. */
  status?: 200 | 201 | 204;
  /** The wire's own schemas: path parameters, the query string (text, so coerced), the JSON body. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The REST request as the procedure's input. Default: path parameters, query and body merged. */
  input?: (req: RestRequest) => unknown;
  /** The answer's schema on the wire (default: the procedure's output schema). */
  response?: z.ZodType;
  /** The procedure's output as the REST answer (e.g. a list wrapped as { tokens: [...] }). */
  output?: (out: never, ctx: { req: RestRequest; baseUrl: string }) => unknown;
};

export type ProcedureMeta = {
  /** One REST operation, or several (e.g. archive and unarchive are one procedure). */
  rest?: RestOperation | RestOperation[];
};
