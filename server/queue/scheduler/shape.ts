// What a job asks of the agents, apart from how long: the unit the scheduler memoises on.

import type { SchedJob } from "./types";

export type Kind = "gpu" | "cpu";

/** The agents of one pool with one kind and GPU model, bucketed by how many units each has free (Capacity keeps them). */
export type Group = {
  poolId: string;
  kind: Kind;
  /** Lower-cased GPU model ("" for GPUs of unknown model, and for CPU groups). */
  typeKey: string;
  /** buckets[k]: indices of the agents with exactly k units free now, ascending. */
  buckets: number[][];
};

/**
 * What a job asks for, less its duration. Jobs of one shape share one object per pass (interned
 * by Shapes), so what is worked out for a shape (its groups, its refusal, its words) is worked
 * out once, not for each of 10,000 jobs.
 */
export type Shape = {
  kind: Kind;
  /** Units per node: GPUs, or 1 CPU slot. */
  units: number;
  nodes: number;
  /** Which groups it may use: kind, lower-cased GPU model ("*" = any), pools. */
  matchKey: string;
  /** What it competes for in "N jobs ahead": "gpu:a100", "gpu:*" or "cpu". */
  competition: string;
  /** Pass-local memos, filled by whoever first needs them. */
  memo: {
    groups?: Group[];
    refusal?: string | null;
    typeName?: string | null;
    words?: string;
    wanted?: string;
    /** "Nothing fits now for this long or longer", valid while Capacity's version is this. */
    noFitVersion: number;
    noFitDuration: number;
  };
};

/** Interns job shapes for one pass, without building a string per job. */
export class Shapes {
  private readonly byType = new Map<string, Map<string, Map<number | string, Shape>>>();

  of(job: SchedJob): Shape {
    const kind: Kind = job.gpusPerNode > 0 ? "gpu" : "cpu";
    const typeRaw = kind === "cpu" ? "\u0000cpu" : (job.gpuType ?? "\u0000any");
    const pools = job.poolIds && job.poolIds.length > 0 ? [...job.poolIds].sort().join(",") : "";
    const units = kind === "gpu" ? job.gpusPerNode : 1;
    let byPools = this.byType.get(typeRaw);
    if (!byPools) this.byType.set(typeRaw, (byPools = new Map()));
    let bySize = byPools.get(pools);
    if (!bySize) byPools.set(pools, (bySize = new Map()));
    // A number key for every sane size; odd values (refused later) get a string, never a clash.
    const sane = Number.isInteger(job.nodes) && Number.isInteger(job.gpusPerNode) && job.gpusPerNode >= 0 && job.gpusPerNode < 65_536;
    const sizeKey = sane ? job.nodes * 65_536 + job.gpusPerNode : `${job.nodes}|${job.gpusPerNode}`;
    let shape = bySize.get(sizeKey);
    if (!shape) {
      const type = kind === "gpu" && job.gpuType !== null ? job.gpuType.toLowerCase() : "*";
      const matchKey = `${kind}\u0000${type}\u0000${pools}`;
      shape = {
        kind,
        units,
        nodes: job.nodes,
        matchKey,
        competition: kind === "cpu" ? "cpu" : `gpu:${type}`,
        memo: { noFitVersion: -1, noFitDuration: Infinity },
      };
      bySize.set(sizeKey, shape);
    }
    return shape;
  }
}
