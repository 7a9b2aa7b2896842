import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type PoolUseRow = { pool: string; gpus: number; ownedGpuHours: number; usedGpuHours: number; idleShare: number };

const h = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 1 });

/** The lab's own GPUs: GPU-hours used against owned (GPUs x hours of the range so far), as bars and a table. */
export function PoolUse({ pools }: { pools: PoolUseRow[] }) {
  return (
    <div className="space-y-4">
      <ul className="space-y-3" aria-label="GPU-hours used vs owned">
        {pools.map((p) => {
          const used = p.ownedGpuHours > 0 ? Math.min(100, (p.usedGpuHours / p.ownedGpuHours) * 100) : 0;
          return (
            <li key={p.pool} className="space-y-1">
              <div className="flex items-baseline justify-between text-xs">
                <span className="font-medium">{p.pool}</span>
                <span className="text-muted-foreground tabular-nums">{Math.round(p.idleShare * 100)} % idle</span>
              </div>
              <div className="h-2.5 overflow-hidden rounded-full bg-muted">
                <div className="h-full rounded-full bg-emerald-500" style={{ width: `${used}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      <Table data-testid="pools-table">
        <TableHeader>
          <TableRow>
            <TableHead>Pool</TableHead>
            <TableHead className="text-right">GPUs</TableHead>
            <TableHead className="text-right">Used GPU-h</TableHead>
            <TableHead className="text-right">Owned GPU-h</TableHead>
            <TableHead className="text-right">Idle</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {pools.map((p) => (
            <TableRow key={p.pool}>
              <TableCell className="font-medium">{p.pool}</TableCell>
              <TableCell className="text-right tabular-nums">{p.gpus}</TableCell>
              <TableCell className="text-right tabular-nums">{h(p.usedGpuHours)}</TableCell>
              <TableCell className="text-right tabular-nums">{h(p.ownedGpuHours)}</TableCell>
              <TableCell className="text-right tabular-nums">{Math.round(p.idleShare * 100)} %</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
