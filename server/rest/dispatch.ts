// The REST edge: finds the route, authenticates, validates params, query and body with the
// route's zod schemas, calls the handler, and turns every error into one JSON shape:
//   { "error": { "code": "bad_request", "message": "...", "fields": { "name": ["is required"] }, "requestId": "..." } }
import { randomUUID } from "node:crypto";
import { z, ZodError } from "zod";
import { resolveActor } from "../auth/actor";
import { AppError } from "../errors";
import { requestIdOf } from "../http/request-id";
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

function errorResponse(
  status: number,
  code: string,
  message: string,
  requestId: string,
  fields?: Record<string, string[] | undefined>,
  headers?: Record<string, string>,
) {
  return Response.json(
    { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}), requestId } },
    { status, headers: { "x-request-id": requestId, "cache-control": "no-store", ...headers } },
  );
}

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
  return response;
}

async function dispatch(req: Request, requestId: string, log: Logger): Promise<Response> {
  const url = new URL(req.url);
  const method = req.method.toUpperCase() as HttpMethod;
  const subpath = url.pathname.slice(API_PREFIX.length) || "/";

  const candidates = compiled.map((c) => ({ c, match: c.pattern.exec(subpath) })).filter((x) => x.match);
  if (candidates.length === 0) {
    return errorResponse(404, "not_found", `There is no API route ${method} ${url.pathname}. The routes are listed at ${API_PREFIX}/openapi.json.`, requestId);
  }
  const hit = candidates.find((x) => x.c.route.method === method);
  if (!hit) {
    const allowed = candidates.map((x) => x.c.route.method).join(", ");
    return errorResponse(405, "method_not_allowed", `${url.pathname} does not accept ${method}; it accepts ${allowed}.`, requestId, undefined, { allow: allowed });
  }
  const { route, names } = hit.c;

  try {
    const { actor, tokenRejected } = await resolveActor(req.headers);
    if (!actor) {
      return errorResponse(
        401,
        "unauthorized",
        tokenRejected
          ? "The API token is not valid: it is unknown, revoked or expired."
          : "Authenticate with an API token: Authorization: Bearer <token>.",
        requestId,
        undefined,
        { "www-authenticate": 'Bearer realm="benchtop"' },
      );
    }
    const rawParams = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit.match![i + 1]!)]));
    const params = parsePart(route.params, rawParams, "path");
    const query = parsePart(route.query, Object.fromEntries(url.searchParams), "query string");
    let body: unknown = undefined;
    if (route.body) {
      const text = await req.text();
      if (!(req.headers.get("content-type") ?? "").includes("application/json") && text.length > 0) {
        throw new AppError("BAD_REQUEST", "Send the request body as JSON, with Content-Type: application/json.");
      }
      let json: unknown;
      try {
        json = text.length ? JSON.parse(text) : {};
      } catch {
        throw new AppError("BAD_REQUEST", "The request body is not valid JSON.", { body: ["is not valid JSON"] });
      }
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
    if (e instanceof AppError) {
      return errorResponse(e.status, e.code.toLowerCase(), e.message, requestId, e.fields);
    }
    if (e instanceof ZodError) {
      // A domain function's own validation (it parses its input too).
      const fields = fieldsOf(e);
      const first = Object.entries(fields)[0];
      return errorResponse(400, "bad_request", first ? `The request is not valid: ${first[0]} ${first[1][0]}.` : "The request is not valid.", requestId, fields);
    }
    const errorId = randomUUID().slice(0, 8);
    log.error({ err: e, errorId, method, path: url.pathname }, "unexpected error in a REST handler");
    return errorResponse(500, "internal", `Something went wrong on the server (error ${errorId}). It has been logged.`, requestId);
  }
}
