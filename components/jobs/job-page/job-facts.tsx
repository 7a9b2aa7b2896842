import { Lock } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import { formatRuntimeLimit } from "@/lib/format-duration";
import { formatMoney } from "@/lib/format-money";
import type { TJob } from "@/components/trpc/router-types";
import { resourcesLabel } from "../job-words";

const PRIORITY: Record<TJob["priority"], string> = { low: "Low", normal: "Normal", high: "High" };

/** What the job asked for and when things happened. */
export function JobFacts({ job }: { job: TJob }) {
  const env = Object.entries(job.env);
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-3">
        <CardTitle id="details-heading" className="text-sm">
          Details
        </CardTitle>
      </CardHeader>
      <div className="border-t border-border px-5 py-3">
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs font-medium text-muted-foreground">Command</p>
          <CopyButton value={job.command} label="Copy" size="sm" variant="ghost" className="-mr-2 h-7 text-xs" />
        </div>
        <pre className="mt-1 max-h-40 overflow-auto rounded-md bg-muted/60 px-2.5 py-2 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap">
          {job.command}
        </pre>
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 border-t border-border px-5 py-4 text-sm">
        <Fact label="Resources">{resourcesLabel(job)}</Fact>
        {job.heldReason ? <Fact label="Held">{job.heldReason} An owner of the project or a director can release it.</Fact> : null}
        <Fact label="Cost">
          {formatMoney(job.cost, {})}
          {job.state === "running" || job.state === "starting" ? <span className="text-muted-foreground"> so far, metered each minute</span> : null}
        </Fact>
        <Fact label="Priority">{PRIORITY[job.priority]}</Fact>
        <Fact label="Max runtime">{formatRuntimeLimit(job.maxRuntimeSeconds)}</Fact>
        <Fact label="Retries">{job.maxRetries === 0 ? "None" : `Up to ${job.maxRetries}`}</Fact>
        {job.pools.length ? <Fact label="Pools">{job.pools.join(", ")}</Fact> : null}
        <Fact label="Submitted">{when(job.submittedAt)}</Fact>
        <Fact label="Started">{when(job.startedAt)}</Fact>
        <Fact label="Ended">{when(job.endedAt)}</Fact>
        <Fact label="Exit code">
          <span className="tabular-nums">{job.exitCode ?? "—"}</span>
        </Fact>
        <Fact label="Snapshot">
          <span className="font-mono text-xs" title={job.snapshotId}>
            {job.snapshotId.slice(0, 12)}
          </span>
        </Fact>
      </dl>
      {env.length || job.secretEnvNames.length ? (
        <div className="border-t border-border px-5 py-3">
          <p className="text-xs font-medium text-muted-foreground">Environment</p>
          <ul className="mt-1.5 space-y-0.5 font-mono text-xs">
            {env.map(([key, value]) => (
              <li key={key} className="truncate" title={value === null ? `${key}: value hidden` : `${key}=${value}`}>
                <span className="text-muted-foreground">{key}=</span>
                {value === null ? <span className="font-sans text-muted-foreground italic">hidden</span> : value}
              </li>
            ))}
            {job.secretEnvNames.map((key) => (
              <li key={key} className="flex items-center gap-1.5 truncate" title={`${key}: a secret, never shown`}>
                <span className="text-muted-foreground">{key}</span>
                <span className="inline-flex items-center gap-1 font-sans text-muted-foreground italic">
                  <Lock className="size-3" aria-hidden />
                  secret
                </span>
              </li>
            ))}
          </ul>
          {job.envMasked ? (
            <p className="mt-2 text-xs text-muted-foreground">Values are shown to the person who gave them, the project’s owners and lab directors.</p>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 truncate text-right">{children}</dd>
    </>
  );
}

function when(date: Date | null): ReactNode {
  if (!date) return <span className="text-muted-foreground">—</span>;
  return <LocalTime date={date} />;
}
