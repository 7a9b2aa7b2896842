import { db } from "../db/client";
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
      new Promise((_, reject) => setTimeout(() => reject(new Error("no answer within 2 s")), 2000)),
    ]);
    return { ok: true, db: "up", dbLatencyMs: Math.round((performance.now() - t0) * 10) / 10, ...base };
  } catch (e) {
    // The reason names the failure without the connection string or its password.
    const message = e instanceof Error ? e.message.replace(/postgres(ql)?:\/\/\S+/g, "[database]") : "unknown error";
    return { ok: false, db: "down", reason: `The database does not answer: ${message.split("\n")[0]}`, ...base };
  }
}
