// The embedded PostgreSQL is supervised (issue 14): killed with SIGKILL, it is started again by
// itself on the same data folder and port (PostgreSQL's crash recovery keeps what was committed),
// it says so in one line, and the app's next requests work. Each test runs its own embedded
// PostgreSQL (never the shared one of the global setup); the app's modules read DATABASE_URL when
// first imported, so they are imported after it points at this file's server.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { restartDelayMs } from "../../server/db/embedded-supervision";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrate";

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** The lines the supervisor reports, and a wait for the next one that matches. */
function reportLines() {
  const lines: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  return {
    lines,
    report: (line: string) => {
      lines.push(line);
      for (const w of waiting.filter((w) => w.pattern.test(line))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    },
    next: (pattern: RegExp) => new Promise<string>((resolve) => waiting.push({ pattern, resolve })),
  };
}

async function supervisedDatabase(label: string) {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), `benchtop-${label}-`));
  const reports = reportLines();
  const database: EmbeddedDatabase = await startEmbeddedPostgres({ home, supervise: { report: reports.report } });
  cleanups.push(() => fs.rm(home, { recursive: true, force: true }), () => database.stop());
  // The postmaster's pid is the first line of its lock file.
  const serverPid = async () => Number((await fs.readFile(path.join(home, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
  const killServer = async (pid?: number) => process.kill(pid ?? (await serverPid()), "SIGKILL");
  return { home, database, reports, serverPid, killServer };
}

describe.sequential("the supervised embedded PostgreSQL", () => {
  it("comes back by itself after SIGKILL, says so, keeps what was committed, and the app's next requests work", async () => {
    const { database, reports, killServer } = await supervisedDatabase("supervised");
    await applyMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    const { createUser } = await import("../support/factories");
    const { db } = await import("../../server/db/client");
    const { sql } = await import("../../server/db/pool");
    const { checkHealth } = await import("../../server/health/check-health");
    cleanups.push(() => sql.end());
    const before = await createUser({ name: "Committed Before The Kill" });
    expect(await checkHealth()).toMatchObject({ ok: true, db: "up" });

    const back = reports.next(/is back/);
    const stopped = reports.next(/stopped/);
    await killServer();
    expect(await stopped).toBe("The embedded PostgreSQL stopped (killed by SIGKILL); starting it again (it recovers its data from its write-ahead log).");
    expect(await back).toMatch(/^The embedded PostgreSQL is back, \d+\.\d s after it stopped\.$/);
    expect(reports.lines).toHaveLength(2);

    // The pool's connections died with the server; the next queries open new ones.
    expect(await checkHealth()).toMatchObject({ ok: true, db: "up" });
    expect((await db.user.findUniqueOrThrow({ where: { id: before.id } })).name).toBe("Committed Before The Kill");
    const after = await createUser({ name: "Made After The Restart" });
    expect(await db.user.count({ where: { id: { in: [before.id, after.id] } } })).toBe(2);

    // And again: a second death is supervised as the first was.
    const backAgain = reports.next(/is back/);
    await killServer();
    await backAgain;
    expect(await checkHealth()).toMatchObject({ ok: true, db: "up" });
  });

  it("says in a sentence that it cannot come back when its data folder is gone, instead of trying forever", async () => {
    const { home, reports, serverPid, killServer } = await supervisedDatabase("supervised-gone");
    const gone = reports.next(/cannot come back/);
    const pid = await serverPid();
    await fs.rm(path.join(home, "postgres"), { recursive: true, force: true });
    await killServer(pid);
    expect(await gone).toBe(
      `The embedded PostgreSQL stopped (killed by SIGKILL) and cannot come back: its data folder ${path.join(home, "postgres")} is gone. ` +
        "Restore it from a backup and restart Benchtop (started on an empty folder, it makes a new, empty database).",
    );
  });

  it("says why a restart failed and tries again after a wait, until it starts", async () => {
    const { home, reports, killServer } = await supervisedDatabase("supervised-retry");
    const conf = path.join(home, "postgres", "postgresql.conf");
    const good = await fs.readFile(conf, "utf8");
    // A setting PostgreSQL refuses: every start fails until it is taken out again.
    await fs.writeFile(conf, good + "\nshared_buffers = 'plenty'\n");
    const failed = reports.next(/did not start/);
    const back = reports.next(/is back/);
    await killServer();
    expect(await failed).toMatch(/^The embedded PostgreSQL did not start \(.*configuration file .*postgresql\.conf.* contains errors.*\); trying again in 1 s\.$/);
    await fs.writeFile(conf, good);
    await back;
    expect(reports.lines[0]).toMatch(/stopped \(killed by SIGKILL\); starting it again/);
  });

  it("waits longer each time when it keeps dying: at once, then 1 s, 2 s, 4 s ... up to 30 s", () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 10].map((n) => restartDelayMs(n));
    expect(delays[0]).toBe(0);
    const expected = [1000, 2000, 4000, 8000, 16000, 30000, 30000];
    delays.slice(1).forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(expected[i]! * 0.9);
      expect(d).toBeLessThanOrEqual(expected[i]! * 1.1);
    });
  });
});
