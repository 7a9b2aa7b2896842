// The one error conversion of every edge: tRPC, REST, the byte routes and the agent API.
// An error becomes { code, message (one sentence), fields, requestId } with an HTTP status:
//   - AppError: its code, its sentence, its fields;
//   - zod's own refusal: bad_request, naming the first field;
//   - a TRPCError that carries either of those: the same; any other TRPCError of a known code:
//     that code with its message;
//   - the database not answering (down, restarting, recovering: server/db/unavailable.ts):
//     503 unavailable with Retry-After, "The database is not answering; try again in a few
//     seconds.", logged once with the request id and the reason;
//   - anything else is unexpected: logged with the request id, answered with a sentence that
//     names that id and never the raw message.
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { databaseUnavailableReason } from "../db/unavailable";
import { AppError, APP_ERROR_STATUS, databaseUnavailable, type AppErrorCode } from "../errors";
import type { Logger } from "../log";

export type ErrorAnswer = {
  status: number;
  /** snake_case, e.g. bad_request, not_found, internal */
  code: string;
  message: string;
  fields?: Record<string, string[]>;
  requestId: string;
  /** Sent as Retry-After: the refusal passes on its own (the database restarting). */
  retryAfterSeconds?: number;
};

/** zod issues as field messages, keyed by the dotted path ("body" when the value itself is wrong). */
export function zodFields(error: ZodError, prefix?: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || prefix || "body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** zod's refusal of `what` as a domain error: "The request body is not valid: name is required." */
export function invalidInput(error: ZodError, what = "The request"): AppError {
  const fields = zodFields(error);
  const first = Object.entries(fields)[0];
  return new AppError("BAD_REQUEST", first ? `${what} is not valid: ${first[0]} ${first[1][0]}.` : `${what} is not valid.`, fields);
}

/** tRPC's codes that have an AppError of the same meaning. */
const FROM_TRPC: Partial<Record<TRPCError["code"], AppErrorCode>> = {
  BAD_REQUEST: "BAD_REQUEST",
  PARSE_ERROR: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  UNPROCESSABLE_CONTENT: "UNPROCESSABLE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  SERVICE_UNAVAILABLE: "UNAVAILABLE",
};

/** The sentence an unexpected error is answered with: the id to quote, never the raw message. */
export const unexpectedMessage = (requestId: string) => `Something went wrong on the server (error ${requestId}). It has been logged.`;

/** An unexpected error already logged and answered (tRPC's boundary made it); later edges pass it on as it is. */
export class ReportedError extends Error {
  override name = "ReportedError";
  constructor(readonly answer: ErrorAnswer) {
    super(answer.message);
  }
}

/** The domain error an error means, or null when it is unexpected. */
export function expectedError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) return invalidInput(e);
  if (e instanceof TRPCError) {
    const inner = e.cause instanceof AppError || e.cause instanceof ZodError ? expectedError(e.cause) : null;
    if (inner) return inner;
    const code = FROM_TRPC[e.code];
    if (code) return new AppError(code, e.message);
  }
  return null;
}

/**
 * Any error as the answer the caller sees. Unexpected errors are logged here, once, with the
 * request id (`where` says which edge and operation).
 */
export function errorAnswerOf(e: unknown, opts: { requestId: string; log: Logger; where: string }): ErrorAnswer {
  if (e instanceof ReportedError) return e.answer;
  if (e instanceof TRPCError && e.cause instanceof ReportedError) return e.cause.answer;
  const known = expectedError(e) ?? unavailableError(e, opts);
  if (known) {
    return {
      status: APP_ERROR_STATUS[known.code],
      code: known.code.toLowerCase(),
      message: known.message,
      ...(known.fields ? { fields: known.fields } : {}),
      requestId: opts.requestId,
      ...(known.retryAfterSeconds ? { retryAfterSeconds: known.retryAfterSeconds } : {}),
    };
  }
  const err = e instanceof TRPCError && e.cause ? e.cause : e;
  opts.log.error({ err, requestId: opts.requestId, where: opts.where }, "unexpected error");
  return { status: 500, code: "internal", message: unexpectedMessage(opts.requestId), requestId: opts.requestId };
}

/** The database not answering, as the domain error callers see; logged here, once, with the reason. */
function unavailableError(e: unknown, opts: { requestId: string; log: Logger; where: string }): AppError | null {
  const reason = databaseUnavailableReason(e);
  if (!reason) return null;
  opts.log.warn({ requestId: opts.requestId, where: opts.where, reason }, "the database is not answering");
  return databaseUnavailable();
}

/** The JSON error answer of REST, the byte routes and the agent API. */
export function errorResponse(answer: ErrorAnswer, headers?: Record<string, string>): Response {
  const { status, code, message, fields, requestId, retryAfterSeconds } = answer;
  return Response.json(
    { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}), requestId } },
    { status, headers: { "cache-control": "no-store", "x-request-id": requestId, ...(retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {}), ...headers } },
  );
}
