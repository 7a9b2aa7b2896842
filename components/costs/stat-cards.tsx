import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { formatMoney, type Money } from "@/lib/format-money";

function Stat({ label, value, note, tone, testId }: { label: string; value: string; note: React.ReactNode; tone?: "danger"; testId?: string }) {
  return (
    <Card className="gap-0 py-3.5">
      <CardContent className="space-y-1 px-4 py-0">
        <p className="text-xs font-medium text-muted-foreground">{label}</p>
        <p className={cn("text-2xl font-semibold tracking-tight tabular-nums", tone === "danger" && "text-destructive")} data-testid={testId}>
          {value}
        </p>
        <p className="text-xs text-muted-foreground">{note}</p>
      </CardContent>
    </Card>
  );
}

/** The range's total, this month so far, where the month will land, and its budget. */
export function StatCards(p: { rangeTotal: Money; rangeGpuHours: number; rangeWords: string; month: { spent: Money; forecast: Money; budget: Money | null; percent: number; forecastPercent: number }; budgetWho: string | null }) {
  const over = p.month.budget !== null && p.month.forecastPercent >= 100;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Stat label="Spent in range" value={formatMoney(p.rangeTotal)} note={`${p.rangeWords} · ${p.rangeGpuHours.toLocaleString("en", { maximumFractionDigits: 1 })}\u00a0GPU\u2011h`} testId="range-total" />
      <Stat label="This month so far" value={formatMoney(p.month.spent)} note={p.month.budget ? `${p.month.percent} % of the budget` : "No monthly budget covers it"} />
      <Stat label="Forecast to month end" value={formatMoney(p.month.forecast)} note={p.month.budget ? `${p.month.forecastPercent} % of the budget${over ? ": over" : ""}` : "At the last 7 days' pace"} tone={over ? "danger" : undefined} />
      <Stat label={p.budgetWho ? `Budget, ${p.budgetWho}` : "Budget"} value={p.month.budget ? formatMoney(p.month.budget) : "None"} note={p.month.budget ? "This month" : "Set one: benchtop budget set"} />
    </div>
  );
}
