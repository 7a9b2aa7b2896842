// The scheduler's whole world, as plain data. The DB layer loads rows into these shapes, calls
// `schedule` once per pass, and applies the placements in one transaction. Nothing here reads a
// clock, a database or the environment: the same input always gives the same output.

export type Priority = "low" | "normal" | "high";

/** A queued job, as the scheduler needs to see it. */
export type SchedJob = {
  id: string;
  userId: string;
  /** Shown in reasons ("fair share favours ana ..."). */
  userName: string;
  projectId: string;
  projectName: string;
  priority: Priority;
  /** ms since the epoch. */
  submittedAt: number;
  /** Machines, >= 1. A gang: all nodes start at once or none does. */
  nodes: number;
  /** GPUs on each node; 0 = a CPU job, which takes one CPU slot on each node. */
  gpusPerNode: number;
  /** GPU model, e.g. "A100", matched case-insensitively; null = any model. Ignored for CPU jobs. */
  gpuType: string | null;
  /** The run is killed after this; also what estimates and backfill plan with. */
  maxRuntimeMs: number;
  /**
   * The pools (capacity) this job may use; absent or empty = any pool. All nodes of one job are
   * placed in one pool, as Slurm keeps a job inside one partition: torchrun across the lab's
   * servers and a cloud region is not a thing anyone wants.
   */
  poolIds?: string[];
  /**
   * Agent id -> how many of this job's attempts were lost there (the agent stopped answering
   * while it ran them: perhaps the job itself takes the machine down). After one loss another
   * agent that fits is preferred; an agent that lost two is never given the job again (lost.ts).
   */
  lostOn?: Record<string, number>;
  /**
   * Not placed before this (ms): its last attempt was lost while it ran, and the agent that went
   * silent stops that copy itself (SIGTERM, its grace period, SIGKILL) by then; starting it
   * sooner could run the job twice at once.
   */
  notBefore?: number;
};

export type SchedAgent = {
  id: string;
  name: string;
  poolId: string;
  /** Model of its GPUs (one model per agent); null when it has none. */
  gpuType: string | null;
  /** Indices of ALL its GPUs. */
  gpus: number[];
  /** Indices free right now. Indices held by a running attempt are never handed out, whatever this says. */
  freeGpus: number[];
  cpuSlots: number;
  freeCpuSlots: number;
  /** false when offline or draining: it takes nothing new. */
  schedulable: boolean;
};

/** An attempt that is running now: what it holds and when it will have let go at the latest. */
export type RunningAttempt = {
  jobId: string;
  userId: string;
  projectId: string;
  nodes: { agentId: string; gpuIndices: number[]; cpuSlot: boolean }[];
  /** startedAt + maxRuntimeMs. One already past is taken to end 1 ms from now (it is being killed). */
  expectedEndAt: number;
};

export type SchedulerConfig = {
  /** Weight of the user's fair-share factor (0..1) in the score within a priority class. */
  fairShareUserWeight: number;
  /** Weight of the project's fair-share factor (0..1). */
  fairShareProjectWeight: number;
  /**
   * Weight of the age factor (0..1, reaching 1 at maxAgeMs). At the default (200 against 1000
   * for each fair-share factor) age orders jobs of similar fair share; raise it to let a long
   * wait beat a large fair-share gap.
   */
  ageWeight: number;
  maxAgeMs: number;
  /** Half-life the caller should decay usage with (see decayUsage); schedule() takes usage as given. */
  usageHalfLifeMs: number;
  /**
   * How many waiting jobs, in queue order, are planned per pass (jobs no online agent can hold
   * are skipped). Each gets a reservation at its earliest start, protected from backfill, and
   * that time is its estimate; jobs beyond get null. 1 = plain EASY backfill.
   */
  backfillDepth: number;
};

export type SchedulerInput = {
  now: number;
  queued: SchedJob[];
  /** Every registered agent, schedulable or not. */
  agents: SchedAgent[];
  running: RunningAttempt[];
  /** Decayed GPU-seconds (see decayUsage), including what running attempts have used so far. */
  usage: { users: Record<string, number>; projects: Record<string, number> };
  config?: Partial<SchedulerConfig>;
};

export type PlacementNode = { agentId: string; gpuIndices: number[]; cpuSlot: boolean; nodeRank: number };

export type Placement = { jobId: string; nodes: PlacementNode[] };

export type Waiting = {
  jobId: string;
  /** 1-based place among the jobs still waiting after this pass, in queue order. */
  position: number;
  /** ms since the epoch; null when it cannot be estimated (see schedule.ts). */
  estimatedStartAt: number | null;
  /** A sentence for the researcher. */
  reason: string;
};

export type SchedulerOutput = {
  /** In queue order; apply all of them in one transaction. */
  placements: Placement[];
  /** In queue order. */
  waiting: Waiting[];
  /** Every queued job id, highest priority first (placed ones included). */
  order: string[];
};

export type CapacityCheck = { ok: true } | { ok: false; reason: string };

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_SCHEDULER_CONFIG: SchedulerConfig = {
  fairShareUserWeight: 1000,
  fairShareProjectWeight: 1000,
  ageWeight: 200,
  maxAgeMs: 7 * DAY_MS,
  usageHalfLifeMs: 7 * DAY_MS,
  backfillDepth: 100,
};
