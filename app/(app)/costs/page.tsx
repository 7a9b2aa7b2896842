import { Receipt, Tag } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BudgetChart } from "@/components/costs/budget-chart";
import { BudgetsTable, periodWords } from "@/components/costs/budgets-table";
import { CostTable } from "@/components/costs/cost-table";
import { BySwitch, CostsFilters } from "@/components/costs/costs-filters";
import { BY_OPTIONS, csvHref, pageQueryOf, toOf } from "@/components/costs/costs-query";
import { CsvLink } from "@/components/costs/csv-link";
import { PoolUse } from "@/components/costs/pool-use";
import { SpendChart } from "@/components/costs/spend-chart";
import { StatCards } from "@/components/costs/stat-cards";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/app/_lib/session";
import { costsDashboard, FORECAST_RULE } from "@/server/costs/dashboard";
import { costProjectsFor, ledgerIsEmpty } from "@/server/costs/report";
import { isDirector } from "@/server/users/users";

export const metadata: Metadata = { title: "Costs" };

const csvData = (rows: (string | number)[][]) => `data:text/csv;charset=utf-8,${encodeURIComponent(rows.map((r) => r.join(",")).join("\r\n") + "\r\n")}`;

function Section({ title, description, actions, children, id }: { title: string; description?: React.ReactNode; actions?: React.ReactNode; children: React.ReactNode; id: string }) {
  return (
    <Card aria-labelledby={id}>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64 space-y-1">
          <CardTitle id={id} className="text-sm">
            {title}
          </CardTitle>
          {description ? <CardDescription className="text-xs">{description}</CardDescription> : null}
        </div>
        {actions ? <div className="flex items-center gap-3">{actions}</div> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export default async function CostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/costs");
  const director = isDirector(user.labRole);
  const projects = await costProjectsFor(user.id);
  const q = pageQueryOf(await searchParams);
  if (q.project && !projects.some((p) => p.slug === q.project)) q.project = null;
  const [d, empty] = await Promise.all([costsDashboard({ actorId: user.id, from: q.from, to: toOf(q), by: q.by, projectSlug: q.project }), ledgerIsEmpty()]);
  const rangeWords = `${q.from} to ${q.until}`;
  const byLabel = BY_OPTIONS.find((o) => o.by === q.by)!.label.toLowerCase();
  const focus = d.budgets.find((b) => (q.project ? b.project === q.project : b.scope === "lab")) ?? d.budgets[0] ?? null;
  const who = q.project ? `project ${q.project}` : director ? "the lab" : "your spend and your projects'";

  return (
    <div className="space-y-6">
      <PageHeader
        title="Costs"
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {director ? "What the lab spends, on what and by whom, and where the month will land." : "Your own spend and your projects'."}
            {d.includesSeeded ? <Badge variant="warning">includes seeded history</Badge> : null}
          </span>
        }
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/costs/rates">
              <Tag aria-hidden /> Rates
            </Link>
          </Button>
        }
      />
      {empty ? (
        <EmptyState icon={Receipt} title="Nothing has been charged yet" action={<Button asChild size="sm"><Link href="/costs/rates">Set rates</Link></Button>}>
          Every minute a job runs is priced at its pool&apos;s rate. Set an hourly rate for each pool and GPU type, then run jobs: their spend shows here
          within a minute. Set budgets with <code className="font-mono text-xs">benchtop budget set</code>.
        </EmptyState>
      ) : (
        <>
          <StatCards rangeTotal={d.total.amount} rangeGpuHours={d.total.gpuHours} rangeWords={rangeWords} month={d.month} budgetWho={q.project ? q.project : director ? "lab" : null} />
          <CostsFilters q={q} projects={projects} />
          <Section
            id="spend-heading"
            title={`Spend per day by ${byLabel}`}
            description={`${rangeWords} (UTC days), ${who}.`}
            actions={
              <>
                <BySwitch q={q} />
                <CsvLink href={csvHref(q, "day")} label="CSV by day" />
                <CsvLink href={csvHref(q, q.by)} label={`CSV by ${byLabel}`} />
              </>
            }
          >
            <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,380px)]">
              <SpendChart series={d.series} currency={d.currency} />
              <CostTable heading={BY_OPTIONS.find((o) => o.by === q.by)!.label} rows={d.groups} total={d.total} swatches={d.series.keys.map((k) => k.key)} testId="spend-table" />
            </div>
          </Section>
          <Section
            id="budgets-heading"
            title="Budget vs actual"
            description={focus ? `${focus.project ? `Project ${focus.project}` : "The lab"}, ${periodWords(focus)}. ${FORECAST_RULE}` : FORECAST_RULE}
            actions={
              d.budgets.length ? (
                <CsvLink href={csvData([["budget", "period_start", "period_end", "spent", "forecast", "amount", "currency"], ...d.budgets.map((b) => [b.project ?? "lab", b.periodStart.slice(0, 10), b.periodEnd.slice(0, 10), b.spent.amount, b.forecast.amount, b.amount.amount, b.amount.currency])])} />
              ) : null
            }
          >
            {focus ? (
              <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
                <BudgetChart burn={focus.burn} budget={focus.amount} />
                <BudgetsTable budgets={d.budgets} />
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">
                No budgets yet. An owner sets a project&apos;s with <code className="font-mono text-xs">benchtop budget set --project P --amount 400</code>, a
                director the lab&apos;s with <code className="font-mono text-xs">--lab</code>.
              </p>
            )}
          </Section>
          <div className="grid gap-6 lg:grid-cols-2">
            {d.pools ? (
              <Section
                id="pools-heading"
                title="Own GPUs: used vs owned"
                description="GPU-hours metered on each of the lab's agent pools against its registered agents' GPUs over the range so far; the rest sat idle."
                actions={
                  d.pools.length ? (
                    <CsvLink href={csvData([["pool", "gpus", "used_gpu_hours", "owned_gpu_hours", "idle_share"], ...d.pools.map((p) => [p.pool, p.gpus, p.usedGpuHours, p.ownedGpuHours, p.idleShare])])} />
                  ) : null
                }
              >
                {d.pools.length ? <PoolUse pools={d.pools} /> : <p className="text-sm text-muted-foreground">No registered agents with GPUs yet.</p>}
              </Section>
            ) : null}
            <Section id="jobs-heading" title="Costliest jobs" description={`The ten jobs that cost most, ${rangeWords}.`} actions={<CsvLink href={csvHref(q, "job")} label="CSV by job" />}>
              {d.topJobs.length ? (
                <CostTable heading="Job" rows={d.topJobs} total={d.total} totalRow={false} testId="jobs-table" />
              ) : (
                <p className="text-sm text-muted-foreground">No job ran in this range.</p>
              )}
            </Section>
          </div>
        </>
      )}
    </div>
  );
}
