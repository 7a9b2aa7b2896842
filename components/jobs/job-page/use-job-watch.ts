"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useMemo, useState } from "react";
import type { TJob, TMetricPoint } from "@/components/trpc/router-types";
import { useTRPC } from "@/components/trpc/trpc";
import type { TJobArtifact, TJobGpuReading } from "@/server/queue/watch-job";
import { groupMetrics } from "./job-metrics-series";

type Live = { points: TMetricPoint[]; artifacts: TJobArtifact[] | null; gpus: TJobGpuReading[] };

/**
 * Everything live on a job page from one subscription (jobs.watch, server-sent events): the job
 * itself (written into the jobs.get query the server page hydrated, so every component reading
 * it follows), its metric points (the first event brings the newest page, later ones only what
 * arrived since), its artifacts and its GPUs' readings. The server ends the stream once the job
 * has ended, or when the session does.
 */
export function useJobWatch(jobId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The stream keeps it fresh: no refetch when the window regains focus.
  const job = useQuery({ ...trpc.jobs.get.queryOptions({ jobId }), staleTime: Infinity }).data as TJob;
  const [live, setLive] = useState<Live>({ points: [], artifacts: null, gpus: [] });
  const subscription = useSubscription(
    trpc.jobs.watch.subscriptionOptions(
      { jobId },
      {
        onData: ({ data: event }) => {
          queryClient.setQueryData(trpc.jobs.get.queryKey({ jobId }), event.job);
          setLive((prev) => ({
            points: event.metrics.reset ? event.metrics.points : event.metrics.points.length ? prev.points.concat(event.metrics.points) : prev.points,
            artifacts: event.artifacts,
            gpus: event.gpus,
          }));
        },
      },
    ),
  );
  const metrics = useMemo(() => groupMetrics(live.points), [live.points]);
  return {
    job,
    ...metrics,
    /** Nothing has arrived yet (and nothing has gone wrong). */
    isPending: live.artifacts === null && subscription.status !== "error",
    artifacts: live.artifacts,
    gpus: live.gpus,
    status: subscription.status,
    error: subscription.error,
    reconnect: subscription.reset,
  };
}
