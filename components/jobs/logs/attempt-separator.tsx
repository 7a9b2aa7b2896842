import type { TJobAttempt } from "@/components/trpc/router-types";
import { SEPARATOR_HEIGHT } from "./log-line";

/** The band above an attempt's first line: which attempt, where it ran. */
export function AttemptSeparator({ attempt, number }: { attempt: TJobAttempt | undefined; number: number }) {
  const where = attempt?.nodes.map((n) => `${n.agent} · ${n.gpuIndices.length ? `GPU ${n.gpuIndices.join(", ")}` : "CPU"}${n.simulated && n.gpuIndices.length ? " (simulated)" : ""}`).join("; ");
  return (
    <div className="flex items-end border-b border-border/70 pb-1" style={{ height: SEPARATOR_HEIGHT }}>
      <span className="sticky left-0 inline-flex items-center gap-2 px-3 font-sans text-[11px] font-semibold tracking-wide text-muted-foreground uppercase">
        <span className="text-primary">Attempt {number}</span>
        {where ? <span className="font-normal tracking-normal normal-case">{where}</span> : null}
      </span>
    </div>
  );
}
