// The REST edge, /api/v1: generated from the procedures' `.meta({ rest })` (server/rest/meta.ts).
// It finds the operation, refuses cross-site cookie mutations, authenticates, refuses text it
// cannot store, validates path, query and body with the operation's wire schemas, calls the
// procedure (which checks roles and validates again, as for the browser), shapes and validates
// the answer, and turns every error into one JSON shape (server/http/error-answer.ts):
//   { "error": { "code": "bad_request", "message": "...", "fields": { "name": ["is required"] }, "requestId": "..." } }
import { z } from "zod";
import { createCaller } from "../api/root";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { env } from "../env";
import { addressFault } from "../http/front-door";
import { crossSiteRefusal, isJsonMediaType, notJsonRefusal } from "../http/csrf";
import { errorAnswerOf, errorResponse, invalidInput } from "../http/error-answer";
import { requestIdOf } from "../http/request-id";
import { assertStorableText } from "../http/storable-text";
import { requestLogger, type Logger } from "../log";
import type { HttpMethod, RestRequest } from "./meta";
import { restOperations, type Operation } from "./operations";
import { requireRequestActor, UNAUTHORIZED_HEADERS } from "./request-actor";
import { byteMethodsFor, serveBytes } from "./bytes";

export const API_PREFIX = "/api/v1";

type Compiled = { op: Operation; pattern: RegExp; names: string[] };

let compiledCache: Compiled[] | null = null;
function compiled(): Compiled[] {
  compiledCache ??= restOperations().map((op) => {
    const names: string[] = [];
    const source = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { op, pattern: new RegExp(`^${source}/?$`), names };
  });
  return compiledCache;
}

function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.output<T> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error, where === "body" ? "The request body" : `The ${where}`);
  return result.data;
}

export async function dispatchRest(req: Request): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  const log = requestLogger(requestId);
  const started = performance.now();
  const method = req.method.toUpperCase();
  const bytes = serveBytes(method === "HEAD" && new URL(req.url).pathname.startsWith(API_PREFIX) ? new Request(req, { method: "GET" }) : req, requestId, log);
  const response = await (bytes ?? dispatch(req, requestId, log));
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

/** Calls the operation's procedure as `actor`, through the same ladder the browser's calls take. */
async function callProcedure(op: Operation, input: unknown, ctx: { actor: Actor; requestId: string; log: Logger }): Promise<unknown> {
  let target: unknown = createCaller(ctx);
  for (const key of op.procedure.split(".")) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

async function dispatch(req: Request, requestId: string, log: Logger): Promise<Response> {
  const url = new URL(req.url);
  const method = req.method.toUpperCase() as HttpMethod;
  const routeMethod = (req.method.toUpperCase() === "HEAD" ? "GET" : method) as HttpMethod;
  const subpath = url.pathname.slice(API_PREFIX.length) || "/";
  const error = (status: number, code: string, message: string, headers?: Record<string, string>) => errorResponse({ status, code, message, requestId }, headers);

  const addressProblem = addressFault(url.pathname);
  if (addressProblem) return error(400, "bad_request", addressProblem);
  const candidates = compiled().map((c) => ({ c, match: c.pattern.exec(subpath) })).filter((x) => x.match);
  const byteMethods = byteMethodsFor(url.pathname);
  candidates.push(...byteMethods.map((m) => ({ c: { op: { method: m } } as Compiled, match: null })));
  if (candidates.length === 0) {
    return error(404, "not_found", `There is no API route ${method} ${url.pathname}. The routes are listed at ${API_PREFIX}/openapi.json.`);
  }
  const hit = candidates.find((x) => x.c.op.method === routeMethod);
  if (!hit) {
    const methods = [...new Set(candidates.map((x) => x.c.op.method))];
    const allowed = (methods.includes("GET") ? [...methods, "HEAD"] : methods).join(", ");
    return error(405, "method_not_allowed", `${url.pathname} does not accept ${method}; it accepts ${allowed}.`, { allow: allowed });
  }
  const { op, names } = hit.c;

  try {
    const contentType = req.headers.get("content-type");
    if (op.body && contentType !== null && !isJsonMediaType(contentType)) {
      const crossSite = crossSiteRefusal(req);
      throw crossSite ?? notJsonRefusal(contentType);
    }
    const actor = await requireRequestActor(req);
    const rawParams = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit.match![i + 1]!)]));
    const rawQuery = Object.fromEntries(url.searchParams);
    assertStorableText(rawParams);
    assertStorableText(rawQuery);
    const params = parsePart(op.params, rawParams, "path") ?? {};
    const query = parsePart(op.query, rawQuery, "query string") ?? {};
    let body: unknown = undefined;
    if (op.body) {
      const json = await readJsonBody(req);
      assertStorableText(json, "body");
      body = parsePart(op.body, json, "body");
    }
    const rest: RestRequest = { params, query, body };
    const input = op.input ? op.input(rest) : { ...params, ...query, ...(body as object | undefined) };
    const result = await callProcedure(op, input, { actor, requestId, log });
    if (op.status === 204) return new Response(null, { status: 204, headers: { "x-request-id": requestId } });
    const shaped = op.output ? op.output(result as never, { req: rest, baseUrl: env.baseUrl }) : result;
    // Validate the answer too: only what the schema names leaves the server.
    const schema = op.response ?? op.procedureOutput;
    const output = schema ? schema.parse(shaped) : shaped;
    return Response.json(output, { status: op.status ?? 200, headers: { "x-request-id": requestId, "cache-control": "no-store" } });
  } catch (e) {
    const answer = errorAnswerOf(e, { requestId, log, where: `REST ${method} ${url.pathname}` });
    return errorResponse(answer, answer.status === 401 ? UNAUTHORIZED_HEADERS : undefined);
  }
}
