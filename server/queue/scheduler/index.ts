// The scheduling core of the queue: pure functions over plain data (see types.ts). The DB layer
// loads rows, calls `schedule` once per pass and applies the placements in one transaction;
// submission calls `fitsAnyCapacity` to refuse a job that could never run.

export { schedule } from "./schedule";
export { fitsAnyCapacity } from "./fits";
export { decayUsage, fairShareFactors, type UsageRecord } from "./usage";
export {
  DEFAULT_SCHEDULER_CONFIG,
  type CapacityCheck,
  type Placement,
  type PlacementNode,
  type Priority,
  type RunningAttempt,
  type SchedAgent,
  type SchedJob,
  type SchedulerConfig,
  type SchedulerInput,
  type SchedulerOutput,
  type Waiting,
} from "./types";
