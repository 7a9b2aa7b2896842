"use client";
// The open files: one tab each, its saved version, and whether it has unsaved changes. Text lives
// in Monaco models (one per tab); a save names the version the tab was opened or last saved at.
import { useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import type * as Monaco from "monaco-editor";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useTRPC, useTRPCClient } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import { isNotebookPath, languageOf } from "./languages";
import type { MonacoApi } from "./use-monaco";

export type Tab = {
  id: string;
  path: string;
  status: "loading" | "ready" | "error";
  error?: string;
  kind: "text" | "binary" | "notebook";
  version: number;
  sizeBytes: number;
  dirty: boolean;
  saving: boolean;
};

export type Conflict = {
  tabId: string;
  path: string;
  message: string;
  theirs: { version: number; content: string | null; updatedAt: Date; updatedBy: string };
  mine: string;
};

let nextId = 0;

export function useEditorTabs({ projectSlug, monaco }: { projectSlug: string; monaco: MonacoApi | null }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [tabs, setTabs] = useState<Tab[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const models = useRef(new Map<string, Monaco.editor.ITextModel>());
  const pendingText = useRef(new Map<string, string>());
  const savedAlt = useRef(new Map<string, number>());
  const tabsRef = useRef(tabs);
  // Which tab holds a path, kept in step synchronously (two opens in one tick make one tab).
  const byPath = useRef(new Map<string, string>());
  useLayoutEffect(() => {
    tabsRef.current = tabs;
  }, [tabs]);

  const patch = useCallback((id: string, change: Partial<Tab>) => {
    setTabs((all) => all.map((t) => (t.id === id ? { ...t, ...change } : t)));
  }, []);

  const refreshTree = useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.files.tree.queryKey({ projectSlug }) }), [queryClient, trpc, projectSlug]);

  const attachModel = useCallback(
    (tab: Pick<Tab, "id" | "path">, text: string) => {
      if (!monaco) {
        pendingText.current.set(tab.id, text);
        return;
      }
      const model = monaco.editor.createModel(text, languageOf(tab.path));
      models.current.set(tab.id, model);
      savedAlt.current.set(tab.id, model.getAlternativeVersionId());
      model.onDidChangeContent(() => {
        const dirty = model.getAlternativeVersionId() !== savedAlt.current.get(tab.id);
        const current = tabsRef.current.find((t) => t.id === tab.id);
        if (current && current.dirty !== dirty) patch(tab.id, { dirty });
      });
      setTabs((all) => [...all]); // the model exists now: let the editor pick it up
    },
    [monaco, patch],
  );

  // Text that arrived before Monaco did gets its model once Monaco is there.
  useEffect(() => {
    if (!monaco) return;
    for (const [id, text] of pendingText.current) {
      const tab = tabsRef.current.find((t) => t.id === id);
      pendingText.current.delete(id);
      if (tab) attachModel(tab, text);
    }
  }, [monaco, attachModel]);

  const load = useCallback(
    async (id: string, path: string) => {
      try {
        const file = await client.files.read.query({ projectSlug, path });
        const kind = isNotebookPath(path) && file.isText ? "notebook" : file.isText ? "text" : "binary";
        patch(id, { status: "ready", kind, version: file.version, sizeBytes: file.sizeBytes });
        if (kind === "text") attachModel({ id, path }, file.content ?? "");
      } catch (e) {
        patch(id, { status: "error", error: errorMessageOf(e, "The file could not be opened.") });
      }
    },
    [client, projectSlug, patch, attachModel],
  );

  const open = useCallback(
    (path: string) => {
      const existing = byPath.current.get(path);
      if (existing) {
        setActiveId(existing);
        return;
      }
      const id = `tab-${++nextId}`;
      byPath.current.set(path, id);
      // A notebook reads its own file (NotebookView): reading a 5 MB notebook here first only to
      // learn that it is a notebook would fetch it twice before the first cell shows.
      const notebook = isNotebookPath(path);
      const tab: Tab = { id, path, status: notebook ? "ready" : "loading", kind: notebook ? "notebook" : "text", version: 0, sizeBytes: 0, dirty: false, saving: false };
      setTabs((all) => [...all, tab]);
      setActiveId(id);
      if (!notebook) void load(id, path);
    },
    [load],
  );

  const dropTab = useCallback((id: string) => {
    for (const [p, tabId] of byPath.current) if (tabId === id) byPath.current.delete(p);
    models.current.get(id)?.dispose();
    models.current.delete(id);
    savedAlt.current.delete(id);
    setTabs((all) => {
      const i = all.findIndex((t) => t.id === id);
      const rest = all.filter((t) => t.id !== id);
      setActiveId((active) => (active === id ? (rest[Math.min(i, rest.length - 1)]?.id ?? null) : active));
      return rest;
    });
  }, []);

  /** Marks the model's current text as saved at `version`. */
  const markSaved = useCallback(
    (id: string, version: number, sizeBytes?: number) => {
      const model = models.current.get(id);
      if (model) savedAlt.current.set(id, model.getAlternativeVersionId());
      patch(id, { version, saving: false, dirty: false, ...(sizeBytes === undefined ? {} : { sizeBytes }) });
      void refreshTree();
    },
    [patch, refreshTree],
  );

  /** Saves `content` (default: the tab's text) over `baseVersion` (default: the tab's version). */
  const save = useCallback(
    async (id: string, opts: { content?: string; baseVersion?: number } = {}): Promise<boolean> => {
      const tab = tabsRef.current.find((t) => t.id === id);
      const model = models.current.get(id);
      if (!tab || !model || tab.saving) return false;
      const content = opts.content ?? model.getValue();
      const altAtSave = model.getAlternativeVersionId();
      patch(id, { saving: true });
      try {
        const saved = await client.files.save.mutate({ projectSlug, path: tab.path, baseVersion: opts.baseVersion ?? tab.version, content });
        if (opts.content !== undefined && opts.content !== model.getValue()) {
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text: opts.content }], () => null);
        }
        // Typing during the save leaves the tab dirty: only the saved text is marked saved.
        const changedMeanwhile = opts.content === undefined && model.getAlternativeVersionId() !== altAtSave;
        savedAlt.current.set(id, changedMeanwhile ? altAtSave : model.getAlternativeVersionId());
        patch(id, { version: saved.version, saving: false, dirty: changedMeanwhile, sizeBytes: new TextEncoder().encode(content).length });
        void refreshTree();
        return true;
      } catch (e) {
        patch(id, { saving: false });
        if (e instanceof TRPCClientError && (e.data as { code?: string } | undefined)?.code === "CONFLICT" && tab.version > 0) {
          const theirs = await client.files.read.query({ projectSlug, path: tab.path }).catch(() => null);
          if (theirs) {
            setConflict({
              tabId: id,
              path: tab.path,
              message: e.message,
              mine: content,
              theirs: {
                version: theirs.version,
                content: theirs.content,
                updatedAt: theirs.updatedAt,
                updatedBy: theirs.updatedBy ? (theirs.updatedBy.name ?? theirs.updatedBy.email) : "Someone",
              },
            });
            return false;
          }
        }
        toast.error(errorMessageOf(e, `"${tab.path}" could not be saved.`));
        return false;
      }
    },
    [client, projectSlug, patch, refreshTree],
  );

  /** Replaces a tab's text with what the server holds now (after a restore, or "take theirs"). */
  const reload = useCallback(
    async (id: string, known?: { version: number; content: string }) => {
      const tab = tabsRef.current.find((t) => t.id === id);
      const model = models.current.get(id);
      if (!tab) return;
      const file = known ?? (await client.files.read.query({ projectSlug, path: tab.path }));
      if (model && file.content !== null) {
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: file.content }], () => null);
        markSaved(id, file.version, new TextEncoder().encode(file.content).length);
      } else {
        patch(id, { version: file.version });
      }
    },
    [client, projectSlug, markSaved, patch],
  );

  /** After a rename or move: open tabs follow their files; deleted files' tabs close. */
  const followMove = useCallback((from: string, to: string) => {
    setTabs((all) =>
      all.map((t) => {
        if (t.path !== from && !t.path.startsWith(`${from}/`)) return t;
        const path = to + t.path.slice(from.length);
        byPath.current.delete(t.path);
        byPath.current.set(path, t.id);
        const model = models.current.get(t.id);
        if (model) monacoSetLanguage(monaco, model, path);
        return { ...t, path };
      }),
    );
  }, [monaco]);

  const closeDeleted = useCallback(
    (path: string) => {
      for (const t of tabsRef.current) if (t.path === path || t.path.startsWith(`${path}/`)) dropTab(t.id);
    },
    [dropTab],
  );

  return {
    tabs,
    activeId,
    active: tabs.find((t) => t.id === activeId) ?? null,
    setActiveId,
    open,
    close: dropTab,
    save,
    reload,
    markSaved,
    followMove,
    closeDeleted,
    conflict,
    setConflict,
    modelOf: (id: string) => models.current.get(id) ?? null,
    refreshTree,
  };
}

function monacoSetLanguage(monaco: MonacoApi | null, model: Monaco.editor.ITextModel, path: string) {
  if (monaco && !model.isDisposed()) monaco.editor.setModelLanguage(model, languageOf(path));
}

export type EditorTabs = ReturnType<typeof useEditorTabs>;
