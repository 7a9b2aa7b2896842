import type { TJobState } from "@/server/queue/schemas";
import { isActive } from "./job-state-badge";

export const JOB_LIST_LIMIT = 100;

export type StateFilter = "all" | "active" | "succeeded" | "failed" | "cancelled";

export const STATE_FILTERS: Record<StateFilter, { label: string; noun: string; states?: TJobState[] }> = {
  all: { label: "All", noun: "jobs" },
  active: { label: "Active", noun: "waiting or running jobs", states: ["queued", "starting", "running"] },
  succeeded: { label: "Succeeded", noun: "jobs that succeeded", states: ["succeeded"] },
  failed: { label: "Failed", noun: "failed or timed-out jobs", states: ["failed", "timed_out"] },
  cancelled: { label: "Cancelled", noun: "cancelled jobs", states: ["cancelled"] },
};

/** Every 3 s while a listed job waits or runs (its state, place and time change), else every 20 s. */
export function listRefetchInterval(jobs: { state: TJobState }[] | undefined): number {
  return jobs?.some((j) => isActive(j.state)) ? 3_000 : 20_000;
}
