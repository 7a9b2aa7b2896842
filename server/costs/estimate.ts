// The price of a job before it runs, for the submit form and `benchtop submit --dry-run`: its worst
// case (./admission.ts: nodes x GPUs x the highest rate among the pools it may use x its max
// runtime), what it is expected to cost (the median run time of the person's last, up to 10,
// succeeded jobs of the same command in the project, at that rate), and whether a budget would hold it.
import { db, Prisma } from "../db/client";
import { requireProjectRole } from "../projects/access";
import { ZSubmitJobInput, type TSubmitJobInput } from "../queue/schemas";
import { budgetHold, runtimeWords, worstCaseOf, type JobShape } from "./admission";
import { formatMoney, labCurrency, money, type Money } from "./money";

export type JobEstimate = {
  /** null: no pool the job may use has a rate for what it asks, so there is no worst case. */
  worstCase: Money | null;
  pool: string | null;
  gpuType: string | null;
  maxRuntimeSeconds: number;
  /** null when the person has no succeeded run of this command in the project (or there is no rate). */
  expected: Money | null;
  /** How many past runs `expected` comes from. */
  runs: number;
  /** The hold it would get at submit ("held: ..."), or null. */
  heldReason: string | null;
  /** All of it in one sentence: "at most $4.20 on lab A100 (4 h max); expected ~$1.10 from your last 6 runs of this command". */
  sentence: string;
};

const HISTORY = 10;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function estimateJob(args: { actorId: string } & TSubmitJobInput): Promise<JobEstimate> {
  const input = ZSubmitJobInput.parse(args);
  const { project } = await requireProjectRole({ actorId: args.actorId, projectSlug: input.projectSlug, atLeast: "editor" });
  const job: JobShape = { nodes: input.nodes, gpus: input.gpus, gpuType: input.gpuType ?? null, maxRuntimeSeconds: input.maxRuntimeSeconds, pools: input.pools };
  const [hold, currency] = await Promise.all([budgetHold({ projectId: project.id, projectSlug: project.slug, job }), labCurrency()]);
  const worst = hold.worst ?? (await worstCaseOf(job));
  const command = input.command.trim();

  let expected: Prisma.Decimal | null = null;
  let runs = 0;
  if (worst && command) {
    const past = await db.job.findMany({
      where: { projectId: project.id, submittedById: args.actorId, command, state: "succeeded", startedAt: { not: null }, endedAt: { not: null }, seeded: false },
      orderBy: { endedAt: "desc" },
      take: HISTORY,
      select: { startedAt: true, endedAt: true },
    });
    runs = past.length;
    if (runs) {
      const seconds = Math.min(median(past.map((j) => (j.endedAt!.getTime() - j.startedAt!.getTime()) / 1000)), job.maxRuntimeSeconds);
      expected = worst.hourly.times(worst.units).times(new Prisma.Decimal(seconds.toFixed(3))).div(3600);
    }
  }

  const parts: string[] = [];
  if (worst) {
    parts.push(`at most ${formatMoney(money(worst.amount, currency))} on ${worst.pool} ${worst.gpuType ?? "CPU slots"} (${runtimeWords(job.maxRuntimeSeconds)} max)`);
    if (expected) parts.push(`expected ~${formatMoney(money(expected, currency))} from your last ${runs === 1 ? "run" : `${runs} runs`} of this command`);
  } else {
    const what = job.gpus === 0 ? "CPU slots" : job.gpuType ? `${job.gpuType} GPUs` : "GPUs";
    parts.push(`no worst case: no pool it may use has a rate for ${what}, so it is not priced`);
  }
  if (hold.heldReason) parts.push(`it would be ${hold.heldReason}`);
  return {
    worstCase: worst ? money(worst.amount, currency) : null,
    pool: worst?.pool ?? null,
    gpuType: worst?.gpuType ?? null,
    maxRuntimeSeconds: job.maxRuntimeSeconds,
    expected: expected ? money(expected, currency) : null,
    runs,
    heldReason: hold.heldReason,
    sentence: parts.join("; "),
  };
}
