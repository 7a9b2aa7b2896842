import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatMoney, type Money } from "@/lib/format-money";

export type BudgetRow = { scope: "lab" | "project"; project: string | null; amount: Money; periodStart: string; periodEnd: string; spent: Money; forecast: Money; percent: number; forecastPercent: number };

const lastDay = (end: string) => new Date(new Date(end).getTime() - 86_400_000).toISOString().slice(0, 10);
export const periodWords = (b: { periodStart: string; periodEnd: string }) => `${b.periodStart.slice(0, 10)} to ${lastDay(b.periodEnd)}`;
/** "12-01 – 12-31" within a year, else both days in full. */
const shortPeriod = (b: { periodStart: string; periodEnd: string }) => {
  const [a, z] = [b.periodStart.slice(0, 10), lastDay(b.periodEnd)];
  return a.slice(0, 4) === z.slice(0, 4) ? `${a.slice(5)} – ${z.slice(5)}` : `${a} – ${z}`;
};

/** A bar of how much of the budget is spent, with the forecast's end as a lighter extension. */
function Meter({ percent, forecastPercent }: { percent: number; forecastPercent: number }) {
  const tone = forecastPercent >= 100 ? "bg-destructive" : forecastPercent >= 80 ? "bg-warning" : "bg-primary";
  return (
    <div className="relative h-1 w-24 overflow-hidden rounded-full bg-muted" aria-hidden>
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
          <TableHead>For</TableHead>
          <TableHead>Period</TableHead>
          <TableHead className="text-right">Spent</TableHead>
          <TableHead className="text-right">Forecast</TableHead>
          <TableHead className="text-right">Budget</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {budgets.map((b) => (
          <TableRow key={b.project ?? "lab"}>
            <TableCell className="font-medium">{b.project ? <Link href={`/projects/${b.project}`} className="hover:underline">{b.project}</Link> : "The lab"}</TableCell>
            <TableCell className="text-muted-foreground tabular-nums" title={periodWords(b)}>
              {shortPeriod(b)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <div className="flex flex-col items-end gap-1">
                <span>
                  {formatMoney(b.spent)} <span className="text-muted-foreground">({b.percent} %)</span>
                </span>
                <Meter percent={b.percent} forecastPercent={b.forecastPercent} />
              </div>
            </TableCell>
            <TableCell className={cn("text-right tabular-nums", b.forecastPercent >= 100 && "font-medium text-destructive")}>{formatMoney(b.forecast)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(b.amount)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
