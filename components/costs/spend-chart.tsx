"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format-money";
import { AXIS_TICK, colourOf, TOOLTIP_STYLE } from "./palette";

type Series = { keys: { key: string; label: string }[]; days: { day: string; values: Record<string, string> }[] };

/** Spend per UTC day, stacked by the chosen dimension's largest keys (the rest as Other). */
export function SpendChart({ series, currency }: { series: Series; currency: string }) {
  const data = series.days.map((d) => ({ day: d.day, ...Object.fromEntries(series.keys.map((k) => [k.key, Number(d.values[k.key] ?? 0)])) }));
  const money = (v: number) => formatMoney({ amount: v.toFixed(2), currency });
  const short = (v: number) => new Intl.NumberFormat("en", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(v);
  return (
    <div className="h-72" data-testid="spend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: "var(--border)" }} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
          <YAxis width={56} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={short} />
          <Tooltip contentStyle={TOOLTIP_STYLE} cursor={{ fill: "var(--accent)" }} formatter={(v) => money(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} iconType="circle" iconSize={8} />
          {series.keys.map((k, i) => (
            <Bar key={k.key} dataKey={k.key} name={k.label} stackId="spend" fill={colourOf(k.key, i)} maxBarSize={28} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
