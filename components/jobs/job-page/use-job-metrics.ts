"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { TMetricPoint } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";

export type MetricSeries = { key: string; points: { step: number | null; at: number; value: number; attempt: number }[] };
export type Progress = { fraction: number; step: number | null };

/** The job's metric points, refetched every 3 s while it is active, grouped by key. */
export function useJobMetrics(jobId: string, active: boolean) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.jobs.metrics.queryOptions({ jobId }), refetchInterval: active ? 3_000 : false });
  const derived = useMemo(() => groupMetrics(query.data ?? []), [query.data]);
  return { ...derived, isPending: query.isPending, isError: query.isError };
}

function groupMetrics(points: TMetricPoint[]): { series: MetricSeries[]; progress: Progress | null } {
  const byKey = new Map<string, MetricSeries>();
  let progress: Progress | null = null;
  let progressAttempt = -1;
  for (const p of points) {
    if (p.key === "progress") {
      // The latest attempt's latest report (a retry starts over, or resumes from a checkpoint).
      if (p.attemptNumber >= progressAttempt) {
        progress = { fraction: Math.max(0, Math.min(1, p.value)), step: p.step };
        progressAttempt = p.attemptNumber;
      }
      continue;
    }
    const series = byKey.get(p.key) ?? byKey.set(p.key, { key: p.key, points: [] }).get(p.key)!;
    series.points.push({ step: p.step, at: p.at.getTime(), value: p.value, attempt: p.attemptNumber });
  }
  return { series: [...byKey.values()].sort((a, b) => metricOrder(a.key) - metricOrder(b.key) || a.key.localeCompare(b.key)), progress };
}

/** Losses first, then accuracies, then the rest: what people look at first. */
function metricOrder(key: string): number {
  const k = key.toLowerCase();
  if (k.includes("loss")) return 0;
  if (k.includes("acc") || k.includes("f1") || k.includes("auc")) return 1;
  return 2;
}
