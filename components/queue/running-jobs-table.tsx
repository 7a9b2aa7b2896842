import { Play } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TQueueItem } from "@/components/trpc/router-types";
import { ElapsedTime } from "../jobs/elapsed-time";
import { JobStateBadge } from "../jobs/job-state-badge";
import { resourcesLabel } from "../jobs/job-words";
import { QueueJobName } from "./queue-job-name";

/** Who runs what, where, and for how long. */
export function RunningJobsTable({ jobs, busyGpus }: { jobs: TQueueItem[]; busyGpus: number }) {
  if (jobs.length === 0) {
    return (
      <EmptyState icon={Play} title={busyGpus ? "Nothing of yours is running" : "Nothing is running"} className="m-5 py-8">
        {busyGpus
          ? `${busyGpus} ${busyGpus === 1 ? "GPU is" : "GPUs are"} busy with work from projects you are not a member of.`
          : "Every GPU is free for the next job."}
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Job</TableHead>
          <TableHead className="w-36">Who</TableHead>
          <TableHead className="hidden w-40 md:table-cell">Project</TableHead>
          <TableHead className="hidden w-40 sm:table-cell">Where</TableHead>
          <TableHead className="hidden w-28 lg:table-cell">GPUs</TableHead>
          <TableHead className="w-24 text-right">Running for</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job, i) => (
          <TableRow key={job.id ?? `hidden-${i}`} className="relative">
            <TableCell className="max-w-0">
              <div className="flex min-w-0 items-center gap-2">
                {job.state === "starting" ? <JobStateBadge state="starting" /> : null}
                <QueueJobName job={job} />
              </div>
            </TableCell>
            <TableCell className="truncate">{job.user}</TableCell>
            <TableCell className="hidden truncate text-muted-foreground md:table-cell">{job.project}</TableCell>
            <TableCell className="hidden truncate font-mono text-xs text-muted-foreground sm:table-cell">{[...new Set(job.agents)].join(", ") || "—"}</TableCell>
            <TableCell className="hidden text-muted-foreground lg:table-cell">{resourcesLabel(job)}</TableCell>
            <TableCell className="text-right tabular-nums">
              <ElapsedTime start={job.startedAt} end={null} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
