"use client";
// A notebook (.ipynb) opened from a project's files. The editor workspace renders it lazily.
import { useEffect, useState } from "react";
import { useNotebookApi } from "./api";

type Props = { projectSlug: string; path: string; canEdit: boolean };

type RawCell = { cell_type?: string; source?: string | string[] };

export function NotebookView({ projectSlug, path, canEdit }: Props) {
  const api = useNotebookApi();
  const [cells, setCells] = useState<RawCell[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .readFile({ projectSlug, path })
      .then((file) => {
        if (!live) return;
        const parsed = JSON.parse(file.content ?? "{}") as { cells?: RawCell[] };
        setCells(parsed.cells ?? []);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : "The notebook could not be opened."));
    return () => {
      live = false;
    };
  }, [api, projectSlug, path]);

  if (error) return <p className="p-4 text-sm text-destructive">{error}</p>;
  if (!cells) return <p className="p-4 text-sm text-muted-foreground">Opening {path}…</p>;
  return (
    <div className="space-y-2 p-4" data-can-edit={canEdit}>
      {cells.map((cell, i) => (
        <pre key={i} className="rounded-md border border-border bg-muted/40 p-2 font-mono text-xs whitespace-pre-wrap">
          {Array.isArray(cell.source) ? cell.source.join("") : cell.source}
        </pre>
      ))}
    </div>
  );
}
