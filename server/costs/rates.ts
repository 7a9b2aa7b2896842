// Rates: what an hour of one GPU (or one CPU slot) of a pool costs, from a date on. Rows are only
// ever added (a new price is a new row), so a minute is always charged at the rate of its time.
// The read side (ratesAt, rateFor) is what every part of costs shares: the meter's SQL reads the same rule
// (the newest rate whose effectiveFrom is at or before the minute's start).
import { amortisedHourlyText } from "../../lib/amortise";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db, Prisma } from "../db/client";
import { AppError } from "../errors";
import { isDirector } from "../users/users";
import { labCurrency } from "./money";

export type RateView = {
  rateId: string;
  poolId: string;
  pool: string;
  /** null: one CPU slot of the pool. */
  gpuType: string | null;
  kind: "owned" | "on_demand" | "spot";
  hourly: Prisma.Decimal;
  effectiveFrom: Date;
  source: string;
};

/** The rate of every (pool, GPU type or CPU slot) in force at `at`. */
export async function ratesAt(at: Date = new Date()): Promise<RateView[]> {
  const rows = await db.$queryRaw<(Omit<RateView, "hourly"> & { hourly: string })[]>`
    SELECT DISTINCT ON (r."poolId", r."gpuType")
           r.id AS "rateId", r."poolId", p.name AS pool, r."gpuType", r.kind::text AS kind,
           r.hourly::text AS hourly, r."effectiveFrom", r.source
      FROM "Rate" r JOIN "Pool" p ON p.id = r."poolId"
     WHERE r."effectiveFrom" <= ${at}
     ORDER BY r."poolId", r."gpuType", r."effectiveFrom" DESC, r."createdAt" DESC`;
  return rows.map((r) => ({ ...r, hourly: new Prisma.Decimal(r.hourly) }));
}

/** The rate among `rates` for a GPU type (or, with null, a CPU slot) on a pool; undefined when it has none. */
export function rateFor(rates: RateView[], poolId: string, gpuType: string | null): RateView | undefined {
  return rates.find((r) => r.poolId === poolId && r.gpuType === gpuType);
}

// ---------------------------------------------------------------------------------------------
// The write side: directors and admins add a rate; everyone signed in reads them.

/** The calculator's inputs for the lab's own hardware, per GPU (or CPU slot): hourly = price / (years x hoursPerYear x utilisation). */
export type AmortisationInput = {
  /** Purchase price of ONE GPU (a server's price divided by its GPUs), or of one CPU slot, in the lab's currency. */
  purchasePrice: string;
  years: string;
  /** Hours a year it is counted over (8760 = every hour). */
  hoursPerYear?: string;
  /** Percent of those hours it is expected to be in use (100 by default); a lower share spreads the price over fewer hours. */
  utilisation?: string;
};

export type RateInput = {
  pool: string;
  /** null: the pool's CPU slot. */
  gpuType: string | null;
  kind?: RateKind;
  /** Per GPU (or CPU slot) and hour; or give `amortisation`. */
  hourly?: string | null;
  amortisation?: AmortisationInput | null;
  source?: string;
  /** YYYY-MM-DD (UTC midnight) or an ISO time; now by default. */
  effectiveFrom?: string | null;
};

export type RateKind = "owned" | "on_demand" | "spot";

/** Digits the hourly rate keeps (Rate.hourly is numeric(14, 4)). */
export const HOURLY_DIGITS = 4;

function decimalOf(value: string, field: string, what: string): Prisma.Decimal {
  let d: Prisma.Decimal;
  try {
    d = new Prisma.Decimal(value.trim());
  } catch {
    throw new AppError("BAD_REQUEST", `${what} "${value}" is not a number.`, { [field]: ["is not a number"] });
  }
  if (!d.isFinite()) throw new AppError("BAD_REQUEST", `${what} "${value}" is not a number.`, { [field]: ["is not a number"] });
  return d;
}

/**
 * hourly = purchasePrice / (years x hoursPerYear x utilisation / 100), exact until it is rounded
 * half-up to the 4 decimals a rate keeps.
 */
export function amortisedHourly(a: AmortisationInput): Prisma.Decimal {
  const price = decimalOf(a.purchasePrice, "purchasePrice", "The purchase price");
  const years = decimalOf(a.years, "years", "The years of life");
  const hours = decimalOf(a.hoursPerYear ?? "8760", "hoursPerYear", "The hours per year");
  const utilisation = decimalOf(a.utilisation ?? "100", "utilisation", "The utilisation");
  if (price.isNegative()) throw new AppError("BAD_REQUEST", "The purchase price must be zero or more.", { purchasePrice: ["must be zero or more"] });
  if (!years.isPositive() || years.isZero()) throw new AppError("BAD_REQUEST", "The years of life must be more than zero.", { years: ["must be more than zero"] });
  if (!hours.isPositive() || hours.isZero() || hours.greaterThan(8784)) throw new AppError("BAD_REQUEST", "The hours per year must be more than 0 and at most 8784 (a leap year).", { hoursPerYear: ["must be more than 0 and at most 8784"] });
  if (!utilisation.isPositive() || utilisation.isZero() || utilisation.greaterThan(100)) throw new AppError("BAD_REQUEST", "The utilisation is a percentage above 0 and at most 100.", { utilisation: ["must be above 0 and at most 100"] });
  // One exact computation for the server and the form (lib/amortise.ts), from the checked numbers.
  return new Prisma.Decimal(amortisedHourlyText({ purchasePrice: price.toFixed(), years: years.toFixed(), hoursPerYear: hours.toFixed(), utilisation: utilisation.toFixed() }, HOURLY_DIGITS)!);
}

function parseFrom(value: string | null | undefined, now: Date): Date {
  if (!value) return now;
  const s = value.trim();
  const at = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : new Date(s);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(s)) {
    throw new AppError("BAD_REQUEST", `"${value}" is not a date; write it as YYYY-MM-DD or an ISO time.`, { effectiveFrom: ["is not a date (YYYY-MM-DD)"] });
  }
  return at;
}

/** The start of the last minute already charged for this pool and GPU type (or CPU slot), seeded history included; null when none is. */
export async function lastChargedMinute(poolId: string, gpuType: string | null): Promise<Date | null> {
  const rows = await db.$queryRaw<{ startsAt: Date }[]>`
    SELECT "startsAt" FROM "LedgerEntry"
     WHERE "poolId" = ${poolId} AND "gpuType" IS NOT DISTINCT FROM ${gpuType}::text
     ORDER BY "startsAt" DESC LIMIT 1`;
  return rows[0]?.startsAt ?? null;
}

const KIND_WORDS: Record<RateKind, string> = { owned: "owned", on_demand: "on-demand", spot: "spot" };

export async function setRate(args: { actorId: string; now?: Date } & RateInput): Promise<RateRow> {
  const actor = await db.user.findUnique({ where: { id: args.actorId }, select: { labRole: true } });
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to set rates.");
  if (!isDirector(actor.labRole)) throw new AppError("FORBIDDEN", "Only directors and admins set rates.");
  const pool = await db.pool.findUnique({ where: { name: args.pool.trim() }, select: { id: true, name: true } });
  if (!pool) {
    const names = (await db.pool.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((p) => p.name);
    throw new AppError("NOT_FOUND", `There is no pool "${args.pool}"${names.length ? `; the pools are ${names.join(", ")}` : ""}.`, { pool: ["is not one of the lab's pools"] });
  }
  const gpuType = args.gpuType === null ? null : args.gpuType.trim();
  if (gpuType !== null && (gpuType === "" || gpuType.length > 100)) {
    throw new AppError("BAD_REQUEST", "Name the GPU type (as agents report it, e.g. A100-SXM4-80GB), or set the CPU slot's rate.", { gpuType: ["needs a GPU model, up to 100 characters"] });
  }
  const kind: RateKind = args.kind ?? "owned";
  const hasHourly = args.hourly != null && args.hourly.trim() !== "";
  if (hasHourly && args.amortisation) throw new AppError("BAD_REQUEST", "Give an hourly price or the purchase price to amortise, not both.", { hourly: ["must be empty when a purchase price is given"] });
  if (!hasHourly && !args.amortisation) throw new AppError("BAD_REQUEST", "Give an hourly price, or for the lab's own hardware the purchase price, years of life and hours per year.", { hourly: ["is required"] });
  if (args.amortisation && kind !== "owned") throw new AppError("BAD_REQUEST", `A purchase price is amortised only for the lab's own hardware (kind owned), not ${KIND_WORDS[kind]}; give the ${KIND_WORDS[kind]} price per hour.`, { kind: ["must be owned to amortise a purchase price"] });
  let hourly: Prisma.Decimal;
  if (hasHourly) {
    hourly = decimalOf(args.hourly!, "hourly", "The hourly price");
    if (hourly.isNegative()) throw new AppError("BAD_REQUEST", "The hourly price must be zero or more.", { hourly: ["must be zero or more"] });
    if (hourly.decimalPlaces() > HOURLY_DIGITS) throw new AppError("BAD_REQUEST", `A rate keeps at most ${HOURLY_DIGITS} decimals; "${args.hourly}" has ${hourly.decimalPlaces()}.`, { hourly: [`keeps at most ${HOURLY_DIGITS} decimals`] });
  } else {
    hourly = amortisedHourly(args.amortisation!);
  }
  if (hourly.greaterThanOrEqualTo(1e10)) throw new AppError("BAD_REQUEST", "The hourly price is too large (at most 9999999999.9999).", { hourly: ["is too large"] });
  const source = (args.source ?? "").trim();
  if (source.length > 500) throw new AppError("BAD_REQUEST", "The source is at most 500 characters.", { source: ["is at most 500 characters"] });
  const now = args.now ?? new Date();
  const effectiveFrom = parseFrom(args.effectiveFrom, now);
  const amortisation = args.amortisation
    ? { purchasePrice: decimalOf(args.amortisation.purchasePrice, "purchasePrice", "The purchase price").toString(), years: args.amortisation.years.trim(), hoursPerYear: (args.amortisation.hoursPerYear ?? "8760").trim(), utilisation: (args.amortisation.utilisation ?? "100").trim(), per: "gpu" }
    : null;
  const what = gpuType === null ? `the CPU slot of pool ${pool.name}` : `${gpuType} on pool ${pool.name}`;
  const id = await db.$transaction(async (tx) => {
    // One writer of a pool's rates at a time, so the check below and the insert see the same ledger end.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rate:${pool.id}`}))`;
    const last = await tx.$queryRaw<{ startsAt: Date }[]>`
      SELECT "startsAt" FROM "LedgerEntry"
       WHERE "poolId" = ${pool.id} AND "gpuType" IS NOT DISTINCT FROM ${gpuType}::text
       ORDER BY "startsAt" DESC LIMIT 1`;
    const charged = last[0]?.startsAt;
    if (charged && effectiveFrom.getTime() <= charged.getTime()) {
      throw new AppError(
        "CONFLICT",
        `Rates apply from now on: minutes of ${what} up to ${charged.toISOString().slice(0, 16).replace("T", " ")} UTC are already charged, so a new rate starts after that (leave the date empty for now).`,
        { effectiveFrom: [`must be after ${charged.toISOString().slice(0, 16).replace("T", " ")} UTC (or empty, for now)`] },
      );
    }
    const row = await tx.rate.create({
      data: { poolId: pool.id, gpuType, kind, hourly, effectiveFrom, source, amortisation: amortisation ?? Prisma.DbNull, createdById: args.actorId },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: args.actorId,
      action: "rate.set",
      target: `${pool.name}/${gpuType ?? "cpu-slot"}`,
      data: { rateId: row.id, pool: pool.name, gpuType, kind, hourly: hourly.toFixed(HOURLY_DIGITS), effectiveFrom: effectiveFrom.toISOString(), source, amortisation },
    });
    return row.id;
  });
  const rows = await rateRows(id);
  return rows[0]!;
}

export type RateRow = {
  id: string;
  pool: string;
  gpuType: string | null;
  kind: RateKind;
  /** Exact, 4 decimals ("0.9132"), per GPU (or CPU slot) and hour. */
  hourly: string;
  currency: string;
  effectiveFrom: Date;
  source: string;
  amortisation: { purchasePrice: string; years: string; hoursPerYear: string; utilisation: string } | null;
  createdBy: string | null;
  createdAt: Date;
};

async function rateRows(id: string | null): Promise<RateRow[]> {
  const currency = await labCurrency();
  const rows = await db.rate.findMany({
    where: id ? { id } : {},
    orderBy: [{ pool: { name: "asc" } }, { gpuType: { sort: "asc", nulls: "last" } }, { effectiveFrom: "desc" }, { createdAt: "desc" }],
    select: { id: true, gpuType: true, kind: true, hourly: true, effectiveFrom: true, source: true, amortisation: true, createdById: true, createdAt: true, pool: { select: { name: true } } },
  });
  const people = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById).filter((x): x is string => !!x))] } }, select: { id: true, name: true, email: true } });
  const name = new Map(people.map((p) => [p.id, p.name ?? p.email]));
  return rows.map((r) => {
    const a = r.amortisation as Record<string, unknown> | null;
    return {
      id: r.id,
      pool: r.pool.name,
      gpuType: r.gpuType,
      kind: r.kind,
      hourly: new Prisma.Decimal(r.hourly).toFixed(HOURLY_DIGITS),
      currency,
      effectiveFrom: r.effectiveFrom,
      source: r.source,
      amortisation: a && typeof a === "object" ? { purchasePrice: String(a.purchasePrice ?? ""), years: String(a.years ?? ""), hoursPerYear: String(a.hoursPerYear ?? "8760"), utilisation: String(a.utilisation ?? "100") } : null,
      createdBy: r.createdById ? (name.get(r.createdById) ?? null) : null,
      createdAt: r.createdAt,
    };
  });
}

export type RateList = {
  currency: string;
  /** The rate in force now for each pool and GPU type (and CPU slot). */
  current: RateRow[];
  /** Every rate ever set, newest first within each pool and GPU type; later-dated ones included. */
  history: RateRow[];
  /** The pools and the GPU types their agents report, for a form to offer. */
  pools: { name: string; gpuTypes: string[]; cpuSlots: boolean }[];
  /** Whether the caller may set rates (directors, admins). */
  canSet: boolean;
};

export async function listRates(args: { actorId: string; at?: Date }): Promise<RateList> {
  const actor = await db.user.findUnique({ where: { id: args.actorId }, select: { labRole: true } });
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to see rates.");
  const history = await rateRows(null);
  const inForce = new Set((await ratesAt(args.at ?? new Date())).map((r) => r.rateId));
  const pools = await db.pool.findMany({ orderBy: { name: "asc" }, select: { name: true, agents: { select: { gpuType: true, cpuSlots: true } } } });
  return {
    currency: await labCurrency(),
    current: history.filter((r) => inForce.has(r.id)),
    history,
    // The GPU types a pool's agents report, and those it has rates for (an agent may not have registered yet).
    pools: pools.map((p) => ({
      name: p.name,
      gpuTypes: [...new Set([...p.agents.map((a) => a.gpuType), ...history.filter((r) => r.pool === p.name).map((r) => r.gpuType)].filter((g): g is string => !!g))].sort(),
      cpuSlots: p.agents.some((a) => a.cpuSlots > 0),
    })),
    canSet: isDirector(actor.labRole),
  };
}
