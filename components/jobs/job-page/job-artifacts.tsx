"use client";

import { Download, NotebookPen, PackageOpen } from "lucide-react";
import Link from "next/link";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { FileIcon } from "@/components/project/file-icon";
import { formatBytes } from "@/lib/format-bytes";
import type { TJobArtifact } from "@/server/queue/watch-job";

/** Files the job left in $BENCHTOP_OUTPUT_DIR, each a download. */
export function JobArtifacts({
  jobId,
  artifacts,
  unavailable,
  active,
}: {
  jobId: string;
  /** Null until the job's live view has arrived. */
  artifacts: TJobArtifact[] | null;
  unavailable: boolean;
  active: boolean;
}) {
  const total = (artifacts ?? []).reduce((sum, a) => sum + a.sizeBytes, 0);
  return (
    <Card role="region" className="overflow-hidden" aria-labelledby="artifacts-heading">
      <CardHeader className="flex-row items-baseline justify-between gap-2 pb-3">
        <CardTitle id="artifacts-heading" className="text-sm">
          Artifacts
        </CardTitle>
        {artifacts?.length ? (
          <CardDescription className="text-xs">
            {artifacts.length} {artifacts.length === 1 ? "file" : "files"} · {formatBytes(total)}
          </CardDescription>
        ) : null}
      </CardHeader>
      <div className="border-t border-border">
        {artifacts === null && unavailable ? (
          <p role="alert" className="px-5 py-4 text-sm text-destructive">
            The artifacts could not be loaded.
          </p>
        ) : artifacts === null ? (
          <div className="space-y-2 p-5">
            <Skeleton className="h-5" />
            <Skeleton className="h-5" />
          </div>
        ) : artifacts.length === 0 ? (
          <div className="flex items-start gap-3 px-5 py-4 text-xs text-muted-foreground">
            <PackageOpen className="size-4 shrink-0" aria-hidden />
            <p>
              {active ? "None yet. " : "None. "}Files the job writes to <code className="font-mono">$BENCHTOP_OUTPUT_DIR</code> are kept here
              when it ends.
            </p>
          </div>
        ) : (
          <ul className="divide-y divide-border">
            {artifacts.map((artifact) => (
              <li key={artifact.path} className="flex items-center">
                <a
                  href={`/api/v1/jobs/${encodeURIComponent(jobId)}/artifacts/download?path=${encodeURIComponent(artifact.path)}`}
                  download
                  className="group flex min-w-0 flex-1 items-center gap-2.5 px-5 py-2.5 text-sm outline-none hover:bg-muted/40 focus-visible:bg-muted/40 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset"
                  aria-label={`Download ${artifact.path} (${formatBytes(artifact.sizeBytes)})`}
                >
                  <FileIcon path={artifact.path} />
                  <span className="min-w-0 flex-1 truncate font-mono text-[13px]" title={artifact.path}>
                    {artifact.path}
                  </span>
                  <span className="shrink-0 text-xs text-muted-foreground tabular-nums">{formatBytes(artifact.sizeBytes)}</span>
                  <Download className="size-4 shrink-0 text-muted-foreground group-hover:text-primary" aria-hidden />
                </a>
                {artifact.path.toLowerCase().endsWith(".ipynb") ? (
                  // A notebook job's executed copy (or any notebook it wrote) opens in the notebook viewer.
                  <Link
                    href={`/jobs/${encodeURIComponent(jobId)}/notebook?path=${encodeURIComponent(artifact.path)}`}
                    className="mr-3 inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-primary outline-none hover:bg-muted/60 focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  >
                    <NotebookPen className="size-3.5" aria-hidden /> Open executed notebook
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
