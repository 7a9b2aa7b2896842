// Waiting between retries: exponential, capped and jittered (STYLE.md), so a lab of agents that
// lost the server at the same moment does not knock on it in step when it comes back.

export type BackoffOptions = { baseMs?: number; capMs?: number; random?: () => number };

/** The wait before retry number `attempt` (0-based): "equal jitter", between half and all of min(cap, base * 2^attempt). */
export function backoffDelay(attempt: number, { baseMs = 500, capMs = 30_000, random = Math.random }: BackoffOptions = {}): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A timer that may be longer than setTimeout's 24.8-day limit (a max runtime can be). */
export function setLongTimeout(fn: () => void, ms: number): { clear(): void } {
  const deadline = Date.now() + ms;
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = deadline - Date.now();
    if (left <= 0) return fn();
    timer = setTimeout(arm, Math.min(left, 2 ** 31 - 1));
  };
  arm();
  return { clear: () => clearTimeout(timer) };
}
