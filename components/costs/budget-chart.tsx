"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, type Money } from "@/lib/format-money";
import { AXIS_TICK, TOOLTIP_STYLE } from "./palette";

/** A round axis top a little above `v` (950 for 893, 45 for 41). */
function niceTop(v: number): number {
  if (v <= 0) return 1;
  const half = 10 ** Math.floor(Math.log10(v)) / 2;
  return Math.ceil((v * 1.05) / half) * half;
}

type Burn = { day: string; actual: string | null; forecast: string | null }[];

/** Cumulative spend over a budget's period (solid), the forecast to its end (dashed), the budget (a reference line). */
export function BudgetChart({ burn, budget }: { burn: Burn; budget: Money | null }) {
  const currency = budget?.currency ?? "USD";
  const data = burn.map((b) => ({ day: b.day, actual: b.actual === null ? null : Number(b.actual), forecast: b.forecast === null ? null : Number(b.forecast) }));
  const top = Math.max(budget ? Number(budget.amount) : 0, ...data.map((d) => Math.max(d.actual ?? 0, d.forecast ?? 0)));
  const money = (v: number) => formatMoney({ amount: v.toFixed(2), currency });
  const short = (v: number) => new Intl.NumberFormat("en", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(v);
  return (
    <div className="h-56" data-testid="budget-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: "var(--border)" }} tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
          <YAxis width={56} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={short} domain={[0, niceTop(top)]} />
          <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v, name) => [money(Number(v)), name === "actual" ? "Spent" : "Forecast"]} />
          {budget ? (
            <ReferenceLine y={Number(budget.amount)} stroke="var(--destructive)" strokeDasharray="2 2" label={{ value: `Budget ${formatMoney(budget)}`, position: "insideTopLeft", fontSize: 11, fill: "var(--destructive)" }} />
          ) : null}
          <Line type="monotone" dataKey="actual" stroke="#4f46e5" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="forecast" stroke="#4f46e5" strokeWidth={2} strokeDasharray="6 4" dot={false} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
