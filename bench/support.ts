// Shared set-up for the queue benchmarks: a scratch embedded PostgreSQL, migrated, with the
// server's modules loaded against it (env is read at import, so they are imported after).
import { applyMigrations } from "../server/db/migrate";
import { startScratchDatabase, type ScratchDatabase } from "../scripts/scratch-db";

export async function benchDatabase(label: string): Promise<ScratchDatabase> {
  const db = await startScratchDatabase(label);
  await applyMigrations(db.url);
  process.env.DATABASE_URL = db.url;
  process.env.BENCHTOP_MODE = "development";
  process.env.LOG_LEVEL = "warn";
  process.env.BENCHTOP_HOME = db.home + "/home";
  // Local data stores of a bench go here (beside BENCHTOP_HOME, never inside it).
  process.env.BENCHTOP_LOCAL_STORE_ROOTS = db.home + "/stores";
  return db;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
