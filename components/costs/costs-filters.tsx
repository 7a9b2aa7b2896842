import Link from "next/link";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { BY_OPTIONS, pageHref, type CostsPageQuery } from "./costs-query";

const FIELD = "h-9 rounded-md border border-input bg-background px-2.5 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50";

/** Date range and project as a plain GET form, so the filters live in the URL (and work without script). */
export function CostsFilters({ q, projects }: { q: CostsPageQuery; projects: { slug: string; name: string }[] }) {
  return (
    <form method="get" action="/costs" className="flex flex-wrap items-end gap-3" aria-label="Filters">
      <input type="hidden" name="by" value={q.by} />
      <label className="grid gap-1 text-xs font-medium text-muted-foreground">
        From
        <input type="date" name="from" defaultValue={q.from} className={FIELD} required />
      </label>
      <label className="grid gap-1 text-xs font-medium text-muted-foreground">
        Until (included)
        <input type="date" name="until" defaultValue={q.until} className={FIELD} required />
      </label>
      <label className="grid gap-1 text-xs font-medium text-muted-foreground">
        Project
        <select name="project" defaultValue={q.project ?? ""} className={cn(FIELD, "min-w-40")}>
          <option value="">All projects</option>
          {projects.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name} ({p.slug})
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="outline">
        Apply
      </Button>
    </form>
  );
}

/** The segmented switch of what the daily bars are stacked by. */
export function BySwitch({ q }: { q: CostsPageQuery }) {
  return (
    <nav aria-label="Stack by" className="inline-flex rounded-md border border-border bg-muted/50 p-0.5">
      {BY_OPTIONS.map((o) => (
        <Link
          key={o.by}
          href={pageHref(q, { by: o.by })}
          scroll={false}
          aria-current={o.by === q.by ? "true" : undefined}
          className={cn(
            "rounded-[5px] px-2.5 py-1 text-xs font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
            o.by === q.by && "bg-background text-foreground shadow-xs",
          )}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
