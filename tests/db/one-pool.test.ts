// One pool per process: Prisma's adapter and the queue's hand-written statements share
// server/db/pool.ts's connections (two pools held up to 30 connections per process).
import { expect, test } from "vitest";
import { db } from "../../server/db/client";
import { sql } from "../../server/db/pool";

test("a Prisma query runs on the pool the queue's statements use", async () => {
  expect(sql.totalCount).toBe(0);
  // Prisma alone, in a transaction so that it holds its connection while we look.
  const seen = await db.$transaction(async (tx) => {
    await tx.$queryRaw`select 1`;
    return { total: sql.totalCount, idle: sql.idleCount };
  });
  expect(seen.total).toBe(1);
  expect(seen.idle).toBe(0);
  expect((await sql.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
  expect(sql.totalCount).toBe(1);
});
