// One real PostgreSQL (embedded, in a temp folder) for the whole run, migrated the way
// Benchtop migrates at start. Each test makes its own rows through the domain functions.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../server/db/migrate";
import { startScratchDatabase, type ScratchDatabase } from "../../scripts/scratch-db";
import { ensureBuilt } from "../../packages/cli/build.mjs";

let db: ScratchDatabase | undefined;

export default async function setup(project: TestProject) {
  // The CLI tests run the built package (bin/benchtop.mjs loads it): built here once when missing
  // or older than its sources, before any test starts a `benchtop` process.
  await ensureBuilt();
  db = await startScratchDatabase("vitest");
  await applyMigrations(db.url);
  project.provide("databaseUrl", db.url);
  return async () => {
    await db?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
