import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { NewProjectDialog } from "@/components/projects/new-project-dialog";
import { ProjectsBrowser } from "@/components/projects/projects-browser";
import { requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await requireUser("/projects");
  await getQueryClient().prefetchQuery(serverTrpc.projects.list.queryOptions({ includeArchived: false }));
  return (
    <div className="space-y-6">
      <PageHeader title="Projects" description="Every project you are a member of." actions={user.external ? null : <NewProjectDialog />} />
      <HydrateClient>
        <ProjectsBrowser />
      </HydrateClient>
    </div>
  );
}
