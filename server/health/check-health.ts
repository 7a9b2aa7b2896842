import { db } from "../db/client";
import { databaseUnavailableReason } from "../db/unavailable";
import { env } from "../env";

const startedAt = Date.now();
const version = "0.1.0";

export type Health =
  | { ok: true; db: "up"; dbLatencyMs: number; mode: string; version: string; uptimeSeconds: number }
  | { ok: false; db: "down"; reason: string; mode: string; version: string; uptimeSeconds: number };

export async function checkHealth(): Promise<Health> {
  const base = { mode: env.BENCHTOP_MODE, version, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
  const t0 = performance.now();
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("nothing came back within 2 s")), 2000)),
    ]);
    return { ok: true, db: "up", dbLatencyMs: Math.round((performance.now() - t0) * 10) / 10, ...base };
  } catch (e) {
    return { ok: false, db: "down", reason: `The database does not answer: ${reasonOf(e)}.`, ...base };
  }
}

/**
 * The failure in words, without the connection string or its password. Prisma's messages start
 * with a blank line and the calling code ("Invalid `prisma.$queryRaw()` invocation: ..."), so the
 * first line said nothing; the known causes are named (server/db/unavailable.ts), and for anything
 * else its last non-empty line is kept.
 */
function reasonOf(e: unknown): string {
  const known = databaseUnavailableReason(e);
  if (known) return known;
  const message = e instanceof Error ? e.message.replace(/postgres(ql)?:\/\/\S+/g, "[database]") : "";
  const line = message.split("\n").map((l) => l.trim()).filter(Boolean).at(-1);
  return line ? line.replace(/\.$/, "") : "unknown error";
}
