import { Clock } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TQueueItem } from "@/components/trpc/router-types";
import { EstimatedStart } from "../jobs/estimated-start";
import { resourcesLabel, sentenceCase } from "../jobs/job-words";
import { QueueJobName } from "./queue-job-name";

/** The queue in order: place, who, what it needs, when it should start and why it waits. */
export function WaitingJobsTable({ jobs }: { jobs: TQueueItem[] }) {
  if (jobs.length === 0) {
    return (
      <EmptyState icon={Clock} title="Nobody is waiting" className="m-5 py-8">
        A job submitted now starts as soon as an agent has its GPUs free.
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-12 text-right">#</TableHead>
          <TableHead>Job</TableHead>
          <TableHead className="w-36">Who</TableHead>
          <TableHead className="hidden w-40 md:table-cell">Project</TableHead>
          <TableHead className="hidden w-28 sm:table-cell">GPUs</TableHead>
          <TableHead className="w-32">Starts</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job, i) => (
          <TableRow key={job.id ?? `hidden-${i}`} className="relative">
            <TableCell className="text-right align-top font-medium tabular-nums">{job.queuePosition ?? "—"}</TableCell>
            <TableCell className="max-w-0 align-top whitespace-normal">
              <QueueJobName job={job} />
              {job.stateReason ? <p className="mt-0.5 text-xs text-muted-foreground">{sentenceCase(job.stateReason)}</p> : null}
            </TableCell>
            <TableCell className="truncate align-top">{job.user}</TableCell>
            <TableCell className="hidden truncate align-top text-muted-foreground md:table-cell">{job.project}</TableCell>
            <TableCell className="hidden align-top text-muted-foreground sm:table-cell">
              {resourcesLabel(job)}
              {job.priority !== "normal" ? <span className="block text-xs">{job.priority} priority</span> : null}
            </TableCell>
            <TableCell className="align-top">
              <EstimatedStart at={job.estimatedStartAt} className="text-sm" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
