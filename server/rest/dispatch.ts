// The REST edge: finds the route, refuses cross-site cookie mutations, authenticates, refuses text
// it cannot store, validates params, query and body with the route's zod schemas, calls the
// handler, and turns every error into one JSON shape:
//   { "error": { "code": "bad_request", "message": "...", "fields": { "name": ["is required"] }, "requestId": "..." } }
import { randomUUID } from "node:crypto";
import { z, ZodError } from "zod";
import { resolveActor } from "../auth/actor";
import { AppError } from "../errors";
import { addressFault } from "../http/front-door";
import { crossSiteRefusal, isJsonMediaType, notJsonRefusal } from "../http/csrf";
import { appErrorResponse, jsonError } from "../http/json-error";
import { requestIdOf } from "../http/request-id";
import { assertStorableText } from "../http/storable-text";
import { requestLogger, type Logger } from "../log";
import type { HttpMethod, RestRoute } from "./define-route";
import { restRoutes } from "./routes";

export const API_PREFIX = "/api/v1";

type Compiled = { route: RestRoute; pattern: RegExp; names: string[] };

const compiled: Compiled[] = restRoutes.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { route, pattern: new RegExp(`^${source}/?$`), names };
});

function fieldsOf(error: ZodError, prefix?: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || prefix || "body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.output<T> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = fieldsOf(result.error);
    const first = Object.entries(fields)[0];
    const what = where === "body" ? "The request body" : `The ${where}`;
    throw new AppError(
      "BAD_REQUEST",
      first ? `${what} is not valid: ${first[0]} ${first[1][0]}.` : `${what} is not valid.`,
      fields,
    );
  }
  return result.data;
}

export async function dispatchRest(req: Request): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  const log = requestLogger(requestId);
  const started = performance.now();
  const response = await dispatch(req, requestId, log);
  log.info(
    { method: req.method, path: new URL(req.url).pathname, status: response.status, ms: Math.round(performance.now() - started) },
    "api request",
  );
  // HEAD is GET without the body: the same status and headers.
  return req.method.toUpperCase() === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
}

async function readJsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length === 0) return {};
  const contentType = req.headers.get("content-type");
  if (!isJsonMediaType(contentType)) throw notJsonRefusal(contentType);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.", { body: ["is not valid JSON"] });
  }
}

async function dispatch(req: Request, requestId: string, log: Logger): Promise<Response> {
  const url = new URL(req.url);
  const method = req.method.toUpperCase() as HttpMethod;
  const routeMethod = (req.method.toUpperCase() === "HEAD" ? "GET" : method) as HttpMethod;
  const subpath = url.pathname.slice(API_PREFIX.length) || "/";
  const error = (status: number, code: string, message: string, headers?: Record<string, string>) => jsonError(status, code, message, { requestId, headers });

  const addressProblem = addressFault(url.pathname);
  if (addressProblem) return error(400, "bad_request", addressProblem);
  const candidates = compiled.map((c) => ({ c, match: c.pattern.exec(subpath) })).filter((x) => x.match);
  if (candidates.length === 0) {
    return error(404, "not_found", `There is no API route ${method} ${url.pathname}. The routes are listed at ${API_PREFIX}/openapi.json.`);
  }
  const hit = candidates.find((x) => x.c.route.method === routeMethod);
  if (!hit) {
    const methods = candidates.map((x) => x.c.route.method);
    const allowed = (methods.includes("GET") ? [...methods, "HEAD"] : methods).join(", ");
    return error(405, "method_not_allowed", `${url.pathname} does not accept ${method}; it accepts ${allowed}.`, { allow: allowed });
  }
  const { route, names } = hit.c;

  try {
    const crossSite = crossSiteRefusal(req);
    if (crossSite) throw crossSite;
    const contentType = req.headers.get("content-type");
    if (route.body && contentType !== null && !isJsonMediaType(contentType)) throw notJsonRefusal(contentType);
    const { actor, tokenRejected } = await resolveActor(req.headers);
    if (!actor) {
      return error(
        401,
        "unauthorized",
        tokenRejected ? "The API token is not valid: it is unknown, revoked or expired." : "Authenticate with an API token: Authorization: Bearer <token>.",
        { "www-authenticate": 'Bearer realm="benchtop"' },
      );
    }
    const rawParams = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit.match![i + 1]!)]));
    const rawQuery = Object.fromEntries(url.searchParams);
    assertStorableText(rawParams);
    assertStorableText(rawQuery);
    const params = parsePart(route.params, rawParams, "path");
    const query = parsePart(route.query, rawQuery, "query string");
    let body: unknown = undefined;
    if (route.body) {
      const json = await readJsonBody(req);
      assertStorableText(json, "body");
      body = parsePart(route.body, json, "body");
    }
    const result = await route.handler({ actor, params, query, body, requestId, log } as never);
    if (route.status === 204 || route.response === undefined) {
      return new Response(null, { status: 204, headers: { "x-request-id": requestId } });
    }
    // Validate the output too: only what the schema names leaves the server.
    const output = route.response.parse(result);
    return Response.json(output, { status: route.status ?? 200, headers: { "x-request-id": requestId, "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError) return appErrorResponse(e, { requestId });
    if (e instanceof ZodError) {
      // A domain function's own validation (it parses its input too).
      const fields = fieldsOf(e);
      const first = Object.entries(fields)[0];
      return jsonError(400, "bad_request", first ? `The request is not valid: ${first[0]} ${first[1][0]}.` : "The request is not valid.", { requestId, fields });
    }
    const errorId = randomUUID().slice(0, 8);
    log.error({ err: e, errorId, method, path: url.pathname }, "unexpected error in a REST handler");
    return error(500, "internal", `Something went wrong on the server (error ${errorId}). It has been logged.`);
  }
}
