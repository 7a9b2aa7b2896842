// Can this job ever run here? Answered from what the agents have in all (not what is free), so
// submission can refuse a job that would otherwise wait forever, with the reason in words.

import type { CapacityCheck, SchedAgent, SchedJob } from "./types";
import { gpuWords, listWords, plural } from "./words";

/**
 * Whether some agents could hold the job when idle: enough GPUs of its type on one agent, and
 * enough such agents in one pool for all its nodes. Pass every registered agent (an offline
 * one may come back); the scheduler also asks it of the schedulable ones alone.
 */
export function fitsAnyCapacity(job: SchedJob, agents: SchedAgent[]): CapacityCheck {
  const reason = shapeProblem(job) ?? capacityShortfall(job, agents);
  return reason === null ? { ok: true } : { ok: false, reason };
}

function shapeProblem(job: SchedJob): string | null {
  if (!Number.isInteger(job.nodes) || job.nodes < 1) return "a job needs a whole number of nodes, at least 1";
  if (!Number.isInteger(job.gpusPerNode) || job.gpusPerNode < 0) {
    return "GPUs per node must be a whole number, 0 for a CPU job";
  }
  if (!Number.isFinite(job.maxRuntimeMs) || job.maxRuntimeMs <= 0) return "the max runtime must be a positive duration";
  return null;
}

function capacityShortfall(job: SchedJob, all: SchedAgent[]): string | null {
  const pools = job.poolIds && job.poolIds.length > 0 ? new Set(job.poolIds) : null;
  const scope = pools ? ` in ${pools.size === 1 ? "pool" : "pools"} ${listWords([...pools].sort())}` : "";
  const agents = pools ? all.filter((a) => pools.has(a.poolId)) : all;
  if (agents.length === 0) return pools ? `there is no agent${scope}` : "there is no agent to run it on";

  if (job.gpusPerNode === 0) {
    const withSlots = agents.filter((a) => a.cpuSlots > 0);
    if (withSlots.length === 0) return `no agent${scope} offers CPU slots for a job without GPUs`;
    return nodesShortfall(withSlots, job.nodes, "a CPU slot", "any", scope);
  }

  const wanted = job.gpuType?.toLowerCase() ?? null;
  const withGpus = agents.filter((a) => a.gpus.length > 0);
  if (withGpus.length === 0) return `no agent${scope} has GPUs`;
  const ofType = wanted === null ? withGpus : withGpus.filter((a) => a.gpuType !== null && sameModel(a.gpuType, wanted));
  const typeName = displayType(job.gpuType, all);
  if (ofType.length === 0) {
    const types = [...new Set(withGpus.map((a) => a.gpuType).filter((t): t is string => t !== null))].sort();
    const known = types.length > 0 ? `; the types ${scope ? scope.slice(1) : "here"} are ${listWords(types)}` : "";
    return `no agent${scope} has GPUs of type ${typeName}${known}`;
  }
  const largest = Math.max(...ofType.map((a) => a.gpus.length));
  if (largest < job.gpusPerNode) {
    const ofWhat = typeName === null ? "" : ` of type ${typeName}`;
    return `no agent${scope} has ${plural(job.gpusPerNode, "GPU")}${ofWhat}; the largest has ${largest}`;
  }
  const bigEnough = ofType.filter((a) => a.gpus.length >= job.gpusPerNode);
  return nodesShortfall(bigEnough, job.nodes, gpuWords(job.gpusPerNode, typeName), "that many", scope);
}

/** A gang stays in one pool: enough agents in any single pool? */
function nodesShortfall(
  agents: SchedAgent[],
  nodes: number,
  perNode: string,
  enough: string,
  scope: string,
): string | null {
  if (nodes <= 1) return null;
  const perPool = new Map<string, number>();
  for (const a of agents) perPool.set(a.poolId, (perPool.get(a.poolId) ?? 0) + 1);
  const most = Math.max(...perPool.values());
  if (most >= nodes) return null;
  const where = perPool.size > 1 ? " in one pool" : "";
  return `it needs ${nodes} agents with ${perNode} each${where}${scope}; only ${most} ${most === 1 ? "has" : "have"} ${enough}`;
}

/** The model as the agents spell it ("a100" asked, "A100" shown); null for "any". */
export function displayType(type: string | null, agents: SchedAgent[]): string | null {
  if (type === null) return null;
  let shown: string | null = null;
  let shownId = "";
  for (const a of agents) {
    if (a.gpuType !== null && sameModel(a.gpuType, type) && (shown === null || a.id < shownId)) {
      shown = a.gpuType;
      shownId = a.id;
    }
  }
  return shown ?? type;
}

/** GPU models match case-insensitively ("a100" is "A100"), compared without allocating. */
export function sameModel(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x > 127 || y > 127) return a.toLowerCase() === b.toLowerCase();
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}
