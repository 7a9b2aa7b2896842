import type { Metadata } from "next";
import { FilesWorkspace } from "@/components/editor/files-workspace";
import { loadProject } from "@/app/_lib/load-project";
import { getCurrentUser, requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";
import { monacoVsPath } from "@/app/monaco/monaco-assets";

type Params = Promise<{ slug: string; path?: string[] }>;

/** Segments as Next hands them over, decoded once (a name with "%" stays as it is). */
function pathOf(segments: string[] | undefined): string | null {
  if (!segments?.length) return null;
  return segments
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .join("/");
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!user) return { title: "Files" };
  const { slug, path } = await params;
  const name = pathOf(path)?.split("/").pop();
  return { title: `${name ?? "Files"} · ${(await loadProject(user.id, slug)).name}` };
}

export default async function ProjectFilesPage({ params }: { params: Params }) {
  const { slug, path } = await params;
  const filePath = pathOf(path);
  const user = await requireUser(`/projects/${slug}/files${path?.length ? `/${path.join("/")}` : ""}`);
  const project = await loadProject(user.id, slug);
  await getQueryClient().prefetchQuery(serverTrpc.files.tree.queryOptions({ projectSlug: project.slug }));
  return (
    <HydrateClient>
      {/* An editor wants the window's width: the workspace steps out of the page's column (margins, not a transform, so Monaco's fixed widgets stay put). */}
      <div className="mx-[calc(50%-50vw+1rem)] 2xl:mx-[calc(50%-50vw+3rem)]">
        <FilesWorkspace
          projectSlug={project.slug}
          initialPath={filePath}
          canEdit={project.role !== "viewer" && !project.archived}
          monacoVsPath={monacoVsPath()}
        />
      </div>
    </HydrateClient>
  );
}
