"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight, Play } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { LoadError, LoadingRows } from "@/components/ui/list-states";
import type { TJobListItem } from "@/components/trpc/router-types";
import { useTRPC } from "@/components/trpc/trpc";
import { ElapsedTime } from "../jobs/elapsed-time";
import { listRefetchInterval } from "../jobs/job-list-query";
import { HeldBadge, JobStateBadge } from "../jobs/job-state-badge";
import { SeededBadge } from "@/components/jobs/seeded-badge";
import { resourcesLabel } from "../jobs/job-words";

export const YOUR_JOBS_INPUT = { mine: true, limit: 6 } as const;

/** The signed-in person's latest jobs across projects, live while any of them is active. */
export function YourJobs() {
  const trpc = useTRPC();
  const jobs = useQuery({ ...trpc.jobs.list.queryOptions(YOUR_JOBS_INPUT), refetchInterval: (q) => listRefetchInterval(q.state.data) });
  return (
    <section aria-labelledby="your-jobs-heading" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="your-jobs-heading" className="text-sm font-semibold">
          Your jobs
        </h2>
        <Link
          href="/queue"
          className="inline-flex items-center gap-1 rounded-sm text-xs font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          Lab queue <ArrowRight className="size-3.5" aria-hidden />
        </Link>
      </div>
      {jobs.isPending ? (
        <LoadingRows rows={2} className="h-14" />
      ) : jobs.isError ? (
        <LoadError what="Your jobs" />
      ) : jobs.data.length === 0 ? (
        <EmptyState icon={Play} title="No jobs yet">
          Open a project’s Jobs tab to submit one, or press Run on a script in its files. It waits in the lab’s queue and starts when its GPUs are
          free.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-card shadow-xs">
          {jobs.data.map((job) => (
            <JobItem key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}

function JobItem({ job }: { job: TJobListItem }) {
  return (
    <li className="relative flex items-center gap-3 px-4 py-3 transition-colors focus-within:bg-muted/40 hover:bg-muted/40">
      {job.heldReason && job.state === "queued" ? (
        <HeldBadge reason={job.heldReason} className="w-24 shrink-0" />
      ) : (
        <JobStateBadge state={job.state} className="w-24 shrink-0" />
      )}
      <div className="min-w-0 flex-1">
        <Link href={`/jobs/${job.id}`} className="block truncate text-sm font-medium outline-none after:absolute after:inset-0">
          {job.name}
        </Link>
        <p className="flex min-w-0 items-center gap-1.5 truncate text-xs text-muted-foreground">
          {job.projectName} · {resourcesLabel(job)}
          {job.seeded ? <SeededBadge /> : null}
        </p>
      </div>
      <p className="shrink-0 text-right text-xs text-muted-foreground tabular-nums">
        {job.state === "queued" ? (
          job.queuePosition !== null ? `#${job.queuePosition} in the queue` : "waiting"
        ) : job.startedAt && !job.endedAt ? (
          <>
            running <ElapsedTime start={job.startedAt} end={null} className="text-foreground" />
          </>
        ) : (
          <RelativeTime date={job.endedAt ?? job.submittedAt} />
        )}
      </p>
    </li>
  );
}
