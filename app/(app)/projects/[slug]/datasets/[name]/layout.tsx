import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DatasetProvider } from "@/components/datasets/dataset-context";
import { DatasetHeader } from "@/components/datasets/dataset-header";
import { loadProject } from "@/app/_lib/load-project";
import { getCurrentUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";
import { AppError } from "@/server/errors";

type Params = Promise<{ slug: string; name: string }>;

/** A dataset's header and upload queue stay put while its folders change below them. */
export default async function DatasetLayout({ children, params }: { children: ReactNode; params: Params }) {
  const user = await getCurrentUser();
  // Without a session the page itself redirects to sign in (with its own path).
  if (!user) return children;
  const { slug, name } = await params;
  const project = await loadProject(user.id, slug);
  const dataset = decodeURIComponent(name);
  try {
    await getQueryClient().fetchQuery(serverTrpc.datasets.get.queryOptions({ projectSlug: project.slug, dataset }));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if ((error as { code?: string }).code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <DatasetProvider projectSlug={project.slug} dataset={dataset} canEdit={project.role !== "viewer" && !project.archived}>
        <div className="space-y-4">
          <DatasetHeader />
          {children}
        </div>
      </DatasetProvider>
    </HydrateClient>
  );
}
