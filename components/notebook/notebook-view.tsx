"use client";
// A notebook (.ipynb) from a project's files; the editor workspace renders it lazily. A file that
// is not a valid notebook says what is wrong in a sentence and loses nothing (it stays as it is).
import { FileWarning, Loader2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { NotebookFormatError, parseNotebook } from "@/lib/ipynb/parse";
import type { TNotebook } from "@/lib/ipynb/types";
import { errorMessageOf } from "@/lib/trpc-errors";
import { useNotebookApi } from "./api";
import { NotebookPanel } from "./notebook-panel";

type Props = {
  projectSlug: string;
  path: string;
  canEdit: boolean;
  monacoVsPath?: string;
};

type Loaded = { notebook: TNotebook; version: number; key: number };

export function NotebookView({ projectSlug, path, canEdit, monacoVsPath }: Props) {
  const api = useNotebookApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const file = await api.readFile({ projectSlug, path });
      if (file.content === null) throw new NotebookFormatError("This notebook is too large or not text, so it cannot be opened here; download it instead.");
      const { notebook } = parseNotebook(file.content);
      setLoaded((previous) => ({ notebook, version: file.version, key: (previous?.key ?? 0) + 1 }));
      setError(null);
    } catch (e) {
      setError(e instanceof NotebookFormatError ? `${path} cannot be opened as a notebook: ${e.message}` : errorMessageOf(e, "The notebook could not be opened."));
    }
  }, [api, projectSlug, path]);

  useEffect(() => {
    // Loading on mount is the point of this effect; the state it sets is the file's.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  if (error) {
    return (
      <div className="m-4 flex max-w-2xl items-start gap-3 rounded-lg border border-destructive/30 bg-destructive/5 p-4 text-sm" role="alert">
        <FileWarning className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden />
        <p>{error}</p>
      </div>
    );
  }
  if (!loaded) {
    return (
      <p className="flex items-center gap-2 p-4 text-sm text-muted-foreground">
        <Loader2 className="size-4 animate-spin" aria-hidden /> Opening {path}…
      </p>
    );
  }
  return (
    <NotebookPanel
      key={loaded.key}
      notebook={loaded.notebook}
      file={{ projectSlug, path, version: loaded.version }}
      canEdit={canEdit}
      onReload={load}
      monacoVsPath={monacoVsPath}
    />
  );
}
