"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TJob } from "@/components/trpc/router-types";
import type { TJobGpuReading } from "@/server/queue/watch-job";
import { formatMemoryMb, UsageBar } from "../usage-bar";

/** Each GPU of the running attempt: utilization and memory where its agent reads them. */
export function JobGpus({ job, readings }: { job: TJob; readings: TJobGpuReading[] }) {
  const attempt = job.attempts.at(-1);
  const running = attempt && (attempt.state === "running" || attempt.state === "assigned") && job.gpus > 0;
  if (!running) return null;
  const gpus = attempt.nodes.flatMap((node) =>
    node.gpuIndices.map((index) => ({
      node,
      index,
      gpu: readings.find((g) => g.nodeRank === node.nodeRank && g.index === index),
      simulated: node.simulated,
    })),
  );
  return (
    <Card role="region" className="overflow-hidden" aria-labelledby="gpus-heading">
      <CardHeader className="pb-3">
        <CardTitle id="gpus-heading" className="text-sm">
          GPUs
        </CardTitle>
        <CardDescription className="text-xs">Live from the agents, every few seconds.</CardDescription>
      </CardHeader>
      <ul className="divide-y divide-border border-t border-border">
        {gpus.map(({ node, index, gpu, simulated }) => (
          <li key={`${node.nodeRank}-${index}`} className="space-y-2 px-5 py-3">
            <div className="flex items-center justify-between gap-2 text-sm">
              <span className="min-w-0 truncate font-medium">
                {node.agent} · GPU {index}
                <span className="font-normal text-muted-foreground"> {gpu?.model}</span>
              </span>
              {simulated ? <Badge variant="warning">simulated</Badge> : null}
            </div>
            {gpu && gpu.utilization !== null ? (
              <Reading label="Utilization" value={`${Math.round(gpu.utilization)}%`} share={gpu.utilization / 100} />
            ) : (
              <p className="text-xs text-muted-foreground">{simulated ? "Simulated: no utilization to read." : "Utilization not reported by this agent."}</p>
            )}
            {gpu && gpu.memoryUsedMb !== null ? (
              <Reading
                label="Memory"
                value={gpu.memoryMb ? `${formatMemoryMb(gpu.memoryUsedMb)} of ${formatMemoryMb(gpu.memoryMb)}` : formatMemoryMb(gpu.memoryUsedMb)}
                share={gpu.memoryMb ? gpu.memoryUsedMb / gpu.memoryMb : 0}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Reading({ label, value, share }: { label: string; value: string; share: number }) {
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-xs">
        <span className="text-muted-foreground">{label}</span>
        <span className="tabular-nums">{value}</span>
      </div>
      <UsageBar value={share} label={`${label} ${value}`} />
    </div>
  );
}
