"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Cloud, HardDrive } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/trpc";
import { useDataset } from "./dataset-context";
import { DatasetSettings } from "./dataset-settings";
import type { TDatasetSummary, TDatasetView } from "./types";
import { FreezeVersionDialog, VersionsDialog } from "./versions-dialog";

/**
 * Where a dataset lives, as people write it: s3://bucket/prefix/ or the local store's
 * bucket/prefix/; null for an external collaborator, whom the server does not tell.
 */
export function locationOf(d: TDatasetView): string | null {
  if (!("bucket" in d)) return null;
  return `${d.store.kind === "s3" ? "s3://" : ""}${d.bucket}/${d.prefix}`;
}

/** The variable a job reads the dataset's path from. */
export function envNameOf(name: string): string {
  return `BENCHTOP_DATASET_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

export function StoreBadge({ store }: { store: TDatasetSummary["store"] }) {
  const Icon = store.kind === "s3" ? Cloud : HardDrive;
  return (
    <Badge variant="outline" title={store.kind === "s3" ? "S3-compatible store" : "Folder on the Benchtop server"}>
      <Icon aria-hidden />
      {store.name}
    </Badge>
  );
}

export function DatasetHeader() {
  const { projectSlug, dataset, canEdit } = useDataset();
  const trpc = useTRPC();
  const summary = useQuery(trpc.datasets.get.queryOptions({ projectSlug, dataset }));
  const d = summary.data;
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        <Link href={`/projects/${projectSlug}/datasets`} className="inline-flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground">
          <ArrowLeft className="size-3" aria-hidden />
          Datasets
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="font-mono text-lg font-semibold tracking-tight">{dataset}</h2>
          {d ? <StoreBadge store={d.store} /> : null}
          {d && locationOf(d) ? (
            <code className="truncate rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-muted-foreground" title="Location in the store">
              {locationOf(d)}
            </code>
          ) : null}
        </div>
        {d ? (
          <>
            {d.description ? <p className="max-w-3xl text-sm text-muted-foreground">{d.description}</p> : null}
            <p className="text-xs text-muted-foreground">
              A job it is attached to finds it at <code className="rounded bg-muted px-1 py-0.5 font-mono text-foreground">${envNameOf(dataset)}</code>
            </p>
          </>
        ) : summary.isPending ? (
          <Skeleton className="h-4 w-72" />
        ) : null}
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <VersionsDialog projectSlug={projectSlug} dataset={dataset} latest={d?.latestVersion ?? null} />
        {canEdit ? <FreezeVersionDialog projectSlug={projectSlug} dataset={dataset} /> : null}
        {canEdit && d ? <DatasetSettings projectSlug={projectSlug} dataset={dataset} description={d.description} location={locationOf(d) ?? d.store.name} /> : null}
      </div>
    </div>
  );
}
