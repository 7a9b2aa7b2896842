import type { Metadata } from "next";
import { ProjectJobs } from "@/components/jobs/project-jobs";
import { JOB_LIST_LIMIT } from "@/components/jobs/job-list-query";
import { loadProject } from "@/app/_lib/load-project";
import { getCurrentUser, requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!user) return { title: "Jobs" };
  const { slug } = await params;
  return { title: `Jobs · ${(await loadProject(user.id, slug)).name}` };
}

export default async function ProjectJobsPage({ params }: { params: Params }) {
  const { slug } = await params;
  const user = await requireUser(`/projects/${slug}/jobs`);
  const project = await loadProject(user.id, slug);
  await getQueryClient().prefetchQuery(serverTrpc.jobs.list.queryOptions({ projectSlug: project.slug, limit: JOB_LIST_LIMIT }));
  return (
    <HydrateClient>
      <ProjectJobs projectSlug={project.slug} canSubmit={project.role !== "viewer" && !project.archived} />
    </HydrateClient>
  );
}
