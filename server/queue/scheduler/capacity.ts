// Free capacity of the schedulable agents, grouped so a job looks only at agents it may use:
// one group per (pool, kind, GPU model), and in each group the agents bucketed by how many units
// they have free right now. "Does anything fit?" is then a glance at the top bucket, and best
// fit (the agent whose free count is closest to the need, to keep whole machines whole for big
// jobs) is a walk up the buckets. Reservations live in each agent's FreeProfile.

import { earliestCovered, pickGang } from "./gang";
import { FreeProfile } from "./profile";
import type { Group, Kind, Shape } from "./shape";
import type { RunningAttempt, SchedAgent, SchedJob } from "./types";

type AgentState = {
  agent: SchedAgent;
  /** Free GPU indices right now, ascending. */
  freeGpus: number[];
  profiles: Record<Kind, FreeProfile | null>;
  groups: Record<Kind, Group | null>;
};

export class Capacity {
  readonly agents: AgentState[];
  private readonly groups: Group[] = [];
  private readonly groupsByKey = new Map<string, Group[]>();
  /** Bumped whenever units are taken; keys the "nothing fits now" memo. */
  private version = 0;
  private readonly indexById = new Map<string, number>();

  constructor(
    readonly now: number,
    agents: SchedAgent[],
    running: RunningAttempt[],
  ) {
    const held = new Map<string, { at: number; gpus: number[]; cpu: number }[]>();
    for (const attempt of running) {
      for (const node of attempt.nodes) {
        const list = held.get(node.agentId) ?? [];
        list.push({ at: attempt.expectedEndAt, gpus: node.gpuIndices, cpu: node.cpuSlot ? 1 : 0 });
        held.set(node.agentId, list);
      }
    }
    const byKey = new Map<string, Group>();
    this.agents = [];
    for (const agent of [...agents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      if (!agent.schedulable) continue;
      const state = this.agentState(agent, held.get(agent.id) ?? []);
      const index = this.agents.length;
      this.agents.push(state);
      this.indexById.set(agent.id, index);
      for (const kind of ["gpu", "cpu"] as const) {
        const profile = state.profiles[kind];
        if (!profile) continue;
        const typeKey = kind === "gpu" ? (agent.gpuType ?? "").toLowerCase() : "";
        const key = `${agent.poolId}\u0000${kind}\u0000${typeKey}`;
        let group = byKey.get(key);
        if (!group) {
          group = { poolId: agent.poolId, kind, typeKey, buckets: [] };
          byKey.set(key, group);
          this.groups.push(group);
        }
        state.groups[kind] = group;
        addToBucket(group, profile.freeNow, index);
      }
    }
    this.groups.sort((a, b) => cmp(a.poolId, b.poolId) || cmp(a.kind, b.kind) || cmp(a.typeKey, b.typeKey));
  }

  /** Groups of schedulable agents the job may use, memoised by the job's shape. */
  groupsFor(job: SchedJob, need: Shape): Group[] {
    if (need.memo.groups) return need.memo.groups;
    let found = this.groupsByKey.get(need.matchKey);
    if (!found) {
      const type = job.gpuType?.toLowerCase() ?? null;
      const pools = job.poolIds && job.poolIds.length > 0 ? new Set(job.poolIds) : null;
      found = this.groups.filter(
        (g) =>
          g.kind === need.kind &&
          (need.kind === "cpu" || type === null || g.typeKey === type) &&
          (pools === null || pools.has(g.poolId)),
      );
      this.groupsByKey.set(need.matchKey, found);
    }
    need.memo.groups = found;
    return found;
  }

  /** The index of a schedulable agent; undefined for an offline, draining or unknown one. */
  indexOf(agentId: string): number | undefined {
    return this.indexById.get(agentId);
  }

  profile(agentIndex: number, kind: Kind): FreeProfile {
    return this.agents[agentIndex]!.profiles[kind]!;
  }

  /** Has agent `a`, in one of `groups`, enough units free right now for one node of the job? */
  couldHoldNow(a: number, need: Shape, groups: Group[]): boolean {
    const state = this.agents[a]!;
    const group = state.groups[need.kind];
    return group !== null && groups.includes(group) && state.profiles[need.kind]!.freeNow >= need.units;
  }

  /**
   * Could the job start now if no reservation stood in its way? (A look at the buckets only.)
   * `skip`: agents (indices) it must not use; rare, so walked one by one.
   */
  fitsNowIgnoringReservations(groups: Group[], need: Shape, skip?: Set<number>): boolean {
    if (skip && skip.size > 0) {
      const perPool = new Map<string, number>();
      for (const g of groups) {
        let n = perPool.get(g.poolId) ?? 0;
        for (let k = need.units; k < g.buckets.length; k++) for (const a of g.buckets[k] ?? []) if (!skip.has(a)) n++;
        if (n >= need.nodes) return true;
        perPool.set(g.poolId, n);
      }
      return false;
    }
    if (need.nodes === 1) {
      for (const g of groups) if (g.buckets.length - 1 >= need.units) return true;
      return false;
    }
    const perPool = new Map<string, number>();
    for (const g of groups) {
      let n = perPool.get(g.poolId) ?? 0;
      for (let k = need.units; k < g.buckets.length; k++) n += g.buckets[k]?.length ?? 0;
      if (n >= need.nodes) return true;
      perPool.set(g.poolId, n);
    }
    return false;
  }

  /**
   * Agents (best fit first) on which the job can start now without running into any
   * reservation over [now, now + duration); null when there are none. Ask only when
   * fitsNowIgnoringReservations said yes. `skip`: agents it must not use.
   */
  placeNow(groups: Group[], need: Shape, duration: number, skip?: Set<number>): number[] | null {
    const memo = need.memo;
    // "Nothing fits" on all agents holds on fewer; a failure with some skipped says nothing of the shape.
    if (memo.noFitVersion === this.version && duration >= memo.noFitDuration) return null;
    const end = this.now + duration;
    const chosen = need.nodes === 1 ? this.bestSingle(groups, need, end, skip) : this.bestGang(groups, need, end, skip);
    // Reaching here, any memo of this version was for a longer run: this one is the shortest failure.
    if (!chosen && !(skip && skip.size > 0)) {
      memo.noFitVersion = this.version;
      memo.noFitDuration = duration;
    }
    return chosen;
  }

  /**
   * The earliest time the job can start given running attempts' expected ends and the
   * reservations so far, with the agents to hold for it; null when its units never come free.
   */
  earliestStart(groups: Group[], need: Shape, duration: number, skip?: Set<number>): { at: number; agents: number[] } | null {
    return need.nodes === 1 ? this.earliestSingle(groups, need, duration, skip) : this.earliestGang(groups, need, duration, skip);
  }

  /** Takes the job's units on `agents` over [at, at + duration); at `now` also picks GPU indices. */
  take(agents: number[], need: Shape, duration: number, at: number): number[][] {
    this.version++;
    const indices: number[][] = [];
    for (const a of agents) {
      const state = this.agents[a]!;
      const profile = state.profiles[need.kind]!;
      const before = profile.freeNow;
      profile.take(at, at + duration, need.units);
      if (at === this.now) {
        const group = state.groups[need.kind]!;
        removeFromBucket(group, before, a);
        addToBucket(group, profile.freeNow, a);
        indices.push(need.kind === "gpu" ? state.freeGpus.splice(0, need.units) : []);
      }
    }
    return indices;
  }

  private bestSingle(groups: Group[], need: Shape, end: number, skip?: Set<number>): number[] | null {
    const top = Math.max(...groups.map((g) => g.buckets.length - 1));
    for (let k = need.units; k <= top; k++) {
      let best = -1;
      for (const g of groups) {
        for (const a of g.buckets[k] ?? []) {
          if (best >= 0 && a >= best) break;
          if (skip?.has(a)) continue;
          if (this.profile(a, need.kind).minFree(this.now, end) >= need.units) {
            best = a;
            break;
          }
        }
      }
      if (best >= 0) return [best];
    }
    return null;
  }

  private bestGang(groups: Group[], need: Shape, end: number, skip?: Set<number>): number[] | null {
    const perPool = new Map<string, { agent: number; free: number }[]>();
    for (const g of groups) {
      const list = perPool.get(g.poolId) ?? [];
      perPool.set(g.poolId, list);
      for (let k = need.units; k < g.buckets.length; k++) {
        for (const a of g.buckets[k] ?? []) {
          if (skip?.has(a)) continue;
          if (this.profile(a, need.kind).minFree(this.now, end) >= need.units) list.push({ agent: a, free: k });
        }
      }
    }
    return pickGang(perPool, need.nodes, need.units);
  }

  private earliestSingle(groups: Group[], need: Shape, duration: number, skip?: Set<number>): { at: number; agents: number[] } | null {
    let bestAt = Infinity;
    let bestFree = Infinity;
    let bestAgent = -1;
    for (const g of groups) {
      for (const bucket of g.buckets) {
        for (const a of bucket ?? []) {
          if (skip?.has(a)) continue;
          const profile = this.profile(a, need.kind);
          const at = profile.firstFeasibleStart(need.units, duration);
          if (at === null || at > bestAt) continue;
          const free = profile.freeAt(at);
          if (at < bestAt || free < bestFree || (free === bestFree && a < bestAgent)) {
            bestAt = at;
            bestFree = free;
            bestAgent = a;
          }
        }
      }
    }
    return bestAgent < 0 ? null : { at: bestAt, agents: [bestAgent] };
  }

  private earliestGang(groups: Group[], need: Shape, duration: number, skip?: Set<number>): { at: number; agents: number[] } | null {
    const pools = new Map<string, number[]>();
    for (const g of groups) {
      const members = pools.get(g.poolId) ?? [];
      pools.set(g.poolId, members);
      for (const bucket of g.buckets) for (const a of bucket ?? []) if (!skip?.has(a)) members.push(a);
    }
    let best: { at: number; agents: number[]; leftover: number } | null = null;
    const spans: number[] = [];
    for (const members of pools.values()) {
      if (members.length < need.nodes) continue;
      spans.length = 0;
      const owners: number[] = [];
      for (const a of members) {
        const before = spans.length;
        this.profile(a, need.kind).feasibleStarts(need.units, duration, spans);
        for (let i = before; i < spans.length; i += 2) owners.push(a);
      }
      const at = earliestCovered(spans, need.nodes);
      if (at === null || (best && at > best.at)) continue;
      const covering: { agent: number; free: number }[] = [];
      for (let i = 0; i < owners.length; i++) {
        if (spans[2 * i]! <= at && at <= spans[2 * i + 1]!) {
          covering.push({ agent: owners[i]!, free: this.profile(owners[i]!, need.kind).freeAt(at) });
        }
      }
      covering.sort((x, y) => x.free - y.free || x.agent - y.agent);
      const picked = covering.slice(0, need.nodes);
      const leftover = picked.reduce((s, p) => s + p.free - need.units, 0);
      if (!best || at < best.at || leftover < best.leftover) best = { at, agents: picked.map((p) => p.agent), leftover };
    }
    return best && { at: best.at, agents: best.agents };
  }

  private agentState(agent: SchedAgent, held: { at: number; gpus: number[]; cpu: number }[]): AgentState {
    const all = new Set(agent.gpus);
    const busy = new Set<number>();
    for (const h of held) for (const i of h.gpus) if (all.has(i)) busy.add(i);
    const freeGpus = [...new Set(agent.freeGpus)].filter((i) => all.has(i) && !busy.has(i)).sort((a, b) => a - b);
    const cpuHeld = held.reduce((s, h) => s + h.cpu, 0);
    const freeCpu = Math.max(0, Math.min(agent.freeCpuSlots, agent.cpuSlots - cpuHeld));
    // Each busy GPU comes back once, at the end of the first attempt (by end time) holding it.
    const released = new Set<number>();
    const gpuReleases: { at: number; count: number }[] = [];
    for (const h of [...held].sort((a, b) => a.at - b.at)) {
      let count = 0;
      for (const i of h.gpus) {
        if (busy.has(i) && !released.has(i)) {
          released.add(i);
          count++;
        }
      }
      gpuReleases.push({ at: h.at, count });
    }
    const cpuReleases = held.map((h) => ({ at: h.at, count: h.cpu }));
    return {
      agent,
      freeGpus,
      profiles: {
        gpu: agent.gpus.length > 0 ? new FreeProfile(this.now, freeGpus.length, gpuReleases) : null,
        cpu: agent.cpuSlots > 0 ? new FreeProfile(this.now, freeCpu, cpuReleases) : null,
      },
      groups: { gpu: null, cpu: null },
    };
  }
}

function addToBucket(group: Group, free: number, agent: number): void {
  while (group.buckets.length <= free) group.buckets.push([]);
  const bucket = group.buckets[free]!;
  let i = bucket.length;
  while (i > 0 && bucket[i - 1]! > agent) i--;
  bucket.splice(i, 0, agent);
}

function removeFromBucket(group: Group, free: number, agent: number): void {
  const bucket = group.buckets[free]!;
  bucket.splice(bucket.indexOf(agent), 1);
  while (group.buckets.length > 0 && group.buckets[group.buckets.length - 1]!.length === 0) group.buckets.pop();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
