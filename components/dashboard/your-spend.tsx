import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format-money";
import type { OwnSpend } from "@/server/costs/dashboard";

/** The caller's own spend this month and their projects' budgets, beside the activity feed. */
export function YourSpend({ spend, month }: { spend: OwnSpend; month: string }) {
  return (
    <Card data-testid="your-spend">
      <CardHeader className="flex flex-row items-center justify-between pb-1">
        <CardTitle className="text-sm">Your spend, {month}</CardTitle>
        <Link href="/costs" className="inline-flex items-center gap-1 text-xs font-medium text-muted-foreground hover:text-foreground">
          Costs <ArrowRight className="size-3.5" aria-hidden />
        </Link>
      </CardHeader>
      <CardContent className="space-y-3">
        <p className="text-2xl font-semibold tracking-tight tabular-nums">
          {formatMoney(spend.spent)}
          <span className="ml-2 text-xs font-normal text-muted-foreground">
            {spend.gpuHours.toLocaleString("en", { maximumFractionDigits: 1 })} GPU-h{spend.includesSeeded ? " · includes seeded history" : ""}
          </span>
        </p>
        {spend.budgets.length ? (
          <ul className="space-y-2.5" aria-label="Your projects' budgets">
            {spend.budgets.map((b) => (
              <li key={b.project} className="space-y-1 text-xs">
                <div className="flex justify-between gap-2">
                  <Link href={`/projects/${b.project}`} className="truncate font-medium hover:underline">
                    {b.project}
                  </Link>
                  <span className={cn("text-muted-foreground tabular-nums", b.forecastPercent >= 100 && "text-destructive")}>
                    {formatMoney(b.spent)} of {formatMoney(b.amount)}
                  </span>
                </div>
                <div className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
                  <div className={cn("h-full rounded-full", b.percent >= 100 ? "bg-destructive" : b.percent >= 80 ? "bg-warning" : "bg-primary")} style={{ width: `${Math.min(100, b.percent)}%` }} />
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-muted-foreground">None of your projects has a budget.</p>
        )}
      </CardContent>
    </Card>
  );
}
