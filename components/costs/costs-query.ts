// The /costs page's filters as they sit in the URL: ?from=YYYY-MM-DD&until=YYYY-MM-DD (the last day,
// included)&project=SLUG&by=project|person|pool|gpuType. The API's `to` is exclusive: until + 1 day.
export const BY_OPTIONS = [
  { by: "project", label: "Project" },
  { by: "person", label: "Person" },
  { by: "pool", label: "Pool" },
  { by: "gpuType", label: "GPU type" },
] as const;
export type By = (typeof BY_OPTIONS)[number]["by"];

export type CostsPageQuery = { from: string; until: string; project: string | null; by: By };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The filters from the URL, this UTC month by project unless given (a malformed day falls back). */
export function pageQueryOf(sp: Record<string, string | string[] | undefined>, now = new Date()): CostsPageQuery {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
  const monthEnd = addDays(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10), -1);
  const from = DAY.test(one("from") ?? "") ? one("from")! : monthStart;
  let until = DAY.test(one("until") ?? "") ? one("until")! : monthEnd;
  if (until < from) until = from;
  const by = BY_OPTIONS.find((o) => o.by === one("by"))?.by ?? "project";
  return { from, until, project: one("project") || null, by };
}

/** The API's exclusive end. */
export const toOf = (q: CostsPageQuery) => addDays(q.until, 1);

/** The page's URL with some filters changed. */
export function pageHref(q: CostsPageQuery, change: Partial<CostsPageQuery> = {}): string {
  const n = { ...q, ...change };
  const sp = new URLSearchParams({ from: n.from, until: n.until, by: n.by });
  if (n.project) sp.set("project", n.project);
  return `/costs?${sp}`;
}

/** The CSV of the same range and project, grouped by `groupBy`. */
export function csvHref(q: CostsPageQuery, groupBy: string): string {
  const sp = new URLSearchParams({ from: q.from, to: toOf(q), groupBy });
  if (q.project) sp.set("project", q.project);
  return `/api/v1/costs.csv?${sp}`;
}
