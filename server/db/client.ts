// The Prisma client, over node-postgres through Prisma's driver adapter (no native query engine).
// One client per process; Next's dev server reloads modules, so it is kept on globalThis.
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";
import { env } from "../env";

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL ?? "", max: 10 });
  return new PrismaClient({ adapter });
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
