// Errors that mean the database is not answering (stopped, restarting, recovering after a crash,
// out of connections), as against errors of one query. The edges answer those 503 with
// Retry-After (server/http/error-answer.ts) and /api/health names the cause in words.
//
// What arrives here, seen by killing the server under a running app: Prisma's driver adapter
// (@prisma/adapter-pg) throws PrismaClientKnownRequestError P1001 "Can't reach database server at
// 127.0.0.1:PORT" whose meta.driverAdapterError.cause is { kind: "DatabaseNotReachable", host,
// port } (P2010 with the same cause for $queryRaw); node-postgres throws `connect ECONNREFUSED
// 127.0.0.1:PORT` (code ECONNREFUSED), "Connection terminated unexpectedly" for a query cut off,
// "Client has encountered a connection error and is not queryable" for a transaction's client
// after that, and SQLSTATE 57P01 (admin_shutdown) for a query running when the server is stopped.

/** Prisma's codes for "cannot reach / lost the server / no connection free". */
const PRISMA_CODES: Record<string, string> = {
  P1001: "the database server cannot be reached",
  P1002: "the database server did not answer in time",
  P1008: "the database server did not answer in time",
  P1017: "the database server closed the connection",
  P2024: "no database connection became free in time",
  P2037: "the database server has no free connections",
};

/** SQLSTATEs of a server that is going away, coming back, or full. */
const PG_STATES: Record<string, string> = {
  "57P01": "the database server is shutting down",
  "57P02": "the database server is restarting after a crash",
  "57P03": "the database server is starting up",
  "08000": "the connection to the database server failed",
  "08001": "the connection to the database server could not be made",
  "08003": "the connection to the database server is gone",
  "08004": "the database server refused the connection",
  "08006": "the connection to the database server failed",
  "53300": "the database server has no free connections",
};

const SOCKET_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "the connection was reset",
  ETIMEDOUT: "the connection timed out",
  EPIPE: "the connection was closed",
  EHOSTUNREACH: "the host cannot be reached",
  ENETUNREACH: "the network cannot be reached",
  ENOTFOUND: "the host name is not known",
  EAI_AGAIN: "the host name could not be looked up",
};

/** node-postgres's own messages for a connection that broke or never came. */
const PG_MESSAGES: [RegExp, string][] = [
  [/^Connection terminated/i, "the database server closed the connection"],
  [/connection error and is not queryable/i, "the database server closed the connection"],
  [/timeout exceeded when trying to connect/i, "no connection to the database server could be made in time"],
];

type Shape = { code?: unknown; errorCode?: unknown; kind?: unknown; message?: unknown; address?: unknown; host?: unknown; port?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown; errors?: unknown };

const at = (host: unknown, port: unknown) => (typeof host === "string" && host ? ` at ${host}${port ? `:${String(port)}` : ""}` : "");

/** The reason one error (not its causes) says, or null. */
function reasonOfOne(e: Shape): string | null {
  // Prisma's driver-adapter cause: { kind, host, port } or { kind: "postgres", code, message }.
  switch (e.kind) {
    case "DatabaseNotReachable":
      return `connection refused${at(e.host, e.port)}`;
    case "ConnectionClosed":
      return "the database server closed the connection";
    case "SocketTimeout":
      return "the database server did not answer in time";
    case "TooManyConnections":
      return "the database server has no free connections";
    case "postgres":
      return typeof e.code === "string" ? (PG_STATES[e.code] ?? null) : null;
  }
  const code = typeof e.code === "string" ? e.code : typeof e.errorCode === "string" ? e.errorCode : null;
  if (code && SOCKET_CODES[code]) return `${SOCKET_CODES[code]}${at(e.address ?? e.host, e.port)}`;
  const state = PG_STATES[code ?? ""] ?? (typeof e.originalCode === "string" ? PG_STATES[e.originalCode] : undefined);
  if (state) return state;
  if (typeof e.message === "string") {
    for (const [pattern, words] of PG_MESSAGES) if (pattern.test(e.message)) return words;
  }
  // Prisma's code last: its driver-adapter cause (looked at next) says more, host and port included.
  return null;
}

/**
 * Why the database is not answering, in words ("connection refused at 127.0.0.1:5433"), when `e`
 * means that; null for any other error. Never the connection string: only a host and a port.
 */
export function databaseUnavailableReason(e: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  let prismaWords: string | null = null;
  while (queue.length > 0 && seen.size < 20) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || seen.has(next)) continue;
    seen.add(next);
    const shape = next as Shape;
    const reason = reasonOfOne(shape);
    if (reason) return reason;
    const code = typeof shape.code === "string" ? shape.code : typeof shape.errorCode === "string" ? shape.errorCode : null;
    if (code && PRISMA_CODES[code]) prismaWords ??= PRISMA_CODES[code] ?? null;
    const meta = shape.meta as { driverAdapterError?: unknown } | undefined;
    queue.push(shape.cause, meta?.driverAdapterError);
    // A connection to "localhost" tries each address; node gives an AggregateError of them.
    if (Array.isArray(shape.errors)) queue.push(...shape.errors);
  }
  return prismaWords;
}

/** True when `e` means the database is not answering (see databaseUnavailableReason). */
export const isDatabaseUnavailable = (e: unknown) => databaseUnavailableReason(e) !== null;
