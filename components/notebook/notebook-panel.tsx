"use client";
// An open notebook: toolbar, cells, keys, saving and the kernel. NotebookView (a project file)
// and the executed-notebook viewer of a job both render this.
import { useTheme } from "next-themes";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useMonaco } from "@/components/editor/use-monaco";
import type { TNotebook } from "@/lib/ipynb/types";
import { useNotebookApi } from "./api";
import { CellList } from "./cell-list";
import { KernelSession } from "./model/kernel-session";
import { NotebookActions } from "./model/notebook-actions";
import { NotebookModel } from "./model/notebook-model";
import { NotebookToolbar } from "./notebook-toolbar";
import { SaveConflictDialog } from "./save-conflict-dialog";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useCommandKeys } from "./use-command-keys";
import { useNotebookSave } from "./use-notebook-save";
import { errorMessageOf } from "@/lib/trpc-errors";
import "./notebook.css";

// The files workspace loads Monaco before it opens a notebook, so its loader's path applies;
// a page of its own passes monacoVsPath (app/monaco/monaco-assets.ts).
const WORKSPACE_MONACO = "/monaco/workspace/vs";

type Props = {
  notebook: TNotebook;
  /** Where it lives in a project; null for a job's executed notebook (read only, no kernel). */
  file: { projectSlug: string; path: string; version: number } | null;
  canEdit: boolean;
  title?: ReactNode;
  onReload?: () => Promise<void>;
  monacoVsPath?: string;
};

function kernelOf(notebook: TNotebook): { name: string; language: string } {
  const spec = notebook.metadata.kernelspec as { name?: unknown; language?: unknown } | undefined;
  const info = notebook.metadata.language_info as { name?: unknown } | undefined;
  const name = typeof spec?.name === "string" ? spec.name : "python3";
  const language = typeof info?.name === "string" ? info.name : typeof spec?.language === "string" ? spec.language : "python";
  return { name, language: language.toLowerCase() };
}

export function NotebookPanel({ notebook, file, canEdit, title, onReload, monacoVsPath }: Props) {
  const api = useNotebookApi();
  const router = useRouter();
  const readOnly = !canEdit || file === null;
  const [model] = useState(() => new NotebookModel(notebook, readOnly));
  const [language, setLanguage] = useState(() => kernelOf(notebook).language);
  const saver = useNotebookSave({ api, model, projectSlug: file?.projectSlug ?? "", path: file?.path ?? "", version: file?.version ?? null });
  const [session] = useState(() =>
    readOnly || !file ? null : new KernelSession(api, model, { projectSlug: file.projectSlug, notebookPath: file.path }, kernelOf(notebook).name, (e) => errorMessageOf(e, "The kernel could not be reached.")),
  );
  useEffect(() => () => session?.dispose(), [session]);
  const actions = useMemo(() => new NotebookActions(model, session, saver.save), [model, session, saver.save]);
  const { monaco } = useMonaco(monacoVsPath ?? WORKSPACE_MONACO);
  const { resolvedTheme } = useTheme();
  const theme = resolvedTheme === "dark" ? "vs-dark" : "vs";
  const [help, setHelp] = useState(false);
  // Colourised code uses the theme's token classes, which Monaco writes when a theme is set.
  useEffect(() => monaco?.editor.setTheme(theme), [monaco, theme]);
  const onKeyDown = useCommandKeys(actions, useCallback(() => setHelp(true), []));

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (model.dirty) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [model]);

  const onKernelChange = useCallback(
    (name: string, displayName: string, lang: string) => {
      model.setMetadata({ ...model.metadata, kernelspec: { name, display_name: displayName, language: lang }, language_info: { name: lang } });
      setLanguage(lang.toLowerCase());
      void session?.changeKernel(name);
    },
    [model, session],
  );

  const runAsJob =
    file && canEdit
      ? async () => {
          if (model.dirty) await saver.save();
          router.push(`/projects/${file.projectSlug}/jobs/new?notebook=${encodeURIComponent(file.path)}`);
        }
      : null;

  return (
    <div className="nb-root flex min-h-full flex-col bg-background" onKeyDown={onKeyDown} data-testid="notebook" data-ready="true">
      <NotebookToolbar
        actions={actions}
        saving={saver.saving}
        version={saver.version}
        onRunAsJob={runAsJob ? () => void runAsJob() : null}
        onHelp={() => setHelp(true)}
        onKernelChange={onKernelChange}
        title={title}
      />
      <div className="mx-auto w-full max-w-[1100px] px-2 pt-3 sm:px-4">
        <CellList actions={actions} monaco={monaco} language={language} theme={theme} autoFocus />
      </div>
      <ShortcutsDialog open={help} onOpenChange={setHelp} />
      {saver.conflict && file ? (
        <SaveConflictDialog
          path={file.path}
          conflict={saver.conflict}
          onKeepMine={saver.keepMine}
          onLoadTheirs={async () => {
            saver.dismissConflict();
            await onReload?.();
          }}
          onClose={saver.dismissConflict}
        />
      ) : null}
    </div>
  );
}
