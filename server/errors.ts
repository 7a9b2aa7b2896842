// Typed errors for domain code. The edges (tRPC's middleware, the REST dispatcher) turn an
// AppError into a response once; anything else is unexpected, logged with an id, and shown as a
// generic message.

export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Field-level messages, keyed by the field's name. */
    readonly fields?: Record<string, string[]>,
    /** For a refusal that passes on its own (the database restarting): when to ask again, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);

/** How long a caller is asked to wait while the database is not answering (a restart takes ~1-3 s). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The answer to any request while the database is not answering (down, restarting, recovering). */
export const databaseUnavailable = () =>
  new AppError("UNAVAILABLE", "The database is not answering; try again in a few seconds.", undefined, DATABASE_RETRY_AFTER_SECONDS);
