"use client";

import { useQuery } from "@tanstack/react-query";
import { ListFilter, Play, Plus } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { LoadError, LoadingRows } from "@/components/ui/list-states";
import { Switch } from "@/components/ui/switch";
import { useTRPC } from "@/components/trpc/trpc";
import { JOB_LIST_LIMIT, STATE_FILTERS, listRefetchInterval, type StateFilter } from "./job-list-query";
import { JobsTable } from "./jobs-table";
import { StateFilterBar } from "./state-filter-bar";

/** The project's jobs, newest first, filtered by state; refreshes while any of them is active. */
export function ProjectJobs({ projectSlug, canSubmit }: { projectSlug: string; canSubmit: boolean }) {
  const trpc = useTRPC();
  const mineId = useId();
  const [filter, setFilter] = useState<StateFilter>("all");
  const [mine, setMine] = useState(false);
  const jobs = useQuery({
    ...trpc.jobs.list.queryOptions({
      projectSlug,
      states: STATE_FILTERS[filter].states,
      mine: mine || undefined,
      limit: JOB_LIST_LIMIT,
    }),
    placeholderData: (previous) => previous,
    refetchInterval: (query) => listRefetchInterval(query.state.data),
  });
  const newJobHref = `/projects/${projectSlug}/jobs/new`;

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
        <StateFilterBar value={filter} onChange={setFilter} />
        <div className="flex items-center gap-4">
          <div className="flex items-center gap-2">
            <Switch id={mineId} checked={mine} onCheckedChange={setMine} />
            <Label htmlFor={mineId} className="font-normal text-muted-foreground">
              Only mine
            </Label>
          </div>
          {canSubmit ? (
            <Button asChild>
              <Link href={newJobHref}>
                <Plus aria-hidden />
                New job
              </Link>
            </Button>
          ) : null}
        </div>
      </div>

      {jobs.isPending ? (
        <LoadingRows rows={3} className="h-14" />
      ) : jobs.isError ? (
        <LoadError what="The jobs" />
      ) : jobs.data.length === 0 ? (
        filter === "all" && !mine ? (
          <EmptyState
            icon={Play}
            title="No jobs yet"
            action={
              canSubmit ? (
                <Button asChild>
                  <Link href={newJobHref}>
                    <Plus aria-hidden />
                    New job
                  </Link>
                </Button>
              ) : null
            }
          >
            A job runs a command on the project’s files with the GPUs it asks for. It waits in the lab’s queue, starts when they are
            free, and releases them when it ends.
          </EmptyState>
        ) : (
          <EmptyState icon={ListFilter} title="No job matches these filters">
            {mine ? "You have no" : "There are no"} {STATE_FILTERS[filter].noun} in this project.
          </EmptyState>
        )
      ) : (
        <div className="overflow-hidden rounded-xl border border-border bg-card shadow-xs">
          <JobsTable jobs={jobs.data} />
          {jobs.data.length >= JOB_LIST_LIMIT ? (
            <p className="border-t border-border px-5 py-2.5 text-xs text-muted-foreground">Showing the latest {JOB_LIST_LIMIT} jobs.</p>
          ) : null}
        </div>
      )}
    </div>
  );
}
