// The one ladder of procedure types: public -> authed -> project member with a role ->
// director. Permission is checked on the resource, here, not by the page that calls it.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Actor } from "../auth/actor";
import { AppError, type AppErrorCode } from "../errors";
import { errorAnswerOf, ReportedError } from "../http/error-answer";
import { assertStorableText } from "../http/storable-text";
import type { Logger } from "../log";
import { requireProjectRole } from "../projects/access";
import { ZProjectRole } from "../projects/schemas";
import type { ProcedureMeta } from "../rest/meta";

export type TrpcContext = { actor: Actor | null; requestId: string; log: Logger };

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

// Procedures carry their REST face in .meta({ rest }) (server/rest/meta.ts): /api/v1 and its
// OpenAPI document are generated from it.
const t = initTRPC.context<TrpcContext>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const { stack: _stack, ...data } = shape.data;
    const requestId = ctx?.requestId ?? null;
    if (cause instanceof ZodError) {
      const fields = z.flattenError(cause).fieldErrors as Record<string, string[]>;
      const [field, messages] = Object.entries(fields)[0] ?? [];
      const message = field && messages?.[0] ? `The input is not valid: ${field} ${messages[0]}.` : "The input is not valid.";
      return { ...shape, message, data: { ...data, fields, requestId } };
    }
    return { ...shape, data: { ...data, fields: cause instanceof AppError ? (cause.fields ?? null) : null, requestId } };
  },
});

/** A domain error as the tRPC error of the same meaning (for refusals made before a procedure runs). */
export function trpcErrorOf(e: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[e.code], message: e.message, cause: e });
}

/** The Retry-After (seconds) of a tRPC answer: the longest any of its errors asks for, or null. */
export function retryAfterOf(errors: readonly TRPCError[]): number | null {
  const seconds = errors.map((e) => (e.cause instanceof AppError ? (e.cause.retryAfterSeconds ?? 0) : 0));
  const longest = Math.max(0, ...seconds);
  return longest > 0 ? longest : null;
}

/**
 * Any error as the one the client sees (a procedure's, or the context's: who is asking needs the
 * database too), by the one conversion of every edge
 * (server/http/error-answer.ts): domain errors in their words; the unexpected logged with the
 * request id and hidden.
 */
export function convertedError(error: unknown, ctx: Pick<TrpcContext, "requestId" | "log">, path: string): TRPCError {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof AppError) return trpcErrorOf(cause);
  // zod's refusals of a procedure's input stay tRPC's own (the formatter names their fields).
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return error;
  const answer = errorAnswerOf(error, { requestId: ctx.requestId, log: ctx.log, where: `tRPC ${path}` });
  if (answer.status !== 500) return trpcErrorOf(new AppError(answer.code.toUpperCase() as AppErrorCode, answer.message, answer.fields, answer.retryAfterSeconds));
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: answer.message, cause: new ReportedError(answer) });
}

/**
 * A subscription's errors, converted too: they are thrown while its events are read, after the
 * middleware has returned, and tRPC would send each one over SSE as INTERNAL_SERVER_ERROR.
 */
async function* convertedEvents(events: AsyncIterable<unknown>, ctx: TrpcContext, path: string): AsyncGenerator<unknown> {
  try {
    yield* events;
  } catch (e) {
    throw convertedError(e, ctx, path);
  }
}

const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> => typeof v === "object" && v !== null && Symbol.asyncIterator in v;

/** Turns domain errors into tRPC errors once; an unexpected error is logged and hidden. */
const errorBoundary = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    result.error = convertedError(result.error, ctx, path);
  } else if (type === "subscription" && isAsyncIterable(result.data)) {
    (result as { data: unknown }).data = convertedEvents(result.data, ctx, path);
  }
  return result;
});

/** NUL bytes and lone surrogates are refused in any input, naming the field (server/http/storable-text.ts). */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  assertStorableText(await getRawInput());
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(errorBoundary).use(storableInput);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * A procedure on one project; the caller must hold at least `atLeast` in it. The role is checked
 * here, once: `ctx.access` (project, role, the caller's lab standing) goes to the domain function,
 * which trusts it (server/files/access.ts) instead of looking the membership up again.
 */
export const projectProcedure = (atLeast: z.infer<typeof ZProjectRole>) =>
  authedProcedure.input(z.object({ projectSlug: z.string().min(1) })).use(async ({ ctx, input, next }) => {
    const access = await requireProjectRole({ actorId: ctx.actor.id, projectSlug: input.projectSlug, atLeast });
    return next({ ctx: { ...ctx, access, project: access.project, projectRole: access.role } });
  });

