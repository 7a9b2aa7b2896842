// Prisma's JS schema engine (prisma.config.ts, `engine: "js"`) needs a live database even to diff
// two schema files, and it cannot yet describe a live PostgreSQL through @prisma/adapter-pg
// (catalog columns of type `name` are refused), so `--from-migrations` is out of reach offline.
// What works: diffs between schema files, on a scratch embedded PostgreSQL. The migration check
// then compares the database the committed migrations build with the one the schema builds.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { startScratchDatabase } from "./scratch-db";

export async function diffSchemas(from: string | "empty", to: string): Promise<string> {
  const scratch = await startScratchDatabase("diff");
  try {
    const fromArgs = from === "empty" ? ["--from-empty"] : ["--from-schema-datamodel", from];
    const result = spawnSync(
      process.execPath,
      ["node_modules/prisma/build/index.js", "migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script"],
      {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: scratch.url, PRISMA_DIFF_DATABASE_URL: scratch.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      },
    );
    if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stderr}${result.stdout}`);
    return result.stdout.trim();
  } finally {
    await scratch.stop();
  }
}

export function isEmptyMigration(sql: string): boolean {
  return sql === "" || /^-- This is an empty migration\.?$/m.test(sql);
}

/** The parts of a database's public schema that a migration can change, as comparable lines. */
export async function describeSchema(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '') AS line
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      // Indexes named *_partial are written by hand into migrations (the schema cannot say WHERE).
      `SELECT 'index ' || indexdef AS line FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexname NOT LIKE '%\\_partial'`,
      `SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`,
      `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    ];
    const lines: string[] = [];
    for (const q of queries) lines.push(...(await client.query<{ line: string }>(q)).rows.map((r) => r.line));
    return lines.sort();
  } finally {
    await client.end();
  }
}
