"use client";
// A job's executed notebook, read only: the same viewer as a project's notebooks, no kernel.
import { Download, FileWarning, NotebookPen } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { NotebookFormatError, parseNotebook } from "@/lib/ipynb/parse";
import { NotebookPanel } from "./notebook-panel";

type Props = { jobId: string; path: string; content: string; monacoVsPath: string };

export function ExecutedNotebook({ jobId, path, content, monacoVsPath }: Props) {
  const parsed = useMemo(() => {
    try {
      return { notebook: parseNotebook(content).notebook, error: null };
    } catch (error) {
      return { notebook: null, error: error instanceof NotebookFormatError ? error.message : "The file could not be read." };
    }
  }, [content]);
  const download = `/api/v1/jobs/${encodeURIComponent(jobId)}/artifacts/download?path=${encodeURIComponent(path)}`;

  const title = (
    <div className="mr-auto flex min-w-0 items-center gap-2 pr-2">
      <NotebookPen className="size-4 shrink-0 text-orange-600" aria-hidden />
      <h1 className="truncate font-mono text-[13px] font-medium">{path}</h1>
      <span className="shrink-0 rounded-full bg-muted px-2 py-0.5 text-[11px] text-muted-foreground">executed by the job</span>
      <Button asChild variant="ghost" size="sm" className="h-7 px-2 text-xs">
        <a href={download} download>
          <Download aria-hidden /> Download
        </a>
      </Button>
    </div>
  );

  if (!parsed.notebook) {
    return (
      <div className="flex items-start gap-3 rounded-lg border border-destructive/30 bg-destructive/5 p-4 text-sm" role="alert">
        <FileWarning className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden />
        <p>
          {path} cannot be opened as a notebook: {parsed.error}
        </p>
      </div>
    );
  }
  return (
    <div className="overflow-hidden rounded-xl border border-border">
      <NotebookPanel notebook={parsed.notebook} file={null} canEdit={false} title={title} monacoVsPath={monacoVsPath} />
    </div>
  );
}
