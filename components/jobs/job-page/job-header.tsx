import { ChevronRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TJob } from "@/components/trpc/router-types";
import { JobStateBadge } from "../job-state-badge";
import { SeededBadge } from "../seeded-badge";
import { personName } from "../job-words";

/** Breadcrumb, the job's name and state, who submitted it when, and the actions. */
export function JobHeader({ job, actions }: { job: TJob; actions: ReactNode }) {
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <ol className="flex min-w-0 items-center gap-1.5">
          <Crumb href="/projects">Projects</Crumb>
          <Crumb href={`/projects/${job.projectSlug}`}>{job.projectName}</Crumb>
          <Crumb href={`/projects/${job.projectSlug}/jobs`}>Jobs</Crumb>
          <li aria-current="page" className="truncate font-mono text-xs">
            {job.id}
          </li>
        </ol>
      </nav>
      <div className="flex flex-col gap-4 md:flex-row md:items-start md:justify-between">
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words">{job.name}</h1>
            <JobStateBadge state={job.state} className="text-sm" />
            {job.seeded ? <SeededBadge className="text-sm" /> : null}
          </div>
          <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-muted-foreground">
            <Avatar name={job.submittedBy.name} email={job.submittedBy.email} className="size-5 text-[9px]" />
            <span className="font-medium text-foreground/85">{personName(job.submittedBy)}</span>
            <span>submitted it</span>
            <RelativeTime date={job.submittedAt} />
            {job.rerunOfId ? (
              <>
                <span aria-hidden>·</span>
                <Link href={`/jobs/${job.rerunOfId}`} className="underline-offset-4 hover:text-foreground hover:underline">
                  re-run of an earlier job
                </Link>
              </>
            ) : null}
          </p>
          {job.seeded ? (
            <p className="text-sm text-muted-foreground">Seeded demo history: made up so the cost pages have data; it never ran, so it has no logs.</p>
          ) : null}
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>
      </div>
    </div>
  );
}

function Crumb({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <li className="min-w-0">
        <Link href={href} className="block truncate rounded-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">
          {children}
        </Link>
      </li>
      <li aria-hidden>
        <ChevronRight className="size-3.5" />
      </li>
    </>
  );
}
