// One scheduling pass: load the queue and capacity, ask the pure scheduler, apply its placements
// in one transaction. Run only by the supervisor that holds the queue lock (supervisor.ts), so
// two passes never race; the GpuClaim primary key would refuse a double placement regardless.
import { randomInt, randomUUID } from "node:crypto";
import { db, type Prisma } from "../db/client";
import { sql } from "../db/pool";
import { log } from "../log";
import { heartbeatTimeoutMs, loadAgents } from "./capacity";
import { CHANNEL, notify } from "./notify";
import { decayedUsageStatement, lockPassStatement, markStartingStatement, unlockPassStatement, updateWaitingStatement } from "./sql/scheduler-pass";
import { DEFAULT_SCHEDULER_CONFIG, schedule, type RunningAttempt, type SchedJob } from "./scheduler";

export type PassResult = { placed: number; waiting: number; ms: number };

export async function loadQueued(): Promise<(SchedJob & { current: { position: number | null; eta: number | null; reason: string } })[]> {
  const [rows] = await Promise.all([
    db.job.findMany({
      where: { state: "queued", heldReason: null }, // a held job (budget) waits for approval, not for capacity
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        submittedById: true,
        projectId: true,
        priority: true,
        submittedAt: true,
        nodes: true,
        gpusPerNode: true,
        gpuType: true,
        maxRuntimeSeconds: true,
        pools: true,
        queuePosition: true,
        estimatedStartAt: true,
        stateReason: true,
        lostAttempts: true,
        graceSeconds: true,
        submittedBy: { select: { name: true, email: true } },
        project: { select: { name: true } },
      },
    }),
  ]);
  const lostJobs = rows.filter((j) => j.lostAttempts > 0);
  const { lostOn, notBefore } = await loadLosses(lostJobs);
  return rows.map((j) => ({
    id: j.id,
    userId: j.submittedById,
    userName: j.submittedBy.name?.split(" ")[0]?.toLowerCase() ?? j.submittedBy.email.split("@")[0]!,
    projectId: j.projectId,
    projectName: j.project.name,
    priority: j.priority,
    submittedAt: j.submittedAt.getTime(),
    nodes: j.nodes,
    gpusPerNode: j.gpusPerNode,
    gpuType: j.gpuType,
    maxRuntimeMs: j.maxRuntimeSeconds * 1000,
    poolIds: j.pools, // pool names, as loadAgents gives them
    ...(lostOn.has(j.id) ? { lostOn: lostOn.get(j.id) } : {}),
    ...(notBefore.has(j.id) ? { notBefore: notBefore.get(j.id) } : {}),
    current: { position: j.queuePosition, eta: j.estimatedStartAt?.getTime() ?? null, reason: j.stateReason },
  }));
}

/**
 * For queued jobs with lost attempts, from one read of those attempts:
 * - `lostOn`: agent id -> how many of the job's attempts were lost there. A lost attempt counts
 *   against the agents whose nodes had gone silent when it was taken back (no heartbeat for the
 *   timeout; a gang's other nodes were fine), or against all its agents when that cannot be told
 *   (the timeout changed since).
 * - `notBefore`: when the copy its last lost attempt may still be running is surely gone. An agent
 *   that cannot renew its leases starts stopping its jobs before the server takes them back (the
 *   lease watchdog, cli/agent/lease-watchdog.ts), so by the time the attempt was lost plus the
 *   job's grace period, the old copy has had its SIGKILL. An attempt no agent had claimed (no node
 *   ever heartbeated) left nothing running.
 */
export async function loadLosses(jobs: { id: string; graceSeconds: number }[]): Promise<{ lostOn: Map<string, Record<string, number>>; notBefore: Map<string, number> }> {
  const lostOn = new Map<string, Record<string, number>>();
  const notBefore = new Map<string, number>();
  if (jobs.length === 0) return { lostOn, notBefore };
  const grace = new Map(jobs.map((j) => [j.id, j.graceSeconds * 1000]));
  const attempts = await db.attempt.findMany({
    where: { jobId: { in: jobs.map((j) => j.id) }, state: "lost" },
    select: { jobId: true, assignedAt: true, endedAt: true, nodes: { select: { agentId: true, heartbeatAt: true } } },
  });
  const timeout = heartbeatTimeoutMs();
  for (const a of attempts) {
    const cutoff = (a.endedAt ?? a.assignedAt).getTime() - timeout;
    const silent = a.nodes.filter((n) => (n.heartbeatAt ?? a.assignedAt).getTime() <= cutoff);
    const counts = lostOn.get(a.jobId) ?? {};
    for (const agentId of new Set((silent.length > 0 ? silent : a.nodes).map((n) => n.agentId))) counts[agentId] = (counts[agentId] ?? 0) + 1;
    lostOn.set(a.jobId, counts);
    const wait = grace.get(a.jobId)!;
    if (wait > 0 && a.endedAt && a.nodes.some((n) => n.heartbeatAt !== null)) {
      notBefore.set(a.jobId, Math.max(notBefore.get(a.jobId) ?? 0, a.endedAt.getTime() + wait));
    }
  }
  return { lostOn, notBefore };
}

export async function loadRunning(now: number): Promise<RunningAttempt[]> {
  const attempts = await db.attempt.findMany({
    where: { state: { in: ["assigned", "running"] } },
    select: {
      assignedAt: true,
      startedAt: true,
      job: { select: { id: true, submittedById: true, projectId: true, maxRuntimeSeconds: true, graceSeconds: true } },
      nodes: { where: { state: { not: "ended" } }, select: { agentId: true, gpuIndices: true, cpuSlot: true } },
    },
  });
  return attempts.map((a) => ({
    jobId: a.job.id,
    userId: a.job.submittedById,
    projectId: a.job.projectId,
    nodes: a.nodes,
    expectedEndAt: Math.max(now + 1, (a.startedAt ?? a.assignedAt).getTime() + (a.job.maxRuntimeSeconds + a.job.graceSeconds) * 1000),
  }));
}

/** Decayed GPU-seconds per user and project: ended attempts' records plus running ones so far. */
export async function loadUsage(now: number): Promise<{ users: Record<string, number>; projects: Record<string, number> }> {
  const halfLifeSeconds = DEFAULT_SCHEDULER_CONFIG.usageHalfLifeMs / 1000;
  const at = new Date(now);
  const rows = await decayedUsageStatement(at, halfLifeSeconds);
  const usage = { users: {} as Record<string, number>, projects: {} as Record<string, number> };
  for (const r of rows) (r.kind === "user" ? usage.users : usage.projects)[r.id] = r.usage;
  return usage;
}

/**
 * One pass, never two at once (across processes too): the pass holds an advisory lock from
 * loading to applying, so no placement is computed from capacity another pass is handing out.
 */
export async function runSchedulerPass(now?: number): Promise<PassResult> {
  const client = await sql.connect();
  try {
    await lockPassStatement(client);
    return await pass(now ?? Date.now());
  } finally {
    await unlockPassStatement(client).catch(() => undefined);
    client.release();
  }
}

/**
 * When a job of this shape, submitted now, would start: a dry pass of the pure scheduler over the
 * queue, the capacity and the running attempts as they are, placing nothing. `at` is now when it
 * would be placed at once, the reservation's time when it would wait for running attempts' max
 * runtimes, null when no estimate can be made (`reason` says why, as the queue would).
 */
export async function estimateStart(job: Omit<SchedJob, "id" | "submittedAt">, now = Date.now()): Promise<{ at: number | null; reason: string }> {
  const [queued, agents, running, usage] = await Promise.all([loadQueued(), loadAgents(now), loadRunning(now), loadUsage(now)]);
  const id = "estimate";
  const out = schedule({ now, queued: [...queued, { ...job, id, submittedAt: now }], agents, running, usage });
  if (out.placements.some((p) => p.jobId === id)) return { at: now, reason: "free capacity now" };
  const waiting = out.waiting.find((w) => w.jobId === id);
  return { at: waiting?.estimatedStartAt ?? null, reason: waiting?.reason ?? "" };
}

async function pass(now: number): Promise<PassResult> {
  const started = performance.now();
  const [queued, agents, running, usage] = await Promise.all([loadQueued(), loadAgents(now), loadRunning(now), loadUsage(now)]);
  if (queued.length === 0) return { placed: 0, waiting: 0, ms: performance.now() - started };
  const out = schedule({ now, queued, agents, running, usage });
  const byId = new Map(agents.map((a) => [a.id, a]));
  const addresses = await db.agent.findMany({ where: { id: { in: [...new Set(out.placements.flatMap((p) => p.nodes.map((n) => n.agentId)))] } }, select: { id: true, address: true } });
  const addressOf = new Map(addresses.map((a) => [a.id, a.address]));

  // Applied in bulk (a pass can place thousands): one UPDATE for the jobs, then createMany for
  // attempts, nodes and GPU claims, with ids made here so they can refer to each other.
  let placed = 0;
  if (out.placements.length) {
    await db.$transaction(
      async (tx) => {
        const reasons = out.placements.map((p) => `starting on ${p.nodes.map((n) => byId.get(n.agentId)?.name ?? n.agentId).join(", ")}`);
        const moved = await markStartingStatement(tx, out.placements.map((p) => p.jobId), reasons);
        const movedById = new Map(moved.map((m) => [m.id, m])); // a job cancelled since the load is skipped
        const attempts: Prisma.AttemptCreateManyInput[] = [];
        const nodes: Prisma.AttemptNodeCreateManyInput[] = [];
        const claims: Prisma.GpuClaimCreateManyInput[] = [];
        const woken = new Set<string>();
        for (const p of out.placements) {
          const job = movedById.get(p.jobId);
          if (!job) continue;
          const attemptId = randomUUID();
          const rank0 = p.nodes.find((n) => n.nodeRank === 0)!;
          const multi = job.nodes > 1;
          attempts.push({
            id: attemptId,
            jobId: p.jobId,
            number: job.attemptCount,
            masterAddr: multi ? (addressOf.get(rank0.agentId) ?? null) : null,
            masterPort: multi ? randomInt(29_500, 39_500) : null,
          });
          for (const n of p.nodes) {
            const nodeId = randomUUID();
            nodes.push({ id: nodeId, attemptId, nodeRank: n.nodeRank, agentId: n.agentId, gpuIndices: n.gpuIndices, cpuSlot: n.cpuSlot });
            for (const gpuIndex of n.gpuIndices) claims.push({ agentId: n.agentId, gpuIndex, attemptNodeId: nodeId });
            woken.add(n.agentId);
          }
          placed++;
        }
        await tx.attempt.createMany({ data: attempts });
        await tx.attemptNode.createMany({ data: nodes });
        if (claims.length) await tx.gpuClaim.createMany({ data: claims });
        for (const agentId of woken) await notify(tx, CHANNEL.agent, agentId);
      },
      { timeout: 30_000 },
    );
  }

  // Where each waiting job stands, for the UI; only rows whose words or numbers changed.
  const current = new Map(queued.map((q) => [q.id, q.current]));
  const changed = out.waiting.filter((w) => {
    const c = current.get(w.jobId);
    return !c || c.position !== w.position || c.eta !== w.estimatedStartAt || c.reason !== w.reason;
  });
  if (changed.length) {
    await updateWaitingStatement(changed);
  }
  const ms = performance.now() - started;
  if (placed) log.debug({ placed, waiting: out.waiting.length, ms: Math.round(ms) }, "scheduler pass");
  return { placed, waiting: out.waiting.length, ms };
}

