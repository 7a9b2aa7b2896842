import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TJobListItem } from "@/components/trpc/router-types";
import { formatMoney } from "@/lib/format-money";
import { ElapsedTime } from "./elapsed-time";
import { HeldBadge, JobStateBadge } from "./job-state-badge";
import { personName, resourcesLabel, sentenceCase } from "./job-words";
import { QueueWait } from "./queue-wait";
import { SeededBadge } from "./seeded-badge";

/** Jobs, newest first; each row links to its job page. */
export function JobsTable({ jobs, showProject = false }: { jobs: TJobListItem[]; showProject?: boolean }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-28">State</TableHead>
          <TableHead>Job</TableHead>
          <TableHead className="hidden w-40 md:table-cell">Submitted by</TableHead>
          <TableHead className="hidden w-32 sm:table-cell">Resources</TableHead>
          <TableHead className="hidden w-32 lg:table-cell">Submitted</TableHead>
          <TableHead className="w-24 text-right">Duration</TableHead>
          <TableHead className="hidden w-24 text-right sm:table-cell">Cost</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => (
          <JobRow key={job.id} job={job} showProject={showProject} />
        ))}
      </TableBody>
    </Table>
  );
}

function JobRow({ job, showProject }: { job: TJobListItem; showProject: boolean }) {
  const showReason = job.state !== "running" && job.state !== "succeeded" && job.stateReason;
  return (
    <TableRow className="relative">
      <TableCell className="align-top">
        <div className="flex flex-col items-start gap-1">
          <JobStateBadge state={job.state} />
          {job.heldReason && job.state === "queued" ? <HeldBadge reason={job.heldReason} /> : null}
          {job.seeded ? <SeededBadge /> : null}
        </div>
      </TableCell>
      <TableCell className="max-w-0 align-top whitespace-normal">
        <Link
          href={`/jobs/${job.id}`}
          className="block truncate font-medium outline-none after:absolute after:inset-0 hover:underline focus-visible:underline"
        >
          {job.name}
        </Link>
        <p className="truncate font-mono text-xs text-muted-foreground" title={job.command}>
          {showProject ? <span className="font-sans text-foreground/80">{job.projectName} · </span> : null}
          {job.command}
        </p>
        {job.state === "queued" ? (
          <QueueWait position={job.queuePosition} estimatedStartAt={job.estimatedStartAt} reason={job.stateReason} className="mt-1" />
        ) : showReason ? (
          <p className="mt-0.5 truncate text-xs text-muted-foreground">{sentenceCase(job.stateReason)}</p>
        ) : null}
      </TableCell>
      <TableCell className="hidden align-top md:table-cell">
        <span className="flex min-w-0 items-center gap-2">
          <Avatar name={job.submittedBy.name} email={job.submittedBy.email} className="size-5 text-[9px]" />
          <span className="truncate text-sm">{personName(job.submittedBy)}</span>
        </span>
      </TableCell>
      <TableCell className="hidden align-top text-muted-foreground sm:table-cell">{resourcesLabel(job)}</TableCell>
      <TableCell className="hidden align-top text-muted-foreground lg:table-cell">
        <RelativeTime date={job.submittedAt} />
      </TableCell>
      <TableCell className="text-right align-top tabular-nums text-muted-foreground">
        {job.startedAt ? (
          <ElapsedTime start={job.startedAt} end={job.endedAt} className={job.endedAt ? undefined : "text-foreground"} />
        ) : (
          <span title="Not started">—</span>
        )}
      </TableCell>
      <TableCell className="hidden text-right align-top tabular-nums text-muted-foreground sm:table-cell">
        {job.startedAt ? (
          <span title={job.endedAt ? "What its GPU (or CPU) minutes cost, at the pool's rates" : "So far, metered each minute"}>{formatMoney(job.cost, {})}</span>
        ) : (
          <span title="Not started">—</span>
        )}
      </TableCell>
    </TableRow>
  );
}
