import { Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CapacityNow } from "@/components/jobs/submit/capacity-now";
import { defaultValues, valuesFromJob } from "@/components/jobs/submit/job-form-values";
import { SubmitJobForm } from "@/components/jobs/submit/submit-job-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { loadJob } from "@/app/_lib/load-job";
import { loadProject } from "@/app/_lib/load-project";
import { getCurrentUser, requireUser } from "@/app/_lib/session";
import { isDirector } from "@/server/users/users";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!user) return { title: "New job" };
  const { slug } = await params;
  return { title: `New job · ${(await loadProject(user.id, slug)).name}` };
}

/** The submit form; `?command=` or `?notebook=` prefills it ("Run as job" on a file or notebook), `?rerun=<jobId>` copies a job. */
export default async function NewJobPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const rerun = one(query.rerun);
  const user = await requireUser(`/projects/${slug}/jobs/new`);
  const project = await loadProject(user.id, slug);

  if (project.role === "viewer" || project.archived) {
    return (
      <EmptyState
        icon={Lock}
        title={project.archived ? "This project is archived" : "Viewers cannot run jobs"}
        action={
          <Button asChild variant="outline">
            <Link href={`/projects/${project.slug}/jobs`}>Back to the jobs</Link>
          </Button>
        }
      >
        {project.archived
          ? "It is read-only. An owner can unarchive it in Settings; then jobs can run in it again."
          : "Ask an owner of this project to make you an editor, then you can submit jobs here."}
      </EmptyState>
    );
  }

  const source = rerun ? await loadJob(rerun) : null;
  const initialValues = source && source.projectSlug === project.slug ? valuesFromJob(source) : defaultValues({ command: one(query.command), name: one(query.name), notebook: one(query.notebook) });
  const canUseHigh = project.role === "owner" || isDirector(user.labRole);

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h2 className="text-lg font-semibold tracking-tight">{source ? "Re-run with changes" : "New job"}</h2>
        <p className="text-sm text-muted-foreground">
          {source ? (
            <>
              Settings copied from <span className="font-medium text-foreground">{source.name}</span>. Change what you need and submit; the
              new job runs on the project’s files as they are now.
            </>
          ) : (
            "It waits in the lab’s queue with a visible place and estimated start, runs when its GPUs are free, and releases them when it ends."
          )}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_300px]">
        <SubmitJobForm projectSlug={project.slug} initialValues={initialValues} canUseHigh={canUseHigh} rerunOfId={source?.id} />
        <aside aria-label="Capacity">
          <CapacityNow />
        </aside>
      </div>
    </div>
  );
}
