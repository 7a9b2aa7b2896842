// Keeping a job away from the agents that lost it. An attempt is lost when its agent stops
// answering; when the job itself takes the machine down (a kernel panic, the OOM killer taking
// the agent, a driver hang), sending it back there takes down whatever else runs there too, and
// it did so four times in a row before (issue 14). So after one loss another agent that fits is
// preferred, and an agent that lost two of the job's attempts is never given it again.

import type { Capacity } from "./capacity";
import type { CapacityCheck, SchedAgent, SchedJob } from "./types";
import { listWords } from "./words";

/** Losses on one agent after which the job is never placed there again. */
export const LOSSES_THAT_EXCLUDE = 2;

export type LostAgents = {
  /** Agent ids the job must not go to, schedulable or not. */
  excludedIds: Set<string>;
  /** Their capacity indices (schedulable ones only): never used. */
  excluded: Set<number>;
  /** `excluded` and the agents that lost it once: used only when nothing else fits now. */
  avoided: Set<number>;
  /** Names of the excluded agents, sorted. */
  names: string[];
  /** "2 of its attempts" */
  lost: string;
};

/** The agents a job's lost attempts keep it from; null when it lost none. */
export function lostAgentsOf(job: SchedJob, capacity: Capacity, nameOf: (agentId: string) => string): LostAgents | null {
  if (!job.lostOn) return null;
  const excludedIds = new Set<string>();
  const excluded = new Set<number>();
  const avoided = new Set<number>();
  const counts = new Set<number>();
  for (const [agentId, times] of Object.entries(job.lostOn)) {
    if (!(times > 0)) continue;
    const index = capacity.indexOf(agentId);
    if (times >= LOSSES_THAT_EXCLUDE) {
      excludedIds.add(agentId);
      counts.add(times);
      if (index !== undefined) excluded.add(index);
    }
    if (index !== undefined) avoided.add(index);
  }
  if (avoided.size === 0 && excludedIds.size === 0) return null;
  const names = [...excludedIds].map(nameOf).sort();
  const lost = counts.size === 1 ? `${[...counts][0]} of its attempts` : `${LOSSES_THAT_EXCLUDE} or more of its attempts`;
  return { excludedIds, excluded, avoided, names, lost };
}

/** "; not on a, which lost 2 of its attempts" (appended to a waiting job's reason); "" when none is excluded. */
export function excludedWords(lost: LostAgents | null): string {
  if (!lost || lost.names.length === 0) return "";
  return `; not on ${listWords(lost.names)}, which ${lost.names.length > 1 ? "each " : ""}lost ${lost.lost}`;
}

/**
 * Why a job that fits the lab cannot start once its excluded agents are left out, or null when
 * it can: `ever` is the check over all other agents, `online` over the other schedulable ones
 * (null when there are none).
 */
export function excludedRefusal(lost: LostAgents, ever: CapacityCheck, online: CapacityCheck | null): string | null {
  const one = lost.names.length === 1;
  const head = () =>
    `waiting for another agent: ${listWords(lost.names)} ${one ? "" : "each "}lost ${lost.lost}, ` +
    `so Benchtop does not place it ${one ? "there" : "on them"} again`;
  if (!ever.ok) return `${head()}; without ${one ? "it" : "them"}, ${ever.reason}`;
  if (online === null) return `${head()}; every other agent is offline or draining`;
  if (!online.ok) return `${head()}; among the other agents taking work, ${online.reason}`;
  return null;
}

/** Agents other than the excluded, for "can it run anywhere else?". */
export function otherAgents(agents: SchedAgent[], lost: LostAgents): SchedAgent[] {
  return agents.filter((a) => !lost.excludedIds.has(a.id));
}
