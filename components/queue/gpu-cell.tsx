import Link from "next/link";
import { cn } from "@/lib/cn";
import type { TAgent } from "@/components/trpc/router-types";
import { formatMemoryMb, UsageBar } from "../jobs/usage-bar";

type Gpu = TAgent["gpus"][number];

/** One GPU: free or busy (with the job, when the viewer may see it), utilization and memory. */
export function GpuCell({ gpu, usable, jobName }: { gpu: Gpu; usable: boolean; jobName?: string }) {
  const label = `GPU ${gpu.index}, ${gpu.model}: ${gpu.busy ? `busy${jobName ? ` with ${jobName}` : ""}` : usable ? "free" : "unavailable"}`;
  const body = (
    <>
      <div className="flex items-center justify-between gap-1">
        <span className="font-mono text-[11px] font-medium">GPU {gpu.index}</span>
        <span
          className={cn(
            "text-[10px] font-medium",
            gpu.busy ? "text-primary" : usable ? "text-success" : "text-muted-foreground",
          )}
        >
          {gpu.busy ? "busy" : usable ? "free" : "off"}
        </span>
      </div>
      {gpu.utilization !== null ? (
        <UsageBar value={gpu.utilization / 100} label={`Utilization ${Math.round(gpu.utilization)}%`} className="mt-1.5 h-1" />
      ) : (
        <div aria-hidden className={cn("mt-1.5 h-1 rounded-full", gpu.busy ? "bg-primary/50" : "bg-muted")} />
      )}
      <p className="mt-1 truncate text-[10px] text-muted-foreground tabular-nums">
        {gpu.memoryUsedMb !== null ? `${formatMemoryMb(gpu.memoryUsedMb)} / ${formatMemoryMb(gpu.memoryMb)}` : formatMemoryMb(gpu.memoryMb)}
      </p>
      <p className="truncate text-[10px] font-medium text-foreground/80" title={jobName}>
        {gpu.busy ? (jobName ?? <span className="font-normal text-muted-foreground italic">another project</span>) : "\u00a0"}
      </p>
    </>
  );
  const className = cn(
    "block rounded-md border px-2 py-1.5 outline-none",
    gpu.busy ? "border-primary/30 bg-primary/5" : usable ? "border-success/30 bg-success/5" : "border-border bg-muted/40",
  );
  if (gpu.jobId) {
    return (
      <Link
        href={`/jobs/${gpu.jobId}`}
        title={label}
        aria-label={`${label}; open its job`}
        className={cn(className, "transition-colors hover:border-primary/60 focus-visible:ring-[3px] focus-visible:ring-ring/50")}
      >
        {body}
      </Link>
    );
  }
  return (
    <div title={label} aria-label={label} role="img" className={className}>
      {body}
    </div>
  );
}
