import type { Metadata } from "next";
import { ProjectSettings } from "@/components/project-settings/project-settings";
import { loadProject } from "@/app/_lib/load-project";
import { getCurrentUser, requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";
import { isDirector } from "@/server/users/users";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!user) return { title: "Project settings" };
  const { slug } = await params;
  return { title: `Settings · ${(await loadProject(user.id, slug)).name}` };
}

export default async function ProjectSettingsPage({ params }: { params: Params }) {
  const { slug } = await params;
  const user = await requireUser(`/projects/${slug}/settings`);
  const project = await loadProject(user.id, slug);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(serverTrpc.projects.get.queryOptions({ projectSlug: project.slug })),
    queryClient.prefetchQuery(serverTrpc.projects.members.queryOptions({ projectSlug: project.slug })),
    queryClient.prefetchQuery(serverTrpc.budgets.project.queryOptions({ projectSlug: project.slug })),
  ]);
  return (
    <HydrateClient>
      <ProjectSettings projectSlug={project.slug} currentUserId={user.id} isDirector={isDirector(user.labRole)} />
    </HydrateClient>
  );
}
