"use client";

import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricSeries } from "./job-metrics-series";

const MAX_POINTS = 800;

type Point = { x: number; value: number };

/** One metric over steps (or seconds, when it has no steps), one line per attempt. */
export function MetricChart({ series }: { series: MetricSeries }) {
  const { lines, byStep, latest } = useMemo(() => chartLines(series), [series]);
  const headingId = `metric-${series.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <figure aria-labelledby={headingId} className="min-w-0 rounded-lg border border-border bg-card p-3 pb-1">
      <figcaption className="flex items-baseline justify-between gap-2 px-1">
        <span id={headingId} className="truncate font-mono text-xs font-medium">
          {series.key}
        </span>
        {latest ? (
          <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
            <span className="font-medium text-foreground">{formatValue(latest.value)}</span>
            {byStep ? ` at step ${latest.x.toLocaleString()}` : ""}
          </span>
        ) : null}
      </figcaption>
      <div className="h-36">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="x"
              type="number"
              domain={["dataMin", "dataMax"]}
              allowDuplicatedCategory={false}
              allowDecimals={!byStep}
              tick={{ fontSize: 10, fill: "var(--muted-foreground)" }}
              tickLine={false}
              axisLine={{ stroke: "var(--border)" }}
              tickFormatter={(x: number) => (byStep ? compact(x) : `${compact(x)}s`)}
              minTickGap={24}
            />
            <YAxis
              width={48}
              domain={["auto", "auto"]}
              tick={{ fontSize: 10, fill: "var(--muted-foreground)" }}
              tickLine={false}
              axisLine={false}
              tickFormatter={tickValue}
            />
            <Tooltip
              contentStyle={{
                background: "var(--popover)",
                border: "1px solid var(--border)",
                borderRadius: 8,
                fontSize: 12,
                color: "var(--popover-foreground)",
              }}
              labelFormatter={(x) => (byStep ? `step ${Number(x).toLocaleString()}` : `${Number(x)} s`)}
              formatter={(value, name) => [formatValue(Number(value), 6), String(name)]}
            />
            {lines.map((line, i) => (
              <Line
                key={line.attempt}
                data={line.points}
                dataKey="value"
                name={lines.length > 1 ? `attempt ${line.attempt}` : series.key}
                type="monotone"
                dot={false}
                isAnimationActive={false}
                stroke={i === lines.length - 1 ? "var(--primary)" : "var(--muted-foreground)"}
                strokeDasharray={i === lines.length - 1 ? undefined : "4 3"}
                strokeWidth={1.75}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {lines.length > 1 ? (
        <p className="flex items-center gap-3 px-1 pb-1.5 text-[10px] text-muted-foreground">
          <span className="inline-flex items-center gap-1">
            <span aria-hidden className="h-0.5 w-3 rounded-full bg-primary" />
            attempt {lines.at(-1)!.attempt}
          </span>
          <span className="inline-flex items-center gap-1">
            <span aria-hidden className="w-3 border-t border-dashed border-muted-foreground" />
            earlier attempts
          </span>
        </p>
      ) : null}
    </figure>
  );
}

function chartLines(series: MetricSeries) {
  const byStep = series.points.every((p) => p.step !== null);
  const t0 = series.points[0]?.at ?? 0;
  const byAttempt = new Map<number, Point[]>();
  for (const p of series.points) {
    const list = byAttempt.get(p.attempt) ?? byAttempt.set(p.attempt, []).get(p.attempt)!;
    list.push({ x: byStep ? p.step! : Math.round((p.at - t0) / 1000), value: p.value });
  }
  const lines = [...byAttempt.entries()].sort(([a], [b]) => a - b).map(([attempt, points]) => ({ attempt, points: thin(points.sort((a, b) => a.x - b.x)) }));
  const last = lines.at(-1)?.points.at(-1) ?? null;
  return { lines, byStep, latest: last };
}

/** At most MAX_POINTS, evenly spread, always keeping the last (the live value). */
function thin(points: Point[]): Point[] {
  if (points.length <= MAX_POINTS) return points;
  const every = Math.ceil(points.length / MAX_POINTS);
  const kept = points.filter((_, i) => i % every === 0);
  if (kept.at(-1) !== points.at(-1)) kept.push(points.at(-1)!);
  return kept;
}

function formatValue(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return v.toExponential(2);
  return Number(v.toPrecision(digits)).toString();
}

/** Axis ticks: three significant digits, or "8.0e-4" for tiny values. */
function tickValue(v: number): string {
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-2 || abs >= 1e5)) return v.toExponential(1);
  return Number(v.toPrecision(3)).toString();
}

function compact(x: number): string {
  return Math.abs(x) >= 1000 ? `${Math.round(x / 100) / 10}k` : String(x);
}
