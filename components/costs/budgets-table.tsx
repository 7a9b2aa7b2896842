import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatMoney, type Money } from "@/lib/format-money";

export type BudgetRow = { scope: "lab" | "project"; project: string | null; amount: Money; periodStart: string; periodEnd: string; spent: Money; forecast: Money; percent: number; forecastPercent: number };

const lastDay = (end: string) => new Date(new Date(end).getTime() - 86_400_000).toISOString().slice(0, 10);
export const periodWords = (b: { periodStart: string; periodEnd: string }) => `${b.periodStart.slice(0, 10)} to ${lastDay(b.periodEnd)}`;

/** A bar of how much of the budget is spent, with the forecast's end as a lighter extension. */
function Meter({ percent, forecastPercent }: { percent: number; forecastPercent: number }) {
  const tone = forecastPercent >= 100 ? "bg-destructive" : forecastPercent >= 80 ? "bg-warning" : "bg-primary";
  return (
    <div className="relative h-1.5 w-28 overflow-hidden rounded-full bg-muted" aria-hidden>
      <div className={cn("absolute inset-y-0 left-0 opacity-30", tone)} style={{ width: `${Math.min(100, forecastPercent)}%` }} />
      <div className={cn("absolute inset-y-0 left-0", tone)} style={{ width: `${Math.min(100, percent)}%` }} />
    </div>
  );
}

/** Budget vs actual per project (and the lab), with the forecast to each period's end. */
export function BudgetsTable({ budgets }: { budgets: BudgetRow[] }) {
  return (
    <Table data-testid="budgets-table">
      <TableHeader>
        <TableRow>
          <TableHead>Budget</TableHead>
          <TableHead>Period</TableHead>
          <TableHead className="text-right">Spent</TableHead>
          <TableHead className="text-right">Forecast</TableHead>
          <TableHead className="text-right">Budget</TableHead>
          <TableHead className="w-36" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {budgets.map((b) => (
          <TableRow key={b.project ?? "lab"}>
            <TableCell className="font-medium">{b.project ? <Link href={`/projects/${b.project}`} className="hover:underline">{b.project}</Link> : "The lab"}</TableCell>
            <TableCell className="text-muted-foreground tabular-nums">{periodWords(b)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {formatMoney(b.spent)} <span className="text-muted-foreground">({b.percent} %)</span>
            </TableCell>
            <TableCell className={cn("text-right tabular-nums", b.forecastPercent >= 100 && "font-medium text-destructive")}>{formatMoney(b.forecast)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(b.amount)}</TableCell>
            <TableCell>
              <Meter percent={b.percent} forecastPercent={b.forecastPercent} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
