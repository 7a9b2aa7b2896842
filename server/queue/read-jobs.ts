// Reading jobs, always through the caller's projects (the tenant is in every WHERE).
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { AppError } from "../errors";
import { jobDatasetsSelect, toJobDatasetsDetail } from "./job-datasets";
import { envView } from "./job-env";
import { labCurrency, money } from "../costs/money";
import type { TJobDetail, TJobState, TJobSummary } from "./schemas";

const summarySelect = {
  id: true,
  name: true,
  command: true,
  state: true,
  stateReason: true,
  nodes: true,
  gpusPerNode: true,
  gpuType: true,
  priority: true,
  queuePosition: true,
  estimatedStartAt: true,
  attemptCount: true,
  exitCode: true,
  submittedAt: true,
  startedAt: true,
  endedAt: true,
  heldReason: true,
  seeded: true,
  project: { select: { slug: true, name: true } },
  submittedBy: { select: { id: true, name: true, email: true } },
} satisfies Prisma.JobSelect;

type SummaryRow = Prisma.JobGetPayload<{ select: typeof summarySelect }>;

type Costs = { currency: string; byJob: Map<string, string> };

/** What the jobs have cost so far: the exact sum of each one's ledger entries (all its attempts), in the lab's currency. */
async function costsOf(jobIds: string[]): Promise<Costs> {
  const [currency, rows] = await Promise.all([
    labCurrency(),
    jobIds.length
      ? db.$queryRaw<{ jobId: string; total: string }[]>`SELECT "jobId", sum(amount)::text AS total FROM "LedgerEntry" WHERE "jobId" = ANY(${jobIds}::text[]) GROUP BY 1`
      : [],
  ]);
  return { currency, byJob: new Map(rows.map((r) => [r.jobId, r.total])) };
}

function toSummary(j: SummaryRow, costs: Costs): TJobSummary {
  const { project, gpusPerNode, ...rest } = j;
  return { ...rest, gpus: gpusPerNode, cost: money(costs.byJob.get(j.id) ?? 0, costs.currency), projectSlug: project.slug, projectName: project.name };
}

const visibleTo = (actorId: string): Prisma.JobWhereInput => ({ project: { members: { some: { userId: actorId } } } });

export async function listJobs(args: {
  actorId: string;
  projectSlug?: string;
  states?: TJobState[];
  mine?: boolean;
  limit?: number;
  before?: string;
}): Promise<TJobSummary[]> {
  const rows = await db.job.findMany({
    where: {
      AND: [
        visibleTo(args.actorId),
        args.projectSlug ? { project: { slug: args.projectSlug } } : {},
        args.states?.length ? { state: { in: args.states } } : {},
        args.mine ? { submittedById: args.actorId } : {},
      ],
    },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: Math.min(args.limit ?? 50, 500),
    ...(args.before ? { cursor: { id: args.before }, skip: 1 } : {}),
    select: summarySelect,
  });
  const costs = await costsOf(rows.map((r) => r.id));
  return rows.map((r) => toSummary(r, costs));
}

/** A job in one of the caller's projects; its variables' values only as job-env.ts allows. */
export async function getJob(args: { actorId: string; jobId: string }): Promise<TJobDetail> {
  const job = await db.job.findFirst({
    where: { id: args.jobId, ...visibleTo(args.actorId) },
    select: {
      ...summarySelect,
      maxRuntimeSeconds: true,
      maxRetries: true,
      graceSeconds: true,
      env: true,
      envAuthorId: true,
      submittedById: true,
      secretEnvNames: true,
      project: { select: { slug: true, name: true, members: { where: { userId: args.actorId }, select: { role: true, user: { select: { labRole: true } } } } } },
      pools: true,
      snapshotId: true,
      logLineCount: true,
      cancelRequestedAt: true,
      rerunOfId: true,
      datasets: jobDatasetsSelect,
      attempts: {
        orderBy: { number: "asc" },
        select: {
          number: true,
          state: true,
          reason: true,
          exitCode: true,
          assignedAt: true,
          startedAt: true,
          endedAt: true,
          nodes: { orderBy: { nodeRank: "asc" }, select: { nodeRank: true, gpuIndices: true, agent: { select: { name: true, simulated: true } } } },
        },
      },
    },
  });
  if (!job) throw new AppError("NOT_FOUND", `Job ${args.jobId} was not found.`);
  const { attempts, env, datasets, envAuthorId, submittedById, project, ...rest } = job;
  const reader = { id: args.actorId, role: project.members[0]!.role, labRole: project.members[0]!.user.labRole };
  return {
    ...toSummary({ ...rest, project }, await costsOf([job.id])),
    ...rest,
    gpus: rest.gpusPerNode,
    ...envView({ env: env as Record<string, string>, envAuthorId, submittedById }, reader),
    datasets: toJobDatasetsDetail(datasets),
    attempts: attempts.map((a) => ({
      ...a,
      nodes: a.nodes.map((n) => ({ nodeRank: n.nodeRank, gpuIndices: n.gpuIndices, agent: n.agent.name, simulated: n.agent.simulated })),
    })),
  } as TJobDetail;
}

export type LogLine = { n: number; attempt: number; node: number; text: string };

/** Lines [from, from+limit) of the job's log, in order (line numbers are job-wide). */
export async function readLogLines(args: { actorId: string; jobId: string; from: number; limit: number }): Promise<{ lines: LogLine[]; total: number }> {
  const job = await db.job.findFirst({ where: { id: args.jobId, ...visibleTo(args.actorId) }, select: { logLineCount: true } });
  if (!job) throw new AppError("NOT_FOUND", `Job ${args.jobId} was not found.`);
  const from = Math.max(0, args.from);
  const until = from + Math.min(Math.max(args.limit, 1), 50_000);
  const chunks = await db.logChunk.findMany({
    where: { jobId: args.jobId, firstLine: { lt: until }, AND: [{ firstLine: { gte: from - 20_000 } }] },
    orderBy: { firstLine: "asc" },
    select: { firstLine: true, lineCount: true, text: true, attemptNumber: true, nodeRank: true },
  });
  const lines: LogLine[] = [];
  for (const c of chunks) {
    if (c.firstLine + c.lineCount <= from) continue;
    const texts = c.text.split("\n");
    for (let i = 0; i < texts.length; i++) {
      const n = c.firstLine + i;
      if (n >= from && n < until) lines.push({ n, attempt: c.attemptNumber, node: c.nodeRank, text: texts[i]! });
    }
  }
  return { lines, total: job.logLineCount };
}

export const METRICS_PAGE = 20_000;

/**
 * Metric points in arrival order. With `afterId`: the next page after that point (to catch up
 * incrementally). Without: the newest page, so a live chart of a long run keeps moving instead of
 * stopping at its first 20,000 points.
 */
export async function readMetrics(args: { actorId: string; jobId: string; afterId?: bigint }) {
  const job = await db.job.findFirst({ where: { id: args.jobId, ...visibleTo(args.actorId) }, select: { id: true } });
  if (!job) throw new AppError("NOT_FOUND", `Job ${args.jobId} was not found.`);
  const points = await db.metricPoint.findMany({
    where: { jobId: args.jobId, ...(args.afterId ? { id: { gt: args.afterId } } : {}) },
    orderBy: { id: args.afterId ? "asc" : "desc" },
    take: METRICS_PAGE,
    select: { id: true, key: true, step: true, value: true, at: true, attemptNumber: true },
  });
  if (!args.afterId) points.reverse();
  return points.map((p) => ({ ...p, id: p.id.toString() }));
}

export async function listArtifacts(args: { actorId: string; jobId: string }) {
  const job = await db.job.findFirst({ where: { id: args.jobId, ...visibleTo(args.actorId) }, select: { id: true } });
  if (!job) throw new AppError("NOT_FOUND", `Job ${args.jobId} was not found.`);
  const rows = await db.artifact.findMany({ where: { jobId: args.jobId }, orderBy: { path: "asc" }, select: { path: true, sizeBytes: true, sha256: true, attemptNumber: true } });
  return rows.map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes) }));
}

/** The artifact's blob, after checking the caller may see the job. */
export async function artifactBlob(args: { actorId: string; jobId: string; path: string }): Promise<{ sha256: string; sizeBytes: number }> {
  const row = await db.artifact.findFirst({
    where: { jobId: args.jobId, path: args.path, job: visibleTo(args.actorId) },
    select: { sha256: true, sizeBytes: true },
  });
  if (!row) throw new AppError("NOT_FOUND", `Job ${args.jobId} has no artifact "${args.path}".`);
  return { sha256: row.sha256, sizeBytes: Number(row.sizeBytes) };
}
