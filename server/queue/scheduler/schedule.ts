// One scheduling pass: walk the queue in priority order; start every job whose whole gang fits
// now without delaying a reservation; give the first `backfillDepth` jobs that cannot start a
// reservation at their earliest possible start (the depth counts waiting jobs planned, not jobs
// started, nor those no online agent could ever hold). This is Slurm's backfill with a bounded
// depth: with a depth of 1 it is exactly EASY backfill (only the head job is protected); with
// the default 100 the first 100 waiting jobs are protected, and their reservation times are
// their estimated starts, as `squeue --start` shows backfill's plan.
//
// Jobs beyond the depth still start when they fit now without touching any reservation, but
// get estimatedStartAt = null: planning each of 10,000 jobs would cost more than the whole pass
// is allowed (50 ms), and an estimate that deep in the queue would be noise anyway.

import { Capacity } from "./capacity";
import { type Group, type Shape, Shapes } from "./shape";
import { displayType, fitsAnyCapacity } from "./fits";
import { excludedRefusal, excludedWords, type LostAgents, lostAgentsOf, otherAgents } from "./lost";
import { rankJobs } from "./order";
import { type ReservationNote, reservedWords, WaitReasons } from "./reasons";
import {
  DEFAULT_SCHEDULER_CONFIG,
  type Placement,
  type SchedAgent,
  type SchedJob,
  type SchedulerConfig,
  type SchedulerInput,
  type SchedulerOutput,
  type Waiting,
} from "./types";

type Reservation = ReservationNote & { agents: number[] };

export function schedule(input: SchedulerInput): SchedulerOutput {
  const config: SchedulerConfig = { ...DEFAULT_SCHEDULER_CONFIG, ...input.config };
  const { now } = input;
  const ranked = rankJobs(input.queued, input.running, input.usage, now, config);
  const capacity = new Capacity(now, input.agents, input.running);
  const refusals = new Refusals(input.agents);
  const reasons = new WaitReasons(input.usage);
  const shapes = new Shapes();
  let names: Map<string, string> | null = null;
  const nameOf = (id: string) => (names ??= new Map(input.agents.map((a) => [a.id, a.name]))).get(id) ?? id;

  const placements: Placement[] = [];
  const waiting: Waiting[] = [];
  const reservations: Reservation[] = [];
  // Jobs planned so far (a reservation, or the finding that nothing running frees their GPUs):
  // what bounds the pass's planning work.
  let planned = 0;
  const place = (job: SchedJob, need: Shape, agents: number[]) => {
    const indices = capacity.take(agents, need, job.maxRuntimeMs, now);
    placements.push({
      jobId: job.id,
      nodes: agents.map((a, rank) => ({
        agentId: capacity.agents[a]!.agent.id,
        gpuIndices: indices[rank]!,
        cpuSlot: need.kind === "cpu",
        nodeRank: rank,
      })),
    });
  };

  for (let rank = 0; rank < ranked.length; rank++) {
    const r = ranked[rank]!;
    const { job } = r;
    const need = shapes.of(job);
    const duration = job.maxRuntimeMs;
    const position = waiting.length + 1;
    // Rare (a job whose attempts were lost): agents it must not use, and ones it avoids.
    const lost = job.lostOn ? lostAgentsOf(job, capacity, nameOf) : null;
    const skip = lost?.excluded;
    const refusal = refusals.of(job, need) ?? (lost ? refusals.excluding(job, lost) : null);
    if (refusal !== null) {
      waiting.push({ jobId: job.id, position, estimatedStartAt: null, reason: refusal });
      continue;
    }
    if (job.notBefore !== undefined && job.notBefore > now) {
      waiting.push({ jobId: job.id, position, estimatedStartAt: job.notBefore, reason: heldWords(job.notBefore - now) });
      continue;
    }
    const groups = capacity.groupsFor(job, need);
    const freeNow = capacity.fitsNowIgnoringReservations(groups, need, skip);
    let startable: number[] | null = null;
    if (freeNow) {
      // After a loss another agent that fits is preferred; the one that lost it only when none does.
      if (lost && lost.avoided.size > lost.excluded.size) startable = capacity.placeNow(groups, need, duration, lost.avoided);
      startable ??= capacity.placeNow(groups, need, duration, skip);
    }
    if (startable) {
      place(job, need, startable);
      continue;
    }

    // It waits. Name what holds it before planning its own reservation (which must not be it).
    const typeName = refusals.typeName(job, need);
    const blocker = freeNow ? findBlocker(reservations, capacity, need, groups, duration, skip) : null;
    let estimatedStartAt: number | null = null;
    if (planned < config.backfillDepth) {
      planned++;
      const slot = capacity.earliestStart(groups, need, duration, skip);
      if (slot && slot.at <= now) {
        // placeNow and earliestStart read the same profiles, so this does not happen; if it
        // ever did, starting the job is the honest answer.
        place(job, need, slot.agents);
        continue;
      }
      if (slot) {
        capacity.take(slot.agents, need, duration, slot.at);
        reservations.push({ position, at: slot.at, what: reservedWords(need, typeName), agents: slot.agents });
        estimatedStartAt = slot.at;
      }
    }
    const reason = blocker ? reasons.held(r, blocker, now) : reasons.waitingFor(r, need, typeName);
    reasons.note(r, need, rank);
    waiting.push({ jobId: job.id, position, estimatedStartAt, reason: lost ? reason + excludedWords(lost) : reason });
  }

  return { placements, waiting, order: ranked.map((r) => r.job.id) };
}

/** Why a job whose lost copy may still be stopping waits. */
function heldWords(ms: number): string {
  return `held ${Math.ceil(ms / 1000)} s more: the agent that stopped answering is still stopping its lost copy (its grace period), and the job never runs twice at once`;
}

/**
 * The first reservation, in queue order, that sits on an agent which could hold the job now
 * but not for its whole max runtime.
 */
function findBlocker(
  reservations: Reservation[],
  capacity: Capacity,
  need: Shape,
  groups: Group[],
  duration: number,
  skip: Set<number> | undefined,
): Reservation | null {
  const end = capacity.now + duration;
  for (const res of reservations) {
    if (res.at >= end) continue;
    for (const a of res.agents) {
      if (skip?.has(a)) continue;
      if (capacity.couldHoldNow(a, need, groups) && capacity.profile(a, need.kind).minFree(capacity.now, end) < need.units) {
        return res;
      }
    }
  }
  return null;
}

/** Why a job can never start, or cannot while some agents are offline; memoised per job shape. */
class Refusals {
  private readonly online: SchedAgent[];
  private readonly types = new Map<string, string | null>();

  constructor(private readonly agents: SchedAgent[]) {
    this.online = agents.filter((a) => a.schedulable);
  }

  of(job: SchedJob, need: Shape): string | null {
    // The runtime is not part of the shape: a bad one is rare, so it is not memoised.
    const runtimeOk = job.maxRuntimeMs > 0 && Number.isFinite(job.maxRuntimeMs);
    if (runtimeOk && need.memo.refusal !== undefined) return need.memo.refusal;
    let reason: string | null = null;
    // Online agents are a subset of all of them: fitting those (the usual case) settles both.
    const online = this.online.length > 0 ? fitsAnyCapacity(job, this.online) : null;
    if (!online?.ok) {
      const ever = fitsAnyCapacity(job, this.agents);
      if (!ever.ok) reason = `can never start: ${ever.reason}`;
      else if (online === null) reason = "waiting for an agent: every agent is offline or draining";
      else if (!online.ok) reason = `waiting for agents that are offline or draining: among those taking work, ${online.reason}`;
    }
    if (runtimeOk) need.memo.refusal = reason;
    return reason;
  }

  /** Why a job cannot start once the agents that lost it twice are left out; null when it can. Not memoised: rare. */
  excluding(job: SchedJob, lost: LostAgents): string | null {
    if (lost.excludedIds.size === 0) return null;
    const online = otherAgents(this.online, lost);
    return excludedRefusal(lost, fitsAnyCapacity(job, otherAgents(this.agents, lost)), online.length > 0 ? fitsAnyCapacity(job, online) : null);
  }

  /** The GPU model as the agents spell it; null for "any GPU" and CPU jobs. */
  typeName(job: SchedJob, need: Shape): string | null {
    if (need.memo.typeName === undefined) {
      if (need.kind === "cpu" || job.gpuType === null) need.memo.typeName = null;
      else {
        const key = job.gpuType.toLowerCase();
        if (!this.types.has(key)) this.types.set(key, displayType(job.gpuType, this.agents));
        need.memo.typeName = this.types.get(key)!;
      }
    }
    return need.memo.typeName;
  }
}
