import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../server/db/migrate";
import { startScratchDatabase, type ScratchDatabase } from "../scripts/scratch-db";

let scratch: ScratchDatabase;
beforeAll(async () => {
  scratch = await startScratchDatabase("migrate-test");
});
afterAll(async () => {
  await scratch.stop();
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("apply once, even when two processes start together, recorded as Prisma records them", async () => {
    const committed = await readMigrations();
    const results = await Promise.all([applyMigrations(scratch.url), applyMigrations(scratch.url)]);
    expect(results.flat().sort()).toEqual(committed.map((m) => m.name).sort());
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      scratch.url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(committed.map((m) => m.name));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(rows.map((r) => r.checksum)).toEqual(committed.map((m) => m.checksum));
    expect(await applyMigrations(scratch.url)).toEqual([]);
  });

  it("roll a failing migration back whole and name it", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-migrations-"));
    await fs.mkdir(path.join(dir, "20990101000000_broken"));
    await fs.writeFile(
      path.join(dir, "20990101000000_broken", "migration.sql"),
      `CREATE TABLE "HalfDone" (id int); SELECT no_such_function();`,
    );
    const other = await startScratchDatabase("migrate-broken");
    try {
      await expect(applyMigrations(other.url, { dir })).rejects.toThrow(/Migration 20990101000000_broken failed and was rolled back/);
      const tables = await query(other.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'HalfDone'`);
      expect(tables).toHaveLength(0);
    } finally {
      await other.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("refuse a migration edited after it was applied", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-migrations-"));
    await fs.mkdir(path.join(dir, "20990101000000_one"));
    const file = path.join(dir, "20990101000000_one", "migration.sql");
    await fs.writeFile(file, `CREATE TABLE "One" (id int);`);
    const other = await startScratchDatabase("migrate-edit");
    try {
      await applyMigrations(other.url, { dir });
      await fs.writeFile(file, `CREATE TABLE "One" (id bigint);`);
      await expect(applyMigrations(other.url, { dir })).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await other.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
