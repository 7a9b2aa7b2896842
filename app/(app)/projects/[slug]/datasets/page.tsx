import type { Metadata } from "next";
import { ProjectDatasets } from "@/components/datasets/project-datasets";
import { loadProject } from "@/app/_lib/load-project";
import { getCurrentUser, requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!user) return { title: "Datasets" };
  const { slug } = await params;
  return { title: `Datasets · ${(await loadProject(user.id, slug)).name}` };
}

export default async function ProjectDatasetsPage({ params }: { params: Params }) {
  const { slug } = await params;
  const user = await requireUser(`/projects/${slug}/datasets`);
  const project = await loadProject(user.id, slug);
  await getQueryClient().prefetchQuery(serverTrpc.datasets.list.queryOptions({ projectSlug: project.slug }));
  return (
    <HydrateClient>
      <ProjectDatasets projectSlug={project.slug} canCreate={project.role !== "viewer" && !project.archived} />
    </HydrateClient>
  );
}
