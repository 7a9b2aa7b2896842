// Recent usage and the fair-share factor, the way Slurm's multifactor plugin computes them
// (https://slurm.schedmd.com/priority_multifactor.html): usage decays with a half-life, and
// F = 2^(-U/S), with U the holder's share of all usage and S its share of the machine.

export type UsageRecord = { gpuSeconds: number; at: number };

/**
 * Sum of GPU-seconds, each halved for every `halfLifeMs` since it was used. A record dated after
 * `now` counts in full. The DB layer calls this per user and per project to build `usage`.
 */
export function decayUsage(records: UsageRecord[], now: number, halfLifeMs: number): number {
  let total = 0;
  for (const r of records) {
    const age = Math.max(0, now - r.at);
    total += halfLifeMs > 0 ? r.gpuSeconds * Math.pow(2, -age / halfLifeMs) : age === 0 ? r.gpuSeconds : 0;
  }
  return total;
}

/**
 * Fair-share factor in (0, 1] for each holder (user or project), with equal shares among
 * `holders`: F = 2^(-(usage / total) / (1 / holders.size)). Nobody has used anything: all 1.
 * Two holders, one with all the usage: 0.25 for it, 1 for the other.
 */
export function fairShareFactors(usage: Record<string, number>, holders: Set<string>): Map<string, number> {
  let total = 0;
  for (const id of holders) total += Math.max(0, usage[id] ?? 0);
  const factors = new Map<string, number>();
  for (const id of holders) {
    const used = Math.max(0, usage[id] ?? 0);
    factors.set(id, total > 0 ? Math.pow(2, -(used / total) * holders.size) : 1);
  }
  return factors;
}
