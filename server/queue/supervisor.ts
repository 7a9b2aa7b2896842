// The queue's supervisor: one per deployment at a time (a session advisory lock on a dedicated
// connection elects it), it sweeps expired leases and runs scheduler passes, woken at once by
// NOTIFY on the queue channel and every second as a fallback, once a second writes the ledger's new
// minutes (./sql/meter.ts: a job's cost is whole about a second after it ends), and every 30 s checks
// budgets (../costs/alerts.ts). Started by scripts/start.ts.
import pg from "pg";
import { databaseUnavailableReason } from "../db/unavailable";
import { checkBudgets } from "../costs/alerts";
import { env } from "../env";
import { log } from "../log";
import { restartGraceMs } from "./capacity";
import { CHANNEL, notifications } from "./notify";
import { runSchedulerPass } from "./scheduler-pass";
import { meterStatement } from "./sql/meter";
import { sweepExpiredLeases } from "./sweep";

const SUPERVISOR_LOCK = 7_214_002_818;
const TICK_MS = 1000;
/** How often the leader writes the ledger's new minutes (server/queue/sql/meter.ts); a run with nothing due costs under a millisecond. */
const METER_EVERY_MS = 1000;
/** How often the leader checks budgets' thresholds and 100 % policies (server/costs/alerts.ts). */
const BUDGETS_EVERY_MS = 30_000;

export type Supervisor = { stop: () => Promise<void>; isLeader: () => boolean };

export function startSupervisor(opts: { tickMs?: number; budgetsEveryMs?: number } = {}): Supervisor {
  const tickMs = opts.tickMs ?? TICK_MS;
  const budgetsEveryMs = opts.budgetsEveryMs ?? BUDGETS_EVERY_MS;
  let budgetsAt = 0;
  const abort = new AbortController();
  let leader = false;
  let leaderSince = 0;
  let meteredAt = 0;
  let lockClient: pg.Client | null = null;

  const loop = async () => {
    while (!abort.signal.aborted) {
      try {
        if (!leader) {
          lockClient ??= await connect();
          const { rows } = await lockClient.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [SUPERVISOR_LOCK]);
          leader = rows[0]!.ok;
          if (leader) {
            leaderSince = Date.now();
            log.info("queue supervisor: this process schedules and sweeps");
          }
        }
        if (leader) {
          // A server that was down must give the agents time to heartbeat again before it judges
          // their leases (their silence was ours): longer than an agent waits before stopping its
          // jobs, so a job that an agent still runs is renewed first.
          if (Date.now() - leaderSince >= restartGraceMs()) await sweepExpiredLeases();
          await runSchedulerPass();
          if (Date.now() - meteredAt >= METER_EVERY_MS) {
            meteredAt = Date.now();
            // The ledger's writer; a failure here is logged and retried, it never stops scheduling.
            await meterStatement(null).catch((e: unknown) => log.error({ err: e }, "queue supervisor: metering failed; retrying"));
          }
          if (Date.now() - budgetsAt >= budgetsEveryMs) {
            budgetsAt = Date.now();
            await checkBudgets().catch((e: unknown) => log.error({ err: e }, "queue supervisor: the budget check failed; retrying"));
          }
        }
      } catch (e) {
        // The database down or restarting is said in words (server/db/unavailable.ts), not as a stack.
        const unavailable = databaseUnavailableReason(e);
        if (unavailable) log.warn({ reason: unavailable }, "queue supervisor: the database is not answering; retrying");
        else log.error({ err: e }, "queue supervisor pass failed; retrying");
        if (lockClient) {
          await lockClient.end().catch(() => undefined);
          lockClient = null;
          leader = false;
        }
      }
      await notifications.wait(CHANNEL.queue, null, leader ? tickMs : tickMs * 5, abort.signal);
    }
  };

  const connect = async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    client.on("error", () => {
      leader = false;
      lockClient = null;
    });
    await client.connect();
    return client;
  };

  const done = loop();
  return {
    isLeader: () => leader,
    stop: async () => {
      abort.abort();
      await done;
      await lockClient?.end().catch(() => undefined);
    },
  };
}
