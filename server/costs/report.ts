// The costs report: spend over [from, to) grouped by project, person, pool, GPU type, day or job,
// with GPU-hours beside the money. Directors and admins see the lab; anyone else their own minutes
// plus their projects'. The same numbers serve the JSON answer, its CSV, the CLI and the /costs page.
import { db } from "../db/client";
import { AppError } from "../errors";
import { isDirector, displayName } from "../users/users";
import { gpuHoursOf, sumLedger, totalOf, type Dimension, type LedgerFilter, type LedgerScope } from "./ledger-sums";
import { labCurrency, money, type Money } from "./money";

export type CostsGroup = {
  key: string;
  label: string;
  /** Where the group lives in the app (a project's page, a job's page), when it has one. */
  href: string | null;
  amount: Money;
  gpuHours: number;
  seeded: boolean;
};

export type CostsReport = {
  from: string;
  to: string;
  groupBy: Dimension;
  /** "lab": everything; "own": the caller's own minutes and their projects'. */
  scope: "lab" | "own";
  groups: CostsGroup[];
  /** Groups left out past the limit (grouping by job keeps the costliest); the total counts them. */
  omitted: number;
  total: { amount: Money; gpuHours: number };
  /** Some of it is the demo's seeded history, not work that ran. */
  includesSeeded: boolean;
};

export type CostsQuery = {
  actorId: string;
  from?: string | null;
  to?: string | null;
  groupBy?: Dimension;
  projectSlug?: string | null;
  /** A person's email or id. */
  person?: string | null;
  /** A pool's name. */
  pool?: string | null;
};

const DAY_MS = 86_400_000;
export const JOB_GROUP_LIMIT = 1000;

/** A day (YYYY-MM-DD: its UTC midnight) or an ISO instant. */
function instantOf(s: string, field: "from" | "to"): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : new Date(s);
  if (Number.isNaN(d.getTime())) throw new AppError("BAD_REQUEST", `"${s}" is not a date; write it as YYYY-MM-DD or an ISO time.`, { [field]: ["Write a date as YYYY-MM-DD."] });
  return d;
}

/** [from, to): this UTC month unless given; `to` is exclusive (to=2026-12-01 ends at November's last second). */
export function rangeOf(from?: string | null, to?: string | null, now: Date = new Date()): { from: Date; to: Date } {
  const start = from ? instantOf(from, "from") : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = to ? instantOf(to, "to") : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  if (end <= start) throw new AppError("BAD_REQUEST", `The range ends (${end.toISOString()}) before it starts (${start.toISOString()}); "to" is exclusive.`, { to: ["Must be after from."] });
  if (end.getTime() - start.getTime() > 3700 * DAY_MS) throw new AppError("BAD_REQUEST", "A costs range may span at most ten years.", { from: ["Narrow the range."] });
  return { from: start, to: end };
}

/** What the caller may count: the lab for directors and admins; otherwise their own minutes and their projects'. */
export async function scopeOf(actorId: string): Promise<LedgerScope> {
  const user = await db.user.findUnique({ where: { id: actorId }, select: { labRole: true, memberships: { select: { projectId: true } } } });
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to see costs.");
  if (isDirector(user.labRole)) return { lab: true };
  return { lab: false, userId: actorId, projectIds: user.memberships.map((m) => m.projectId) };
}

/** The filters as ledger ids, refusing a project the caller cannot see (as not found). */
export async function filterOf(scope: LedgerScope, q: Pick<CostsQuery, "projectSlug" | "person" | "pool">): Promise<LedgerFilter & { projectSlug: string | null }> {
  const f: LedgerFilter & { projectSlug: string | null } = { projectSlug: null };
  if (q.projectSlug) {
    const p = await db.project.findUnique({ where: { slug: q.projectSlug }, select: { id: true, slug: true } });
    if (!p || (!scope.lab && !scope.projectIds.includes(p.id))) throw new AppError("NOT_FOUND", `Project "${q.projectSlug}" was not found.`);
    f.projectId = p.id;
    f.projectSlug = p.slug;
  }
  if (q.person) {
    const u = await db.user.findFirst({ where: { OR: [{ email: q.person.toLowerCase() }, { id: q.person }] }, select: { id: true } });
    if (!u) throw new AppError("NOT_FOUND", `No one in the lab is "${q.person}".`);
    f.userId = u.id;
  }
  if (q.pool) {
    const p = await db.pool.findUnique({ where: { name: q.pool }, select: { id: true } });
    if (!p) throw new AppError("NOT_FOUND", `Pool "${q.pool}" was not found.`);
    f.poolId = p.id;
  }
  return f;
}

/** The projects whose costs the caller may filter to (every project for directors), by name. */
export async function costProjectsFor(actorId: string): Promise<{ slug: string; name: string }[]> {
  const scope = await scopeOf(actorId);
  return db.project.findMany({ where: scope.lab ? {} : { id: { in: scope.projectIds } }, select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

/** Whether anything at all was ever metered (the page's empty state says what to do first). */
export async function ledgerIsEmpty(): Promise<boolean> {
  return (await db.ledgerDay.findFirst({ select: { day: true } })) === null && (await db.ledgerEntry.findFirst({ select: { id: true } })) === null;
}

/** Names (and pages) for the keys of one dimension. */
export async function labelsOf(dim: Dimension, keys: string[]): Promise<Map<string, { label: string; href: string | null }>> {
  const ids = [...new Set(keys)];
  const out = new Map<string, { label: string; href: string | null }>();
  if (dim === "project") {
    for (const p of await db.project.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } })) out.set(p.id, { label: p.slug, href: `/projects/${p.slug}` });
  } else if (dim === "person") {
    for (const u of await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })) out.set(u.id, { label: displayName(u), href: null });
  } else if (dim === "pool") {
    for (const p of await db.pool.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })) out.set(p.id, { label: p.name, href: null });
  } else if (dim === "job") {
    for (const j of await db.job.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })) out.set(j.id, { label: j.name, href: `/jobs/${j.id}` });
  }
  for (const k of ids) {
    if (out.has(k)) continue;
    // The ledger has no foreign keys: it outlives what it charged for.
    out.set(k, { label: dim === "gpuType" ? k || "CPU slot" : dim === "day" ? k : `${k} (deleted)`, href: null });
  }
  return out;
}

export async function costsReport(q: CostsQuery): Promise<CostsReport> {
  const scope = await scopeOf(q.actorId);
  const { from, to } = rangeOf(q.from, q.to);
  const filter = await filterOf(scope, q);
  const groupBy = q.groupBy ?? "project";
  const limit = groupBy === "job" ? JOB_GROUP_LIMIT : undefined;
  const [currency, rows, total] = await Promise.all([labCurrency(), sumLedger({ scope, from, to, dims: [groupBy], filter, limit }), totalOf({ scope, from, to, filter })]);
  const labels = await labelsOf(groupBy, rows.map((r) => r.keys[0]!));
  if (groupBy === "day") rows.sort((a, b) => a.keys[0]!.localeCompare(b.keys[0]!));
  const omitted = limit && rows.length === limit ? (await sumLedger({ scope, from, to, dims: [groupBy], filter })).length - limit : 0;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    groupBy,
    scope: scope.lab ? "lab" : "own",
    groups: rows.map((r) => ({ key: r.keys[0]!, ...labels.get(r.keys[0]!)!, amount: money(r.amount, currency), gpuHours: gpuHoursOf(r.gpuSeconds), seeded: r.seeded })),
    omitted,
    total: { amount: money(total.amount, currency), gpuHours: gpuHoursOf(total.gpuSeconds) },
    includesSeeded: total.seeded,
  };
}

const csvCell = (v: string | number | boolean) => {
  const s = String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The report as CSV: a header row, one row a group, and a Total row that is the JSON's total. */
export function costsCsv(r: CostsReport): string {
  const lines = [["group_by", "key", "label", "amount", "currency", "gpu_hours", "seeded"]];
  for (const g of r.groups) lines.push([r.groupBy, g.key, g.label, g.amount.amount, g.amount.currency, g.gpuHours.toFixed(2), String(g.seeded)]);
  if (r.omitted > 0) lines.push([r.groupBy, "", `${r.omitted} smaller groups not listed (in the total)`, "", r.total.amount.currency, "", ""]);
  lines.push(["total", "", "Total", r.total.amount.amount, r.total.amount.currency, r.total.gpuHours.toFixed(2), String(r.includesSeeded)]);
  return lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

