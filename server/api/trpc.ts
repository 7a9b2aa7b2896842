// The one ladder of procedure types: public -> authed -> project member with a role ->
// director. Permission is checked on the resource, here, not by the page that calls it.
import { initTRPC, TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Actor } from "../auth/actor";
import { AppError, type AppErrorCode } from "../errors";
import type { Logger } from "../log";
import { requireProjectRole } from "../projects/access";
import { ZProjectRole } from "../projects/schemas";
import { isDirector } from "../users/users";

export type TrpcContext = { actor: Actor | null; requestId: string; log: Logger };

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const { stack: _stack, ...data } = shape.data;
    if (cause instanceof ZodError) {
      const fields = z.flattenError(cause).fieldErrors as Record<string, string[]>;
      const [field, messages] = Object.entries(fields)[0] ?? [];
      const message = field && messages?.[0] ? `The input is not valid: ${field} ${messages[0]}.` : "The input is not valid.";
      return { ...shape, message, data: { ...data, fields } };
    }
    return { ...shape, data: { ...data, fields: cause instanceof AppError ? (cause.fields ?? null) : null } };
  },
});

/** Turns domain errors into tRPC errors once; an unexpected error is logged and hidden. */
const errorBoundary = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const error = result.error;
  const cause = error.cause;
  if (cause instanceof AppError) {
    result.error = new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  } else if (error.code === "INTERNAL_SERVER_ERROR") {
    const errorId = randomUUID().slice(0, 8);
    ctx.log.error({ err: cause ?? error, path, errorId }, "unexpected error in a tRPC procedure");
    result.error = new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: `Something went wrong on the server (error ${errorId}). It has been logged.`,
    });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(errorBoundary);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** A procedure on one project; the caller must hold at least `atLeast` in it. */
export const projectProcedure = (atLeast: z.infer<typeof ZProjectRole>) =>
  authedProcedure.input(z.object({ projectSlug: z.string().min(1) })).use(async ({ ctx, input, next }) => {
    const access = await requireProjectRole({ actorId: ctx.actor.id, projectSlug: input.projectSlug, atLeast });
    return next({ ctx: { ...ctx, project: access.project, projectRole: access.role } });
  });

export const directorProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isDirector(ctx.actor.labRole)) throw new AppError("FORBIDDEN", "Only lab directors and admins can do this.");
  return next();
});
