"use client";

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
import { LiveUpdatesStopped } from "./live-updates-stopped";
import { useJobWatch } from "./use-job-watch";

/** A job's page, kept live by one subscription while it waits or runs (use-job-watch.ts). */
export function JobView({ jobId, canCancel, canSubmit, canApprove }: { jobId: string; canCancel: boolean; canSubmit: boolean; canApprove: boolean }) {
  const watch = useJobWatch(jobId);
  const { job } = watch;
  const active = isActive(job.state);
  const unavailable = watch.status === "error";

  return (
    <div className="space-y-6">
      <JobHeader job={job} actions={<JobActions job={job} canCancel={canCancel} canSubmit={canSubmit} canApprove={canApprove} />} />
      {unavailable ? <LiveUpdatesStopped jobId={job.id} error={watch.error} onReconnect={() => watch.reconnect()} /> : null}
      <JobStatusPanel job={job} progress={watch.progress} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_320px]">
        <div className="min-w-0 space-y-6">
          <JobMetrics series={watch.series} isPending={watch.isPending} active={active} />
          <LogViewer job={job} />
        </div>
        <aside className="space-y-6" aria-label="About this job">
          <JobGpus job={job} readings={watch.gpus} />
          {/* Once it has ended, what it left behind comes first. */}
          {active ? null : <JobArtifacts jobId={job.id} artifacts={watch.artifacts} unavailable={unavailable} active={false} />}
          <AttemptsTimeline job={job} />
          <JobDatasets job={job} />
          <JobFacts job={job} />
          {active ? <JobArtifacts jobId={job.id} artifacts={watch.artifacts} unavailable={unavailable} active /> : null}
        </aside>
      </div>
    </div>
  );
}
