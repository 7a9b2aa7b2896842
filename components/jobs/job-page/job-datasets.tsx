import { Database } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatBytes } from "@/lib/format-bytes";
import type { TJob } from "@/components/trpc/router-types";

/** The datasets a job read: which version of each (frozen at submit, or pinned), how, and how much. */
export function JobDatasets({ job }: { job: TJob }) {
  if (job.datasets.length === 0) return null;
  return (
    <Card role="region" className="overflow-hidden" aria-labelledby="datasets-heading">
      <CardHeader className="pb-3">
        <CardTitle id="datasets-heading" className="text-sm">
          Datasets
        </CardTitle>
        <CardDescription className="text-xs">The versions this job reads; a re-run reads exactly the same objects.</CardDescription>
      </CardHeader>
      <ul className="divide-y divide-border border-t border-border">
        {job.datasets.map((d) => (
          <li key={d.name} className="space-y-1 px-5 py-3" data-testid="job-dataset">
            <div className="flex items-center justify-between gap-2">
              <Link
                href={`/projects/${job.projectSlug}/datasets/${encodeURIComponent(d.name)}`}
                className="flex min-w-0 items-center gap-1.5 text-sm font-medium underline-offset-4 hover:underline"
              >
                <Database className="size-3.5 shrink-0 text-muted-foreground" aria-hidden />
                <span className="truncate">{d.name}</span>
              </Link>
              <span className="flex shrink-0 gap-1">
                <Badge variant="secondary" title={d.requestedVersion ? "Pinned when submitted" : "The dataset as it was when submitted"}>
                  {d.version === null ? "not frozen" : `v${d.version}`}
                  {d.requestedVersion ? " pinned" : ""}
                </Badge>
                <Badge variant="outline">{d.mode === "stream" ? "stream" : "copy"}</Badge>
              </span>
            </div>
            <p className="text-xs text-muted-foreground tabular-nums">
              {d.objectCount === null ? "—" : `${d.objectCount.toLocaleString("en-US")} ${d.objectCount === 1 ? "file" : "files"}`}
              {d.totalBytes === null ? null : ` · ${formatBytes(d.totalBytes)}`}
            </p>
            <p className="truncate font-mono text-[11px] text-muted-foreground" title={`$${d.envName}`}>
              ${d.envName}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
