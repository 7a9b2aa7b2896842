import type { Metadata } from "next";
import { JobView } from "@/components/jobs/job-page/job-view";
import { loadJob } from "@/app/_lib/load-job";
import { loadProject } from "@/app/_lib/load-project";
import { getCurrentUser, requireUser } from "@/app/_lib/session";
import { HydrateClient } from "@/app/_lib/trpc-server";

type Params = Promise<{ jobId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!user) return { title: "Job" };
  const { jobId } = await params;
  return { title: (await loadJob(jobId)).name };
}

export default async function JobPage({ params }: { params: Params }) {
  const { jobId } = await params;
  const user = await requireUser(`/jobs/${jobId}`);
  const job = await loadJob(jobId);
  const project = await loadProject(user.id, job.projectSlug);
  const canSubmit = project.role !== "viewer" && !project.archived;
  // Who may release a job its budget holds (server/costs/approve.ts decides; this only shows the button).
  const canApprove = project.role === "owner" || user.labRole === "director" || user.labRole === "admin";
  return (
    <HydrateClient>
      <JobView key={job.id} jobId={job.id} canCancel={job.submittedBy.id === user.id || project.role !== "viewer"} canSubmit={canSubmit} canApprove={canApprove} />
    </HydrateClient>
  );
}
