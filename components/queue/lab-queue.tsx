"use client";

import { useQuery } from "@tanstack/react-query";
import { Server } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/trpc";
import { AgentCard } from "./agent-card";
import { CapacitySummary } from "./capacity-summary";
import { RunningJobsTable } from "./running-jobs-table";
import { WaitingJobsTable } from "./waiting-jobs-table";

const REFRESH_MS = 3_000;

/** The lab-wide queue: capacity, who runs what where, who waits; refreshed every few seconds. */
export function LabQueue() {
  const trpc = useTRPC();
  const agents = useQuery({ ...trpc.jobs.agents.queryOptions(), refetchInterval: REFRESH_MS });
  const queue = useQuery({ ...trpc.jobs.queue.queryOptions(), refetchInterval: REFRESH_MS });

  if (agents.isPending || queue.isPending) {
    return (
      <div className="space-y-6" aria-busy>
        <Skeleton className="h-24" />
        <Skeleton className="h-48" />
      </div>
    );
  }
  if (agents.isError || queue.isError) {
    return (
      <p role="alert" className="text-sm text-destructive">
        The queue could not be loaded. Reload the page to try again.
      </p>
    );
  }
  const jobNames = new Map(queue.data.flatMap((j) => (j.id && j.name ? [[j.id, j.name] as const] : [])));
  const running = queue.data.filter((j) => j.state !== "queued");
  const waiting = queue.data.filter((j) => j.state === "queued").sort((a, b) => (a.queuePosition ?? Infinity) - (b.queuePosition ?? Infinity));

  return (
    <div className="space-y-8">
      <CapacitySummary agents={agents.data} queue={queue.data} />

      <section aria-labelledby="agents-heading" className="space-y-3">
        <h2 id="agents-heading" className="text-sm font-semibold">
          Agents <span className="font-normal text-muted-foreground">{agents.data.length}</span>
        </h2>
        {agents.data.length === 0 ? (
          <EmptyState icon={Server} title="No agents yet">
            An agent is a GPU server running <code className="font-mono">benchtop agent</code>. An admin registers it with an agent token; its
            GPUs then show up here.
          </EmptyState>
        ) : (
          <div className="grid gap-3 md:grid-cols-2">
            {agents.data.map((agent) => (
              <AgentCard key={agent.name} agent={agent} jobNames={jobNames} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="running-heading">
        <Card className="overflow-hidden">
          <CardHeader className="flex-row items-baseline justify-between gap-2 pb-4">
            <CardTitle id="running-heading">Running</CardTitle>
            <CardDescription className="text-xs">
              {running.length} {running.length === 1 ? "job" : "jobs"}
            </CardDescription>
          </CardHeader>
          <div className="border-t border-border">
            <RunningJobsTable jobs={running} busyGpus={agents.data.reduce((n, a) => n + a.gpus.filter((g) => g.busy).length, 0)} />
          </div>
        </Card>
      </section>

      <section aria-labelledby="waiting-heading">
        <Card className="overflow-hidden">
          <CardHeader className="flex-row items-baseline justify-between gap-2 pb-4">
            <CardTitle id="waiting-heading">Waiting</CardTitle>
            <CardDescription className="text-xs">In the order they will start: fair share, priority and backfill.</CardDescription>
          </CardHeader>
          <div className="border-t border-border">
            <WaitingJobsTable jobs={waiting} />
          </div>
        </Card>
      </section>

    </div>
  );
}
