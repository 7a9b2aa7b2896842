"use client";

import { LineChart as LineChartIcon } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { MetricChart } from "./metric-chart";
import type { MetricSeries } from "./job-metrics-series";

/** A small live chart per metric the job printed. */
export function JobMetrics({ series, isPending, active }: { series: MetricSeries[]; isPending: boolean; active: boolean }) {
  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex-row items-baseline justify-between gap-2 pb-3">
        <CardTitle id="metrics-heading" className="text-sm">
          Metrics
        </CardTitle>
        {series.length ? (
          <CardDescription className="text-xs">
            {series.length} {series.length === 1 ? "metric" : "metrics"}
            {active ? " · live" : ""}
          </CardDescription>
        ) : null}
      </CardHeader>
      <div className="border-t border-border p-3">
        {isPending ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <Skeleton className="h-44" />
            <Skeleton className="h-44" />
          </div>
        ) : series.length === 0 ? (
          <div className="flex items-start gap-3 px-2 py-1 text-xs text-muted-foreground">
            <LineChartIcon className="size-4 shrink-0" aria-hidden />
            <p>
              {active ? "No metrics yet." : "This job reported no metrics."} A line like{" "}
              <code className="font-mono text-foreground/85">::metric step=10 total=1000 loss=0.42</code> on stdout adds a point to a chart, and
              <code className="font-mono text-foreground/85"> total</code> drives the progress bar.
            </p>
          </div>
        ) : (
          // A lone metric gets the card's whole width.
          <div className={series.length > 1 ? "grid gap-3 sm:grid-cols-2" : "grid gap-3"}>
            {series.map((s) => (
              <MetricChart key={s.key} series={s} />
            ))}
          </div>
        )}
      </div>
    </Card>
  );
}
