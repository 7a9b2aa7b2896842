"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/trpc";
import { gpuCapacityByType } from "../gpu-capacity";
import { UsageBar } from "../usage-bar";

/** What the lab has free right now and how many jobs wait, to help choose what to ask for. */
export function CapacityNow() {
  const trpc = useTRPC();
  const agents = useQuery({ ...trpc.jobs.agents.queryOptions(), refetchInterval: 10_000 });
  const queue = useQuery({ ...trpc.jobs.queue.queryOptions(), refetchInterval: 10_000 });
  const types = gpuCapacityByType(agents.data ?? []);
  const waiting = queue.data?.filter((j) => j.state === "queued").length ?? 0;
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-3">
        <CardTitle className="text-sm">Capacity now</CardTitle>
        <CardDescription className="text-xs">
          {queue.isPending ? "…" : waiting === 0 ? "Nobody is waiting." : `${waiting} ${waiting === 1 ? "job waits" : "jobs wait"} in the queue.`}
        </CardDescription>
      </CardHeader>
      <div className="border-t border-border">
        {agents.isPending ? (
          <div className="p-5">
            <Skeleton className="h-10" />
          </div>
        ) : types.length === 0 ? (
          <p className="px-5 py-4 text-xs text-muted-foreground">No agent offers GPUs right now; CPU jobs (0 GPUs) may still run.</p>
        ) : (
          <ul className="divide-y divide-border">
            {types.map((t) => (
              <li key={t.type} className="space-y-1.5 px-5 py-3">
                <div className="flex items-center justify-between gap-2 text-sm">
                  <span className="flex min-w-0 items-center gap-1.5">
                    <span className="truncate font-medium">{t.type}</span>
                    {t.simulated ? <Badge variant="warning">simulated</Badge> : null}
                  </span>
                  <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                    <span className={t.free ? "font-medium text-success" : undefined}>{t.free} free</span> of {t.total}
                  </span>
                </div>
                <UsageBar value={t.total ? (t.total - t.free) / t.total : 0} label={`${t.type}: ${t.total - t.free} of ${t.total} busy`} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <Link
        href="/queue"
        className="flex items-center justify-between border-t border-border px-5 py-2.5 text-xs font-medium text-muted-foreground outline-none hover:bg-muted/40 hover:text-foreground focus-visible:bg-muted/40"
      >
        Open the lab queue <ArrowRight className="size-3.5" aria-hidden />
      </Link>
    </Card>
  );
}
