// A database of the test file's own, on the run's PostgreSQL, migrated like the shared one: for
// tests that change lab-wide state (the lab's currency, the demo seed) that other files, running
// in parallel on the shared database, must not see. Import anything that opens the database
// (server/db/client and what uses it) only after `ownDatabase()` resolved, with `await import()`.
import { inject } from "vitest";
import pg from "pg";

export async function ownDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(inject("databaseUrl"));
  const dbName = `${name}_${process.pid}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  const admin = new pg.Client({ connectionString: base.href });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  base.pathname = `/${dbName}`;
  const { applyMigrations } = await import("../../server/db/migrate");
  await applyMigrations(base.href);
  process.env.DATABASE_URL = base.href;
  return {
    url: base.href,
    drop: async () => {
      const { db } = await import("../../server/db/client");
      await db.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}
