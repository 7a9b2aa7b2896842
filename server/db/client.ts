// The Prisma client, over node-postgres through Prisma's driver adapter (no native query engine),
// on the one pool the queue's hand-written statements use too (server/db/pool.ts): one set of
// connections per process, not two. One client per process; Next's dev server reloads modules, so
// it is kept on globalThis.
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";
import { sql } from "./pool";

function createClient(): PrismaClient {
  // The pool is the process's, not the client's: $disconnect leaves it open (disposeExternalPool).
  const adapter = new PrismaPg(sql, { disposeExternalPool: false });
  // A burst (hundreds of submissions at once) queues for connections; Prisma's default 2 s wait
  // for one turned part of such a burst into errors (tests/queue/queue.test.ts, 500 submissions).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 20_000, timeout: 20_000 } });
}

const globalForDb = globalThis as unknown as { benchtopDb?: PrismaClient };
export const db: PrismaClient = globalForDb.benchtopDb ?? createClient();
globalForDb.benchtopDb = db;

export type Tx = Prisma.TransactionClient;
export { Prisma };

/** True when `e` is Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
