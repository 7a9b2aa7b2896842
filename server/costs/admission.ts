// Budget-aware admission, at submit (server/queue/submit-job.ts) and in the price shown before a job
// runs (./estimate.ts). A job is held (queued with heldReason, which the scheduler skips) when a
// hold or stop budget of its project, or of the lab, is spent; or when its worst case, nodes x GPUs
// (1 for a CPU slot) x the highest rate among the pools it may use x its max runtime, is more
// than that budget has left. An owner or director approving it (./approve.ts) lets it run.
import { db, Prisma } from "../db/client";
import { currentSpend, overBudgetWords, periodWords, scopeWords } from "./budgets";
import { formatMoney, labCurrency, money } from "./money";
import { ratesAt } from "./rates";

export type JobShape = { nodes: number; gpus: number; gpuType: string | null; maxRuntimeSeconds: number; pools: string[] };

export type WorstCase = {
  amount: Prisma.Decimal;
  /** The pool and GPU type (null: CPU slot) whose rate it is priced at: the highest it may use. */
  pool: string;
  gpuType: string | null;
  hourly: Prisma.Decimal;
  /** GPUs (or CPU slots) over all its nodes. */
  units: number;
};

/** The most the job can cost, or null when no pool it may use has a rate for what it asks. */
export async function worstCaseOf(job: JobShape, at: Date = new Date()): Promise<WorstCase | null> {
  const candidates = (await ratesAt(at)).filter(
    (r) =>
      (!job.pools.length || job.pools.includes(r.pool)) &&
      (job.gpus === 0 ? r.gpuType === null : job.gpuType ? r.gpuType === job.gpuType : r.gpuType !== null),
  );
  if (!candidates.length) return null;
  const top = candidates.reduce((a, b) => (b.hourly.gt(a.hourly) ? b : a));
  const units = job.nodes * (job.gpus || 1);
  return { amount: top.hourly.times(units).times(job.maxRuntimeSeconds).div(3600), pool: top.pool, gpuType: top.gpuType, hourly: top.hourly, units };
}

/** "4 h", "90 min", "1.5 h": a max runtime as a sentence says it. */
export function runtimeWords(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  return `${Number((seconds / 3600).toFixed(1))} h`;
}

/**
 * Why the job would be held by a budget, in words ("held: project demo has spent $412.00 of its
 * $400.00 December budget"), or null when it may run. `worst` is computed only when a budget could hold.
 */
export async function budgetHold(args: { projectId: string; projectSlug: string; job: JobShape; at?: Date }): Promise<{ heldReason: string | null; worst: WorstCase | null }> {
  const at = args.at ?? new Date();
  const budgets = await db.budget.findMany({
    where: { scope: { in: [args.projectId, "lab"] }, policy: { in: ["hold", "stop"] } },
    select: { id: true, projectId: true, amount: true, startsAt: true, endsAt: true },
  });
  if (!budgets.length) return { heldReason: null, worst: null };
  const [live, worst, currency] = await Promise.all([currentSpend(budgets, at), worstCaseOf(args.job, at), labCurrency()]);
  // The project's own budget is named first when both would hold.
  live.sort((a, b) => (a.projectId ? 0 : 1) - (b.projectId ? 0 : 1));
  for (const b of live) {
    const amount = new Prisma.Decimal(b.amount);
    const slug = b.projectId ? args.projectSlug : null;
    if (b.spent.gte(amount)) return { heldReason: `held: ${overBudgetWords({ projectSlug: slug, spent: b.spent, amount, endsAt: b.endsAt, start: b.start }, currency)}`, worst };
    const left = amount.minus(b.spent);
    if (worst && worst.amount.gt(left)) {
      const price = formatMoney(money(worst.amount, currency));
      return {
        heldReason: `held: its worst case, ${price} (${worstWords(worst, args.job, currency)}), is more than the ${formatMoney(money(left, currency))} left of ${scopeWords(slug)}'s ${formatMoney(money(amount, currency))} ${periodWords(b, b)}`,
        worst,
      };
    }
  }
  return { heldReason: null, worst };
}

/** "2 GPUs x $2.50/h on lab A100 x 4 h" */
export function worstWords(w: WorstCase, job: JobShape, currency: string): string {
  const what = w.gpuType ? `${w.units} ${w.units === 1 ? "GPU" : "GPUs"}` : `${w.units} CPU ${w.units === 1 ? "slot" : "slots"}`;
  return `${what} x ${formatMoney(money(w.hourly, currency))}/h on ${w.pool}${w.gpuType ? ` ${w.gpuType}` : ""} x ${runtimeWords(job.maxRuntimeSeconds)}`;
}
