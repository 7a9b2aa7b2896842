"use client";

import { Ban, CircleX, Clock, TimerOff } from "lucide-react";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/cn";
import { formatRuntimeLimit } from "@/lib/format-duration";
import type { TJob } from "@/components/trpc/router-types";
import { ElapsedTime } from "../elapsed-time";
import { EstimatedStart } from "../estimated-start";
import { stateLabel } from "../job-state-badge";
import { sentenceCase } from "../job-words";
import { JobProgress } from "./job-progress";
import type { Progress } from "./job-metrics-series";

/** The few numbers that matter in the job's current state, large, under its header. */
export function JobStatusPanel({ job, progress }: { job: TJob; progress: Progress | null }) {
  if (job.state === "queued") return <WaitPanel job={job} />;
  const current = job.attempts.at(-1);
  const where = current?.nodes.map((n) => `${n.agent} · ${n.gpuIndices.length ? `GPU ${n.gpuIndices.join(", ")}` : "CPU slot"}`).join("; ");
  const running = job.state === "running" || job.state === "starting";
  const moment = running ? job.startedAt : job.endedAt;
  const troubled = job.state === "failed" || job.state === "timed_out" || job.state === "cancelled";
  return (
    <div className="space-y-3">
      {troubled ? <EndReason job={job} /> : null}
      {running && job.cancelRequestedAt ? (
        <p role="status" className="flex items-start gap-2.5 rounded-xl border border-border bg-muted/50 px-4 py-3 text-sm">
          <Ban className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <span>
            {sentenceCase(job.stateReason)}. Its processes got SIGTERM; whatever still runs after {job.graceSeconds} s gets SIGKILL.
          </span>
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-px overflow-hidden rounded-xl border border-border bg-border shadow-xs md:grid-cols-4">
        <Stat label={running ? "Elapsed" : "Duration"}>
          <ElapsedTime start={job.startedAt} end={job.endedAt} className="tabular-nums" />
          <Sub>of at most {formatRuntimeLimit(job.maxRuntimeSeconds)}</Sub>
        </Stat>
        <Stat label="Progress">
          {progress ? <JobProgress progress={progress} /> : <span className="text-muted-foreground">—</span>}
          {!progress ? <Sub>{running ? "not reported (print ::metric step= total=)" : "not reported"}</Sub> : null}
        </Stat>
        {running ? (
          <Stat label="Running on">
            <span className="block truncate text-base" title={where}>
              {where || "being placed"}
            </span>
            <Sub>
              attempt {current?.number ?? 1}
              {job.maxRetries > 0 ? ` of up to ${job.maxRetries + 1}` : ""}
            </Sub>
          </Stat>
        ) : (
          <Stat label="Exit code">
            <span className={cn("tabular-nums", job.exitCode !== null && job.exitCode !== 0 && "text-destructive")}>{job.exitCode ?? "—"}</span>
            <Sub>{job.exitCode === null ? "none reported" : troubled ? "of the command" : sentenceCase(job.stateReason)}</Sub>
          </Stat>
        )}
        <Stat label={running ? "Started" : "Ended"}>
          <span className="text-base">{moment ? <RelativeTime date={moment} /> : "—"}</span>
          <Sub>
            {job.attempts.length} {job.attempts.length === 1 ? "attempt" : "attempts"}
          </Sub>
        </Stat>
      </div>
    </div>
  );
}

/** Why a job that did not succeed ended, in full: the first thing its owner wants to know. */
function EndReason({ job }: { job: TJob }) {
  const tone = job.state === "cancelled" ? "border-border bg-muted/50" : job.state === "timed_out" ? "border-warning/40 bg-warning/10" : "border-destructive/30 bg-destructive/5";
  const Icon = job.state === "cancelled" ? Ban : job.state === "timed_out" ? TimerOff : CircleX;
  const label = stateLabel(job.state);
  // "cancelled before it started" says its state itself; "exited with status 1" needs "Failed:".
  const reason = job.stateReason.replace(/\.$/, "");
  const saysState = reason.toLowerCase().startsWith(label.toLowerCase());
  return (
    <p className={cn("flex items-start gap-2.5 rounded-xl border px-4 py-3 text-sm", tone)}>
      <Icon className={cn("mt-0.5 size-4 shrink-0", job.state === "failed" ? "text-destructive" : "text-muted-foreground")} aria-hidden />
      <span>
        {saysState ? null : <span className="font-medium">{label}: </span>}
        {saysState ? sentenceCase(reason) : reason}
        {job.state === "timed_out" ? ` (the limit was ${formatRuntimeLimit(job.maxRuntimeSeconds)})` : ""}.
      </span>
    </p>
  );
}

function WaitPanel({ job }: { job: TJob }) {
  return (
    <section aria-label="Waiting in the queue" className="rounded-xl border border-primary/25 bg-primary/5 p-5 shadow-xs dark:bg-primary/10">
      <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-primary/10 text-primary">
          <Clock className="size-5" aria-hidden />
        </span>
        <div className="min-w-0 flex-1 space-y-3">
          <p className="text-lg leading-snug font-medium">{sentenceCase(job.stateReason)}.</p>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-xs text-muted-foreground">Place in the queue</dt>
              <dd className="text-2xl font-semibold tabular-nums">{job.queuePosition !== null ? `#${job.queuePosition}` : "—"}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Estimated start</dt>
              <dd className="text-2xl font-semibold">
                <EstimatedStart at={job.estimatedStartAt} />
              </dd>
              {job.estimatedStartAt ? <dd className="text-xs text-muted-foreground">
                  around <LocalTime date={job.estimatedStartAt} pattern="EEE HH:mm" />
                </dd> : null}
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Waiting for</dt>
              <dd className="text-2xl font-semibold tabular-nums">
                <ElapsedTime start={job.submittedAt} end={null} />
              </dd>
            </div>
          </dl>
        </div>
      </div>
    </section>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 bg-card px-4 py-3.5">
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <div className="mt-1 text-xl font-semibold">{children}</div>
    </div>
  );
}

function Sub({ children }: { children: ReactNode }) {
  return <p className="mt-0.5 truncate text-xs font-normal text-muted-foreground">{children}</p>;
}
