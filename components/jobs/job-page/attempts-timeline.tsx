import { Cpu } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { cn } from "@/lib/cn";
import type { TJob, TJobAttempt } from "@/components/trpc/router-types";
import { ElapsedTime } from "../elapsed-time";
import { JobStateBadge } from "../job-state-badge";
import { sentenceCase } from "../job-words";

/** Submitted, then each attempt: where it ran, on which GPUs, and how it ended. */
export function AttemptsTimeline({ job }: { job: TJob }) {
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-3">
        <CardTitle className="text-sm">Timeline</CardTitle>
      </CardHeader>
      <ol className="border-t border-border px-5 py-4">
        <Step tone="muted" title="Submitted" at={job.submittedAt}>
          {job.attempts[0] ? (
            <>
              waited <ElapsedTime start={job.submittedAt} end={job.attempts[0].assignedAt} /> in the queue
            </>
          ) : null}
        </Step>
        {job.attempts.map((attempt, i) => (
          <AttemptStep key={attempt.number} attempt={attempt} last={i === job.attempts.length - 1 && job.state !== "queued"} />
        ))}
        {job.state === "queued" ? (
          <Step tone="pending" title={job.attempts.length ? "Back in the queue" : "Waiting in the queue"} last>
            {sentenceCase(job.stateReason)}
          </Step>
        ) : null}
      </ol>
    </Card>
  );
}

function AttemptStep({ attempt, last }: { attempt: TJobAttempt; last: boolean }) {
  const ended = attempt.endedAt !== null;
  return (
    <Step
      tone={!ended ? "active" : attempt.state === "succeeded" ? "good" : attempt.state === "cancelled" ? "muted" : "bad"}
      title={
        <span className="flex flex-wrap items-center gap-2">
          Attempt {attempt.number}
          <JobStateBadge state={attempt.state} />
        </span>
      }
      at={attempt.startedAt ?? attempt.assignedAt}
      last={last}
    >
      <ul className="space-y-1">
        {attempt.nodes.map((node) => (
          <li key={node.nodeRank} className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
            <Cpu className="size-3.5 shrink-0" aria-hidden />
            {attempt.nodes.length > 1 ? <span>node {node.nodeRank}:</span> : null}
            <span className="font-medium text-foreground/85">{node.agent}</span>
            <span>· {node.gpuIndices.length ? `GPU ${node.gpuIndices.join(", ")}` : "CPU slot"}</span>
            {node.simulated && node.gpuIndices.length ? (
              <Badge variant="warning" title="This agent simulates its GPUs (demo or test capacity)">
                simulated
              </Badge>
            ) : null}
          </li>
        ))}
      </ul>
      {attempt.startedAt ? (
        <p className="mt-1">
          {ended ? "ran" : "running for"} <ElapsedTime start={attempt.startedAt} end={attempt.endedAt} />
          {ended && attempt.reason ? ` · ${attempt.reason}` : null}
          {ended && attempt.exitCode !== null && !attempt.reason.includes(String(attempt.exitCode)) ? ` · exit code ${attempt.exitCode}` : null}
        </p>
      ) : ended && attempt.reason ? (
        <p className="mt-1">{sentenceCase(attempt.reason)}</p>
      ) : (
        <p className="mt-1">placed, starting…</p>
      )}
    </Step>
  );
}

const DOT: Record<string, string> = {
  muted: "bg-muted-foreground/40",
  pending: "border-2 border-dashed border-muted-foreground/60 bg-transparent",
  active: "bg-primary ring-4 ring-primary/20",
  good: "bg-success",
  bad: "bg-destructive",
};

function Step({
  tone,
  title,
  at,
  last = false,
  children,
}: {
  tone: keyof typeof DOT;
  title: ReactNode;
  at?: Date | null;
  last?: boolean;
  children?: ReactNode;
}) {
  return (
    <li className="relative flex gap-3 pb-4 last:pb-0">
      {!last ? <span aria-hidden className="absolute top-4 bottom-0 left-[5px] w-px bg-border" /> : null}
      <span aria-hidden className={cn("relative mt-1.5 size-[11px] shrink-0 rounded-full", DOT[tone])} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-2 text-sm font-medium">
          <span className="min-w-0">{title}</span>
          {at ? <LocalTime date={at} pattern="HH:mm:ss" className="shrink-0 text-xs font-normal text-muted-foreground tabular-nums" /> : null}
        </div>
        {children ? <div className="mt-1 text-xs text-muted-foreground">{children}</div> : null}
      </div>
    </li>
  );
}
