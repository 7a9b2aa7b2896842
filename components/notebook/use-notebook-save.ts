"use client";
// Saving: the notebook serialized as Jupyter writes it, saved over the version it was read at.
// A newer version on the server is a conflict (the dialog decides), never an overwrite.
import { TRPCClientError } from "@trpc/client";
import { useCallback, useRef, useState } from "react";
import { toast } from "sonner";
import { serializeNotebook } from "@/lib/ipynb/serialize";
import { errorMessageOf } from "@/lib/trpc-errors";
import type { NotebookApi } from "./api";
import type { NotebookModel } from "./model/notebook-model";
import type { TSaveConflict } from "./save-conflict-dialog";

function conflictOf(error: unknown, mine: string): TSaveConflict | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: string; fields?: { version?: unknown } | null } | undefined;
  if (data?.code !== "CONFLICT") return null;
  const theirs = Array.isArray(data.fields?.version) ? Number(data.fields.version[0]) : Number(data.fields?.version);
  return { message: error.message, theirVersion: Number.isFinite(theirs) ? theirs : null, mine };
}

export function useNotebookSave(args: { api: NotebookApi; model: NotebookModel; projectSlug: string; path: string; version: number | null }) {
  const { api, model, projectSlug, path } = args;
  const [version, setVersion] = useState(args.version);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<TSaveConflict | null>(null);
  const inFlight = useRef(false);
  const versionRef = useRef(args.version);

  const saveAt = useCallback(
    async (baseVersion: number | null) => {
      if (model.readOnly || inFlight.current || baseVersion === null) return;
      inFlight.current = true;
      setSaving(true);
      const edits = model.edits;
      const content = serializeNotebook(model.toNotebook());
      try {
        const saved = await api.saveFile({ projectSlug, path, baseVersion, content });
        versionRef.current = saved.version;
        setVersion(saved.version);
        setConflict(null);
        model.markSaved(edits);
      } catch (error) {
        const found = conflictOf(error, content);
        if (found) setConflict(found);
        else toast.error(errorMessageOf(error, "The notebook could not be saved. Your cells are still here; try again."));
      } finally {
        inFlight.current = false;
        setSaving(false);
      }
    },
    [api, model, projectSlug, path],
  );

  const save = useCallback(() => void saveAt(versionRef.current), [saveAt]);
  const keepMine = useCallback(async () => {
    if (conflict?.theirVersion == null) return;
    await saveAt(conflict.theirVersion);
  }, [conflict, saveAt]);

  return { version, saving, conflict, save, keepMine, dismissConflict: () => setConflict(null) };
}
