// The price of a job before it runs, for the submit form and `benchtop submit --dry-run`: its worst
// case (./admission.ts: nodes x GPUs x the highest rate among the pools it may use x its max
// runtime), what it is expected to cost (the median run time of the person's last, up to 10,
// succeeded jobs of the same command in the project, at that rate), whether a budget would hold it,
// and when it would start (a dry pass of the scheduler: queue/scheduler-pass.ts's estimateStart).
import { db, Prisma } from "../db/client";
import { formatDuration } from "../../lib/format-duration";
import { estimateStart } from "../queue/scheduler-pass";
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
  /** The price in one sentence: "at most $4.20 on lab A100 (4 h max); expected ~$1.10 from your last 6 runs of this command". */
  sentence: string;
  /** When it would start if submitted now: now on free capacity, behind running jobs' max runtimes, or null (no estimate). */
  startsAt: Date | null;
  /** The start in words: "starts at once", "starts in ~1h 20m", "starts once an owner or director approves it", or why there is no estimate. */
  start: string;
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
  const { startsAt, start } = await startOf(args.actorId, project, input, !!hold.heldReason);
  return {
    worstCase: worst ? money(worst.amount, currency) : null,
    pool: worst?.pool ?? null,
    gpuType: worst?.gpuType ?? null,
    maxRuntimeSeconds: job.maxRuntimeSeconds,
    expected: expected ? money(expected, currency) : null,
    runs,
    heldReason: hold.heldReason,
    sentence: parts.join("; "),
    startsAt,
    start,
  };
}

/** When the scheduler would start it, were it submitted now, in words a person reads at a glance. */
async function startOf(actorId: string, project: { id: string; name: string }, input: ReturnType<typeof ZSubmitJobInput.parse>, held: boolean): Promise<{ startsAt: Date | null; start: string }> {
  if (held) return { startsAt: null, start: "starts once an owner or director approves it" };
  const me = await db.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true, email: true } });
  const now = Date.now();
  const { at, reason } = await estimateStart(
    {
      userId: actorId,
      userName: me.name?.split(" ")[0]?.toLowerCase() ?? me.email.split("@")[0]!,
      projectId: project.id,
      projectName: project.name,
      priority: input.priority,
      nodes: input.nodes,
      gpusPerNode: input.gpus,
      gpuType: input.gpuType ?? null,
      maxRuntimeMs: input.maxRuntimeSeconds * 1000,
      ...(input.pools?.length ? { poolIds: input.pools } : {}),
    },
    now,
  );
  if (at === null) return { startsAt: null, start: reason ? `no start estimate: ${reason}` : "no start estimate" };
  return { startsAt: new Date(at), start: at - now < 60_000 ? "starts at once" : `starts in ~${formatDuration(at - now)}` };
}
