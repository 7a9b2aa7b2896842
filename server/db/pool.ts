// The process's one node-postgres pool. The queue's hot path (claim, start, finish) uses it
// directly, one hand-written statement a step, as graphile-worker and pg-boss do; Prisma's driver
// adapter (server/db/client.ts) runs everything else over the same pool.
// Measured here, a Prisma query costs ~1.5-2.5 ms of client CPU against ~0.3 ms for node-postgres,
// and a claim/complete cycle through Prisma ran at 69/s against pg-boss's 1,025/s (bench/claim-complete.ts).
import pg from "pg";
import { env } from "../env";
import { log } from "../log";

const globalForPool = globalThis as unknown as { benchtopPool?: pg.Pool };

function createPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 20 });
  // An idle connection dropped by the server (a restart, a failover) must not end the process;
  // the pool replaces it on the next query.
  pool.on("error", (e) => log.warn({ err: { message: e.message } }, "an idle database connection was closed"));
  // A client checked out of the pool (a transaction, the scheduler pass's advisory lock) has no
  // listener of the pool's: node-postgres emits 'error' on it when the server goes away (even
  // while a query of it is running, which also fails), and an 'error' nobody listens to ends the
  // process. The query or the next one on that client fails and is answered as the database
  // being down (server/db/unavailable.ts); the pool drops the client when it is released.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

export const sql: pg.Pool = (globalForPool.benchtopPool ??= createPool());
