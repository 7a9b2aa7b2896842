"use client";
// React's view of the notebook store: the list (ids, selection, mode) and one cell at a time.
import { useCallback, useSyncExternalStore } from "react";
import type { TCellState } from "./cell-state";
import type { KernelSession, TKernelStatus } from "./kernel-session";
import type { NotebookModel } from "./notebook-model";

/** Re-renders on structure, selection, mode and dirty changes; returns the store's version. */
export function useNotebookVersion(model: NotebookModel): number {
  return useSyncExternalStore(model.subscribe, () => model.version, () => model.version);
}

/** The cell, re-rendering when it, its selection or the mode it is in changes. */
export function useCell(model: NotebookModel, id: string): TCellState | undefined {
  const subscribe = useCallback((listener: () => void) => model.subscribeCell(id, listener), [model, id]);
  const read = () => model.cellTick(id);
  useSyncExternalStore(subscribe, read, read);
  return model.cell(id);
}

export function useKernelStatus(session: KernelSession | null): TKernelStatus | null {
  const subscribe = useCallback((listener: () => void) => session?.subscribe(listener) ?? (() => undefined), [session]);
  const read = () => session?.status ?? null;
  return useSyncExternalStore(subscribe, read, read);
}
