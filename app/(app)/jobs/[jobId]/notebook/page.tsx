// A job's executed notebook (or any .ipynb artifact), read only in the notebook viewer:
// /jobs/<id>/notebook?path=<artifact path>. Access is the job's: artifactBlob checks the caller
// may see the job before a byte is read.
import { ArrowLeft, FileWarning } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExecutedNotebook } from "@/components/notebook/executed-notebook";
import { loadJob } from "@/app/_lib/load-job";
import { requireUser } from "@/app/_lib/session";
import { monacoVsPath } from "@/app/monaco/monaco-assets";
import { AppError } from "@/server/errors";
import { listArtifacts, artifactBlob } from "@/server/queue/read-jobs";
import { getBlob } from "@/server/storage/blobs";

type Params = Promise<{ jobId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Past this the viewer would not be pleasant; the download still works. */
const MAX_BYTES = 50 * 1024 * 1024;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { jobId } = await params;
  return { title: `Executed notebook · ${jobId}` };
}

async function readText(sha256: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getBlob(sha256)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

export default async function ExecutedNotebookPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { jobId } = await params;
  const query = await searchParams;
  const user = await requireUser(`/jobs/${jobId}/notebook`);
  const job = await loadJob(jobId);
  const asked = Array.isArray(query.path) ? query.path[0] : query.path;
  const path = asked ?? (await listArtifacts({ actorId: user.id, jobId })).find((a) => a.path.toLowerCase().endsWith(".ipynb"))?.path;
  if (!path) notFound();

  let content: string | null = null;
  let problem: string | null = null;
  try {
    const blob = await artifactBlob({ actorId: user.id, jobId, path });
    if (blob.sizeBytes > MAX_BYTES) problem = `${path} is ${Math.round(blob.sizeBytes / 1024 / 1024)} MB, too large to open here; download it from the job page.`;
    else content = await readText(blob.sha256);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }

  const back = (
    <Link href={`/jobs/${jobId}`} className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeft className="size-4" aria-hidden /> {job.name}
    </Link>
  );
  return (
    <div className="space-y-3">
      {back}
      {content === null ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground" role="alert">
          <FileWarning className="size-4" aria-hidden /> {problem}
        </p>
      ) : (
        <ExecutedNotebook jobId={jobId} path={path} content={content} monacoVsPath={monacoVsPath()} />
      )}
    </div>
  );
}
