"use client";

import { useQuery } from "@tanstack/react-query";
import { Database } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, LoadingRows } from "@/components/ui/list-states";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/trpc";
import { locationOf, StoreBadge } from "./dataset-header";
import { NewDatasetDialog } from "./new-dataset-dialog";
import { datasetHref } from "./paths";

/** The project's datasets: where each lives, its latest frozen version, and what it is. */
export function ProjectDatasets({ projectSlug, canCreate }: { projectSlug: string; canCreate: boolean }) {
  const trpc = useTRPC();
  const datasets = useQuery(trpc.datasets.list.queryOptions({ projectSlug }));
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="max-w-2xl text-sm text-muted-foreground">
          Data on the lab’s stores, shared with everyone in this project. Browse and preview it here, upload straight to the store, and attach it to jobs.
        </p>
        {canCreate && (datasets.data?.length ?? 0) > 0 ? <NewDatasetDialog projectSlug={projectSlug} /> : null}
      </div>
      {datasets.isPending ? (
        <LoadingRows rows={3} className="h-14" />
      ) : datasets.isError ? (
        <LoadError what="The datasets" />
      ) : datasets.data.length === 0 ? (
        <EmptyState icon={Database} title="No datasets yet" action={canCreate ? <NewDatasetDialog projectSlug={projectSlug} /> : null}>
          A dataset is a bucket and folder on an S3-compatible store or the server’s local store. Nothing is copied: jobs and previews read it where
          it is.
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-xl border border-border bg-card shadow-xs">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Store</TableHead>
                {/* External collaborators are not told where data lives: no column at all. */}
                {datasets.data.some((d) => locationOf(d)) ? <TableHead className="hidden md:table-cell">Location</TableHead> : null}
                <TableHead>Version</TableHead>
                <TableHead className="hidden lg:table-cell">Created</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {datasets.data.map((d) => (
                <TableRow key={d.id} className="relative">
                  <TableCell className="max-w-[22rem] whitespace-normal">
                    <Link
                      href={datasetHref(projectSlug, d.name)}
                      className="font-mono font-medium outline-none after:absolute after:inset-0 hover:underline focus-visible:underline"
                    >
                      {d.name}
                    </Link>
                    {d.description ? <p className="mt-0.5 line-clamp-2 text-xs text-muted-foreground">{d.description}</p> : null}
                  </TableCell>
                  <TableCell>
                    <StoreBadge store={d.store} />
                  </TableCell>
                  {locationOf(d) ? <TableCell className="hidden max-w-64 truncate font-mono text-xs text-muted-foreground md:table-cell">{locationOf(d)}</TableCell> : null}
                  <TableCell>
                    {d.latestVersion ? (
                      <span className="rounded-md bg-primary/10 px-1.5 py-0.5 font-mono text-xs font-semibold text-primary">v{d.latestVersion}</span>
                    ) : (
                      <span className="text-xs text-muted-foreground">Not frozen</span>
                    )}
                  </TableCell>
                  <TableCell className="hidden text-xs text-muted-foreground lg:table-cell">
                    <RelativeTime date={d.createdAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
