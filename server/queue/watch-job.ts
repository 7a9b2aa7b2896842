// One live view of a job for its page: state, attempts, progress and metrics, artifacts, and the
// readings of the GPUs it runs on, pushed as they change instead of four polls (jobs.get every
// 2 s, metrics every 3 s, the lab-wide agent list every 3 s, artifacts every 10 s).
//
// It wakes on the job's NOTIFY channel (benchtop_job: started, log lines and metric points,
// cancel, ended) and re-reads; what no notification announces (a scheduler pass placing the job
// or moving its place in the queue, GPU readings that come with agents' heartbeats) is caught by
// a fallback read every few seconds. An event goes out only when something in it changed, so a
// quiet job costs a few small reads and no traffic.
import { db } from "../db/client";
import { CHANNEL, notifications } from "./notify";
import { getJob, listArtifacts, readMetrics } from "./read-jobs";
import { FINAL_STATES, type TJobDetail } from "./schemas";

export type TJobMetricPoint = Awaited<ReturnType<typeof readMetrics>>[number];
export type TJobArtifact = Awaited<ReturnType<typeof listArtifacts>>[number];

/** One GPU of the job's current attempt, as its agent last reported it. */
export type TJobGpuReading = {
  nodeRank: number;
  agent: string;
  index: number;
  model: string | null;
  memoryMb: number | null;
  utilization: number | null;
  memoryUsedMb: number | null;
};

export type TJobWatchEvent = {
  job: TJobDetail;
  /**
   * Metric points: with `reset`, the newest page (what the client shows from now on); without,
   * only the points that arrived since the previous event.
   */
  metrics: { reset: boolean; points: TJobMetricPoint[] };
  artifacts: TJobArtifact[];
  gpus: TJobGpuReading[];
};

/** Fallback reads: while GPUs report readings (heartbeats notify nothing), and otherwise. */
const GPU_READING_MS = 3_000;
const FALLBACK_MS = 5_000;
/**
 * At most one read (and one event) per second: a job that prints ten lines a second notifies
 * its channel for each batch, and each event re-renders the page; one a second still moves a
 * chart and a progress bar live, and costs a fraction of what following every batch would.
 */
const MIN_GAP_MS = 1_000;

/**
 * The job as its page shows it, first in full, then again whenever it changed, until the job has
 * ended (after one last event) or `signal` aborts. Access is the caller's: someone outside the
 * job's project gets NOT_FOUND at once, and so does a member who is removed while watching.
 * `afterMetricId` resumes a reconnected stream: only points after it are sent.
 */
export async function* watchJob(args: {
  actorId: string;
  jobId: string;
  afterMetricId?: string | null;
  signal?: AbortSignal;
  fallbackMs?: number;
  minGapMs?: number;
}): AsyncGenerator<{ lastMetricId: string; event: TJobWatchEvent }> {
  let lastMetricId = args.afterMetricId ?? null;
  let previous = "";
  let reset = lastMetricId === null;
  let idle = args.fallbackMs ?? FALLBACK_MS;
  const minGap = args.minGapMs ?? MIN_GAP_MS;
  let readAt = 0;
  for (;;) {
    if (args.signal?.aborted) return;
    // Notifications that arrive during the gap are not lost: the read after it sees their changes.
    const sinceRead = Date.now() - readAt;
    if (sinceRead < minGap) await pause(minGap - sinceRead, args.signal);
    if (args.signal?.aborted) return;
    readAt = Date.now();
    // Listening starts before the read, so a change made while the read runs (or while the
    // consumer has not asked for the next event yet) still wakes the next round.
    const woken = notifications.wait(CHANNEL.job, args.jobId, idle, args.signal);
    const job = await getJob({ actorId: args.actorId, jobId: args.jobId });
    const [points, artifacts, gpus] = await Promise.all([
      readNewMetrics(args.actorId, args.jobId, lastMetricId),
      listArtifacts({ actorId: args.actorId, jobId: args.jobId }),
      readGpus(job),
    ]);
    if (points.length) lastMetricId = points[points.length - 1]!.id;
    const rest = JSON.stringify({ job, artifacts, gpus });
    if (reset || points.length || rest !== previous) {
      previous = rest;
      yield { lastMetricId: lastMetricId ?? "0", event: { job, metrics: { reset, points }, artifacts, gpus } };
      reset = false;
    }
    if (FINAL_STATES.includes(job.state)) return;
    idle = args.fallbackMs ?? (gpus.length ? GPU_READING_MS : FALLBACK_MS);
    await woken;
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Every point after `afterId` (in pages), or, with none, the newest page. */
async function readNewMetrics(actorId: string, jobId: string, afterId: string | null): Promise<TJobMetricPoint[]> {
  if (afterId === null) return readMetrics({ actorId, jobId });
  const points: TJobMetricPoint[] = [];
  for (let after = BigInt(afterId); ; ) {
    const page = await readMetrics({ actorId, jobId, afterId: after });
    points.push(...page);
    if (page.length === 0 || points.length >= 100_000) return points;
    after = BigInt(page[page.length - 1]!.id);
  }
}

/**
 * The readings of the GPUs the current attempt holds, while it holds them. The caller has already
 * seen the job (getJob checks access), and only this attempt's agents and GPUs are read.
 */
async function readGpus(job: TJobDetail): Promise<TJobGpuReading[]> {
  const attempt = job.attempts.at(-1);
  if (!attempt || (attempt.state !== "assigned" && attempt.state !== "running") || job.gpus === 0) return [];
  const nodes = await db.attemptNode.findMany({
    where: { attempt: { jobId: job.id, number: attempt.number } },
    orderBy: { nodeRank: "asc" },
    select: { nodeRank: true, gpuIndices: true, agent: { select: { name: true, gpus: true, gpuStats: true } } },
  });
  return nodes.flatMap((node) => {
    const specs = node.agent.gpus as { index: number; model: string; memoryMb: number }[];
    const stats = node.agent.gpuStats as { index: number; utilization: number | null; memoryUsedMb: number | null }[];
    return node.gpuIndices.map((index) => {
      const spec = specs.find((g) => g.index === index);
      const stat = stats.find((s) => s.index === index);
      return {
        nodeRank: node.nodeRank,
        agent: node.agent.name,
        index,
        model: spec?.model ?? null,
        memoryMb: spec?.memoryMb ?? null,
        utilization: stat?.utilization ?? null,
        memoryUsedMb: stat?.memoryUsedMb ?? null,
      };
    });
  });
}
