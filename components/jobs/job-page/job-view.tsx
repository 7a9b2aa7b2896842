"use client";

import { useQuery } from "@tanstack/react-query";
import type { TJob } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { isActive } from "../job-state-badge";
import { LogViewer } from "../logs/log-viewer";
import { AttemptsTimeline } from "./attempts-timeline";
import { JobActions } from "./job-actions";
import { JobArtifacts } from "./job-artifacts";
import { JobDatasets } from "./job-datasets";
import { JobFacts } from "./job-facts";
import { JobGpus } from "./job-gpus";
import { JobHeader } from "./job-header";
import { JobMetrics } from "./job-metrics";
import { JobStatusPanel } from "./job-status-panel";
import { useJobMetrics } from "./use-job-metrics";

/** A job's page: refreshed every 2 s while it waits or runs, still once it has ended. */
export function JobView({ jobId, canCancel, canSubmit }: { jobId: string; canCancel: boolean; canSubmit: boolean }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.jobs.get.queryOptions({ jobId }),
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.state) ? 2_000 : false),
  });
  const job = query.data as TJob;
  const active = isActive(job.state);
  const metrics = useJobMetrics(jobId, active);

  return (
    <div className="space-y-6">
      <JobHeader job={job} actions={<JobActions job={job} canCancel={canCancel} canSubmit={canSubmit} />} />
      <JobStatusPanel job={job} progress={metrics.progress} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_320px]">
        <div className="min-w-0 space-y-6">
          <JobMetrics series={metrics.series} isPending={metrics.isPending} active={active} />
          <LogViewer job={job} />
        </div>
        <aside className="space-y-6" aria-label="About this job">
          <JobGpus job={job} />
          {/* Once it has ended, what it left behind comes first. */}
          {active ? null : <JobArtifacts jobId={job.id} active={false} />}
          <AttemptsTimeline job={job} />
          <JobDatasets job={job} />
          <JobFacts job={job} />
          {active ? <JobArtifacts jobId={job.id} active /> : null}
        </aside>
      </div>
    </div>
  );
}
