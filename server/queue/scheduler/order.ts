// Queue order: priority classes first (strict, like Slurm's partition PriorityTier), then a
// multifactor score within the class, then submittedAt, then id.
//
//   score = wUser * F(user) + wProject * F(project) + wAge * min(1, age / maxAge)
//
// F is the fair-share factor of usage.ts. With the default weights (1000, 1000, 200 over 7 days)
// fair share decides between people and projects, an hour of waiting is worth ~1.2 points, and a
// week's wait (200) passes jobs of similar fair share but not a much lighter user's fresh job;
// that gap closes as the lighter user's own usage accrues.

import type { Priority, RunningAttempt, SchedJob, SchedulerConfig } from "./types";
import { fairShareFactors } from "./usage";

export const PRIORITY_RANK: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

export type RankedJob = {
  job: SchedJob;
  classRank: number;
  score: number;
  userFactor: number;
  projectFactor: number;
};

export function rankJobs(
  queued: SchedJob[],
  running: RunningAttempt[],
  usage: { users: Record<string, number>; projects: Record<string, number> },
  now: number,
  config: SchedulerConfig,
): RankedJob[] {
  const users = new Set<string>(Object.keys(usage.users));
  const projects = new Set<string>(Object.keys(usage.projects));
  for (const j of queued) {
    users.add(j.userId);
    projects.add(j.projectId);
  }
  for (const r of running) {
    users.add(r.userId);
    projects.add(r.projectId);
  }
  const userF = fairShareFactors(usage.users, users);
  const projectF = fairShareFactors(usage.projects, projects);

  const ranked = queued.map((job): RankedJob => {
    const userFactor = userF.get(job.userId) ?? 1;
    const projectFactor = projectF.get(job.projectId) ?? 1;
    const age = config.maxAgeMs > 0 ? Math.min(1, Math.max(0, now - job.submittedAt) / config.maxAgeMs) : 0;
    const score =
      config.fairShareUserWeight * userFactor + config.fairShareProjectWeight * projectFactor + config.ageWeight * age;
    return { job, classRank: PRIORITY_RANK[job.priority] ?? PRIORITY_RANK.normal, score, userFactor, projectFactor };
  });
  ranked.sort(compareRanked);
  return ranked;
}

// Returns -1/0/1 rather than a difference: a fractional difference is a heap number per call,
// and 130,000 of them per pass showed up as garbage-collection time.
function compareRanked(a: RankedJob, b: RankedJob): number {
  if (a.classRank !== b.classRank) return a.classRank < b.classRank ? -1 : 1;
  if (a.score !== b.score) return a.score > b.score ? -1 : 1;
  if (a.job.submittedAt !== b.job.submittedAt) return a.job.submittedAt < b.job.submittedAt ? -1 : 1;
  return a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0;
}
