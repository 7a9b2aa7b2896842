"use client";

import { ChevronDown, ChevronRight, Cpu, History, Microchip, TriangleAlert } from "lucide-react";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatHourly, KIND_LABEL, targetKey, unitOf, type RateKind, type TRate, type TRateList } from "./format";

const day = (d: Date) => new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(d);
/** 24 h of the rate, exact (decimal strings, 4 places x 24 stays exact in cents after rounding by Intl). */
function formatDay(hourly: string, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(times(hourly, 24) as `${number}`);
}
function formatWhole(amount: string, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount as `${number}`);
}
/** 730 h, a month on average (8760 / 12). */
const monthOf = (hourly: string) => times(hourly, 730);
/** A decimal string times a whole number, exactly (BigInt on the digits). */
function times(decimal: string, n: number): string {
  const [int, frac = ""] = decimal.split(".");
  const digits = (BigInt(int! + frac) * BigInt(n)).toString().padStart(frac.length + 1, "0");
  return frac.length ? `${digits.slice(0, -frac.length)}.${digits.slice(-frac.length)}` : digits;
}
const KIND_VARIANT: Record<RateKind, "secondary" | "default" | "warning"> = { owned: "secondary", on_demand: "default", spot: "warning" };

/** How a rate came about, in a line: its calculator inputs, or its source. */
function basis(r: TRate): string | null {
  const a = r.amortisation;
  if (!a) return null;
  const util = a.utilisation !== "100" ? ` at ${a.utilisation} % use` : "";
  return `${formatHourly(a.purchasePrice, r.currency).replace(/\.00$/, "")} per ${r.gpuType ? "GPU" : "slot"} over ${a.years} ${a.years === "1" ? "year" : "years"} of ${a.hoursPerYear} h${util}`;
}

/**
 * The rate in force for each pool and GPU type (and CPU slot), one row each; a row opens on its
 * full history, later-dated rates included (the table lists those too when nothing is in force yet).
 */
export function RatesTable({ list }: { list: TRateList }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const history = new Map<string, TRate[]>();
  for (const r of list.history) history.set(targetKey(r), [...(history.get(targetKey(r)) ?? []), r]);
  const current = new Map(list.current.map((r) => [targetKey(r), r]));
  // Every priced thing: its rate now, or (only later-dated ones) its earliest coming one.
  const rows = [...history.entries()].map(([key, rates]) => ({ key, now: current.get(key) ?? null, rates }));
  // What a pool's agents offer that has no rate at all: metered, but charged nothing.
  const unpriced = list.pools.flatMap((p) => [
    ...p.gpuTypes.map((g) => ({ pool: p.name, gpuType: g as string | null })),
    ...(p.cpuSlots ? [{ pool: p.name, gpuType: null }] : []),
  ]).filter((t) => !history.has(targetKey(t)));
  const toggle = (key: string) => setOpen((prev) => { const next = new Set(prev); if (next.has(key)) next.delete(key); else next.add(key); return next; });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Pool</TableHead>
          <TableHead>Prices</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead className="text-right">Hourly</TableHead>
          <TableHead>Since</TableHead>
          <TableHead>Source</TableHead>
          <TableHead className="w-0"><span className="sr-only">History</span></TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ key, now: r, rates }) => {
          const shown = r ?? rates[rates.length - 1]!;
          // Dated after the one in force (the server decides what is in force now): still to come.
          const coming = r ? rates.filter((x) => new Date(x.effectiveFrom).getTime() > new Date(r.effectiveFrom).getTime()) : rates;
          const isOpen = open.has(key);
          return (
            <Fragment key={key}>
              <TableRow data-testid="rate-row" className={cn(isOpen && "border-b-0 bg-muted/30")}>
                <TableCell className="font-mono text-xs">{shown.pool}</TableCell>
                <TableCell>
                  <span className="inline-flex items-center gap-1.5 font-medium">
                    {shown.gpuType ? <Microchip className="size-3.5 text-muted-foreground" aria-hidden /> : <Cpu className="size-3.5 text-muted-foreground" aria-hidden />}
                    {shown.gpuType ?? "CPU slot"}
                  </span>
                </TableCell>
                <TableCell><Badge variant={KIND_VARIANT[shown.kind]}>{KIND_LABEL[shown.kind]}</Badge></TableCell>
                <TableCell className="text-right">
                  {r ? (
                    <>
                      <div className="font-mono tabular-nums">{formatHourly(r.hourly, r.currency)}<span className="text-xs text-muted-foreground"> / {unitOf(r.gpuType)}</span></div>
                      <div className="text-xs text-muted-foreground tabular-nums">{formatDay(r.hourly, r.currency)} a day, {formatWhole(monthOf(r.hourly), r.currency)} a month</div>
                    </>
                  ) : (
                    <span className="text-xs text-muted-foreground">none yet</span>
                  )}
                </TableCell>
                <TableCell className="text-muted-foreground">
                  {r ? day(new Date(r.effectiveFrom)) : null}
                  {coming.length ? (
                    <Badge variant="outline" className="ml-2">
                      {formatHourly(coming[coming.length - 1]!.hourly, shown.currency)} from {day(new Date(coming[coming.length - 1]!.effectiveFrom))}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell className="max-w-80 whitespace-normal">
                  <div className="text-sm">{shown.source || <span className="text-muted-foreground">—</span>}</div>
                  {basis(shown) ? <div className="text-xs text-muted-foreground">{basis(shown)}</div> : null}
                </TableCell>
                <TableCell>
                  <Button variant="ghost" size="sm" onClick={() => toggle(key)} aria-expanded={isOpen} aria-label={`History of ${shown.gpuType ?? "the CPU slot"} on ${shown.pool}`}>
                    {isOpen ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
                    <History aria-hidden />
                    {rates.length}
                  </Button>
                </TableCell>
              </TableRow>
              {isOpen ? (
                <TableRow className="bg-muted/30 hover:bg-muted/30">
                  <TableCell colSpan={7} className="pt-0 pb-3">
                    <ol className="ml-1 space-y-1.5 border-l border-border pl-4" aria-label="Rate history">
                      {rates.map((h) => {
                        const inForce = r?.id === h.id;
                        const later = coming.includes(h);
                        return (
                          <li key={h.id} className="relative grid grid-cols-[8rem_7rem_6rem_minmax(0,1fr)] items-baseline gap-3 text-xs">
                            <span className={cn("absolute top-1.5 -left-[1.3rem] size-2 rounded-full", inForce ? "bg-primary" : "bg-border")} aria-hidden />
                            <span className="text-muted-foreground">{day(new Date(h.effectiveFrom))}{later ? " (coming)" : inForce ? " (now)" : ""}</span>
                            <span className="font-mono tabular-nums">{formatHourly(h.hourly, h.currency)}</span>
                            <span>{KIND_LABEL[h.kind]}</span>
                            <span className="truncate text-muted-foreground">
                              {[h.source, basis(h), h.createdBy ? `set by ${h.createdBy}` : null].filter(Boolean).join(" · ")}
                            </span>
                          </li>
                        );
                      })}
                    </ol>
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          );
        })}
        {unpriced.map((t) => (
          <TableRow key={targetKey(t)} data-testid="rate-row">
            <TableCell className="font-mono text-xs">{t.pool}</TableCell>
            <TableCell>
              <span className="inline-flex items-center gap-1.5 font-medium">
                {t.gpuType ? <Microchip className="size-3.5 text-muted-foreground" aria-hidden /> : <Cpu className="size-3.5 text-muted-foreground" aria-hidden />}
                {t.gpuType ?? "CPU slot"}
              </span>
            </TableCell>
            <TableCell colSpan={5}>
              <Badge variant="warning"><TriangleAlert aria-hidden />No rate</Badge>
              <span className="ml-2 text-xs text-muted-foreground">Its agents offer it; its minutes are metered but charged nothing until it has a rate.</span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
