// "Until the server acknowledges": a report is retried with backoff for as long as the server is
// unreachable or failing (it may be restarting), and given up at once when retrying cannot help
// (a 4xx that is not a timeout or rate limit) or when the lease is lost.
import { AgentApiError, LeaseLostError } from "./client";
import { backoffDelay, sleep } from "./backoff";
import type { Progress } from "./progress";

export type RetryOptions = {
  /** What is being done, for the progress line ("send logs of node n1"). */
  what: string;
  signal?: AbortSignal;
  progress?: Progress;
  capMs?: number;
};

export async function retryUntilDone<T>(fn: () => Promise<T>, { what, signal, progress, capMs = 30_000 }: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (e instanceof LeaseLostError || !(e instanceof AgentApiError) || !e.retryable) throw e;
      const waitMs = backoffDelay(attempt, { capMs });
      // One line at the first failure and then every tenth, so a long outage is visible but calm.
      if (attempt % 10 === 0) progress?.("retrying", { what, error: e.message, attempt: attempt + 1, waitS: Math.ceil(waitMs / 1000) });
      await sleep(waitMs, signal);
    }
  }
}

export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
