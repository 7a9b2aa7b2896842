// Which errors mean "the database is not answering" (server/db/unavailable.ts). The outage
// itself, with real errors from a stopped server, is tests/edge/database-down.test.ts; these are
// the shapes seen there and the ones a test cannot stop a server into (a server starting up, a
// full pool), and errors that must stay what they are.
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { databaseUnavailableReason } from "../../server/db/unavailable";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });
const prismaError = (code: string, cause?: object) =>
  new Prisma.PrismaClientKnownRequestError("\nInvalid `db.user.count()` invocation:\n\nsomething", { code, clientVersion: "6", meta: cause ? { driverAdapterError: Object.assign(new Error("DriverAdapterError"), { cause }) } : undefined });

describe("databaseUnavailableReason", () => {
  it("names the cause of a server that is away, restarting, starting or full", () => {
    expect(databaseUnavailableReason(prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5433 }))).toBe("connection refused at 127.0.0.1:5433");
    expect(databaseUnavailableReason(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED", address: "127.0.0.1", port: 5433, errno: -111 }))).toBe("connection refused at 127.0.0.1:5433");
    expect(databaseUnavailableReason(pgError("57P03", "the database system is starting up"))).toBe("the database server is starting up");
    expect(databaseUnavailableReason(pgError("57P01", "terminating connection due to administrator command"))).toBe("the database server is shutting down");
    expect(databaseUnavailableReason(new Error("Connection terminated unexpectedly"))).toBe("the database server closed the connection");
    expect(databaseUnavailableReason(prismaError("P2024"))).toBe("no database connection became free in time");
    expect(databaseUnavailableReason(new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5433"), { code: "ECONNREFUSED", address: "::1", port: 5433 })]))).toBe("connection refused at ::1:5433");
    // A postgres error the adapter passes through as it is (no Prisma code of its own).
    expect(databaseUnavailableReason(Object.assign(new Error("DriverAdapterError"), { cause: { kind: "postgres", code: "57P03", message: "the database system is in recovery mode" } }))).toBe("the database server is starting up");
  });

  it("leaves every other error alone: a constraint, a missing row, a bug", async () => {
    const divided = await db.$executeRaw`SELECT 1/0`.then(
      () => null,
      (e: unknown) => e,
    );
    expect(divided).toBeInstanceOf(Error);
    expect(databaseUnavailableReason(divided)).toBeNull();
    expect(databaseUnavailableReason(prismaError("P2002", { kind: "UniqueConstraintViolation" }))).toBeNull();
    expect(databaseUnavailableReason(prismaError("P2025"))).toBeNull();
    expect(databaseUnavailableReason(new TypeError("cannot read properties of undefined"))).toBeNull();
    expect(databaseUnavailableReason("a string")).toBeNull();
  });
});
