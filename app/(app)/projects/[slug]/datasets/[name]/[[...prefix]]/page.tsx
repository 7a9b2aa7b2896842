import type { Metadata } from "next";
import { browseInput, browseKey, firstPageData } from "@/components/datasets/browse-key";
import { DatasetBrowser } from "@/components/datasets/dataset-browser";
import { prefixFromSegments } from "@/components/datasets/paths";
import { loadProject } from "@/app/_lib/load-project";
import { requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";

type Params = Promise<{ slug: string; name: string; prefix?: string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, prefix } = await params;
  return { title: `${decodeURIComponent(name)}/${prefixFromSegments(prefix)}` };
}

export default async function DatasetFolderPage({ params }: { params: Params }) {
  const { slug, name, prefix: segments } = await params;
  const dataset = decodeURIComponent(name);
  const prefix = prefixFromSegments(segments);
  const user = await requireUser(`/projects/${slug}/datasets/${name}${segments?.length ? `/${segments.join("/")}` : ""}`);
  const project = await loadProject(user.id, slug);
  // The first page is in the HTML: the rows show before any script runs. A store that fails here
  // is left to the browser, which shows the error and a retry.
  const input = browseInput(project.slug, dataset, prefix, "");
  const queryClient = getQueryClient();
  try {
    const options = serverTrpc.datasets.browse.queryOptions(input);
    const page = await queryClient.fetchQuery(options);
    queryClient.setQueryData(browseKey(input), firstPageData(page));
    queryClient.removeQueries({ queryKey: options.queryKey, exact: true });
  } catch {
    // Shown by the browser.
  }
  return (
    <HydrateClient>
      <DatasetBrowser key={prefix} prefix={prefix} />
    </HydrateClient>
  );
}
