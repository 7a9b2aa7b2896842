import type { TMetricPoint } from "@/components/trpc/router-types";

export type MetricSeries = { key: string; points: { step: number | null; at: number; value: number; attempt: number }[] };
export type Progress = { fraction: number; step: number | null };

/** Metric points (arrival order) as one series per key, and the latest progress report. */
export function groupMetrics(points: TMetricPoint[]): { series: MetricSeries[]; progress: Progress | null } {
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
