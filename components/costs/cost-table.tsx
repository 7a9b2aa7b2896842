import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, type Money } from "@/lib/format-money";
import { colourOf } from "./palette";

export type CostRow = { key: string; label: string; href: string | null; amount: Money; gpuHours: number; seeded: boolean };

const hours = (h: number) => h.toLocaleString("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Groups with their amount, GPU-hours and share of the total, and a total row equal to the report's. */
/** `totalRow` false: the rows are only the largest (the share is still of the whole total). */
export function CostTable({ heading, rows, total, swatches, testId, totalRow = true }: { heading: string; rows: CostRow[]; total: { amount: Money; gpuHours: number }; swatches?: string[]; testId?: string; totalRow?: boolean }) {
  const sum = Number(total.amount.amount);
  return (
    <Table data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHead>{heading}</TableHead>
          <TableHead className="text-right">Spent</TableHead>
          <TableHead className="text-right">GPU-h</TableHead>
          <TableHead className="w-16 text-right">Share</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const slot = swatches?.indexOf(r.key) ?? -1;
          return (
            <TableRow key={r.key}>
              <TableCell className="max-w-64 truncate">
                <span className="inline-flex items-center gap-2">
                  {swatches ? <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: colourOf(slot === -1 ? "other" : r.key, slot) }} /> : null}
                  {r.href ? (
                    <Link href={r.href} className="font-medium hover:underline">
                      {r.label}
                    </Link>
                  ) : (
                    <span className="font-medium">{r.label}</span>
                  )}
                  {r.seeded ? <Badge variant="outline">seeded</Badge> : null}
                </span>
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(r.amount)}</TableCell>
              <TableCell className="text-right text-muted-foreground tabular-nums">{hours(r.gpuHours)}</TableCell>
              <TableCell className="text-right text-muted-foreground tabular-nums">{sum > 0 ? `${Math.round((Number(r.amount.amount) / sum) * 100)} %` : "–"}</TableCell>
            </TableRow>
          );
        })}
        {totalRow ? (
        <TableRow className="border-t-2 font-semibold">
          <TableCell>Total</TableCell>
          <TableCell className="text-right tabular-nums" data-testid={testId ? `${testId}-total` : undefined}>
            {formatMoney(total.amount)}
          </TableCell>
          <TableCell className="text-right tabular-nums">{hours(total.gpuHours)}</TableCell>
          <TableCell />
        </TableRow>
        ) : null}
      </TableBody>
    </Table>
  );
}
