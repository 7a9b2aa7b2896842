// Wake-ups over PostgreSQL LISTEN/NOTIFY, so agents' long polls and the scheduler react at once
// instead of polling. One listening connection per process; waiters register in memory. A missed
// notification only costs a poll interval: every waiter also has a timeout.
import pg from "pg";
import { env } from "../env";
import { log } from "../log";
import type { Tx } from "../db/client";

/** Channels: the scheduler (something to schedule) and one per agent (work for it). */
export const CHANNEL = { queue: "benchtop_queue", agent: "benchtop_agent", job: "benchtop_job" } as const;
type Channel = (typeof CHANNEL)[keyof typeof CHANNEL];

type Waiter = { channel: Channel; key: string | null; wake: () => void };

class NotificationHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private waiters = new Set<Waiter>();

  private async connect(): Promise<void> {
    if (this.client) return;
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      client.on("notification", (n) => this.dispatch(n.channel as Channel, n.payload ?? ""));
      client.on("error", (e) => {
        log.warn({ err: { message: e.message } }, "notification connection lost; reconnecting on next wait");
        this.client = null;
        this.connecting = null;
        this.dispatchAll();
      });
      await client.connect();
      for (const c of Object.values(CHANNEL)) await client.query(`LISTEN ${c}`);
      this.client = client;
    })().catch((e) => {
      this.connecting = null;
      throw e;
    });
    await this.connecting;
  }

  private dispatch(channel: Channel, payload: string) {
    for (const w of this.waiters) if (w.channel === channel && (w.key === null || w.key === payload)) w.wake();
  }

  private dispatchAll() {
    for (const w of this.waiters) w.wake();
  }

  /** Resolves on a notification on `channel` (with payload `key`, when given), or after timeoutMs. */
  async wait(channel: Channel, key: string | null, timeoutMs: number, signal?: AbortSignal): Promise<"notified" | "timeout"> {
    await this.connect().catch(() => undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = { channel, key, wake: () => finish("notified") };
      const timer = setTimeout(() => finish("timeout"), timeoutMs);
      const onAbort = () => finish("timeout");
      signal?.addEventListener("abort", onAbort);
      const finish = (how: "notified" | "timeout") => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        this.waiters.delete(waiter);
        resolve(how);
      };
      this.waiters.add(waiter);
    });
  }

  async close() {
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}

const globalForHub = globalThis as unknown as { benchtopHub?: NotificationHub };
export const notifications = (globalForHub.benchtopHub ??= new NotificationHub());

/** Sends a notification when the transaction commits (NOTIFY is transactional in PostgreSQL). */
export async function notify(tx: Tx, channel: Channel, payload = ""): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}
