"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleDollarSign, Pencil } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/trpc";
import type { RouterOutputs } from "@/components/trpc/router-types";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format-money";
import { BudgetForm } from "./budget-form";

export type TBudget = NonNullable<RouterOutputs["budgets"]["project"]["budget"]>;

export const POLICY_WORDS: Record<TBudget["policy"], string> = {
  warn: "warn only",
  hold: "hold new jobs",
  stop: "hold new jobs and stop running ones",
};

/** The project's budget: spent, left and the period, a bar coloured by its thresholds, and (owners, directors) a form to set it. */
export function BudgetCard({ projectSlug, canEdit }: { projectSlug: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.budgets.project.queryOptions({ projectSlug }), refetchInterval: 60_000 });
  const [editing, setEditing] = useState(false);
  const budget = query.data?.budget ?? null;
  return (
    <Card role="region" aria-labelledby="budget-heading">
      <CardHeader className="flex-row items-start justify-between gap-4 space-y-0">
        <div className="space-y-1.5">
          <CardTitle id="budget-heading" className="flex items-center gap-2">
            <CircleDollarSign className="size-4 text-muted-foreground" aria-hidden />
            Budget
          </CardTitle>
          <CardDescription>
            Every GPU-minute of the project’s jobs is priced. Owners and directors are told at each threshold, once a period.
          </CardDescription>
        </div>
        {canEdit && budget && !editing ? (
          <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
            <Pencil aria-hidden />
            Edit
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-5">
        {query.isPending ? (
          <Skeleton className="h-20" />
        ) : budget ? (
          <BudgetView budget={budget} />
        ) : (
          <p className="text-sm text-muted-foreground">
            No budget yet: spending is recorded but not limited.{canEdit ? " Set one below." : " An owner or a director can set one."}
          </p>
        )}
        {canEdit && (editing || !budget) ? (
          <BudgetForm projectSlug={projectSlug} budget={budget} onDone={() => setEditing(false)} onCancel={budget ? () => setEditing(false) : undefined} />
        ) : null}
      </CardContent>
    </Card>
  );
}

function barColour(b: TBudget): string {
  if (b.percent >= 100) return "bg-destructive";
  const warnAt = b.thresholds.filter((t) => t < 100).at(-1) ?? 80;
  return b.percent >= warnAt ? "bg-warning" : "bg-success";
}

function periodText(b: TBudget): string {
  const start = new Date(b.periodStart);
  const end = new Date(new Date(b.periodEnd).getTime() - 86_400_000);
  const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return b.period === "month" ? `Monthly · ${start.toLocaleString("en", { month: "long", year: "numeric", timeZone: "UTC" })}` : `${day(start)} – ${day(end)}`;
}

function BudgetView({ budget: b }: { budget: TBudget }) {
  const width = Math.min(100, b.percent);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
        <p className="text-2xl font-semibold tracking-tight tabular-nums">
          {formatMoney(b.spent)} <span className="text-base font-normal text-muted-foreground">of {formatMoney(b.amount)}</span>
        </p>
        <p className="text-sm text-muted-foreground tabular-nums">
          <span className={cn("font-medium", b.percent >= 100 ? "text-destructive" : "text-foreground")}>{b.percent} %</span> spent ·{" "}
          {formatMoney(b.left)} left
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="Budget spent"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={width}
        aria-valuetext={`${b.percent} % spent`}
        className="relative h-2.5 overflow-visible rounded-full bg-muted"
      >
        <div className={cn("h-full rounded-full transition-[width]", barColour(b))} style={{ width: `${width}%` }} />
        {b.thresholds.filter((t) => t < 100).map((t) => (
          <span key={t} aria-hidden title={`${t} %`} className="absolute -top-0.5 h-3.5 w-px bg-foreground/35" style={{ left: `${t}%` }} />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <Badge variant="outline">{periodText(b)}</Badge>
        <Badge variant={b.policy === "warn" ? "secondary" : "warning"}>At 100 %: {POLICY_WORDS[b.policy]}</Badge>
        <span>Alerts at {b.thresholds.map((t) => `${t} %`).join(", ")}</span>
      </div>
    </div>
  );
}
