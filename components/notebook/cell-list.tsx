"use client";
// The cells, top to bottom. Each cell renders itself from the store; this list re-renders only
// when cells are added, removed or moved. In command mode the selected cell holds the focus (so
// the keys reach the notebook) and is scrolled into view.
import { Plus } from "lucide-react";
import { useEffect, useRef } from "react";
import type { MonacoApi } from "@/components/editor/use-monaco";
import { CellView } from "./cell-view";
import type { NotebookActions } from "./model/notebook-actions";
import { useNotebookVersion } from "./model/use-model";

type Props = { actions: NotebookActions; monaco: MonacoApi | null; language: string; theme: "vs" | "vs-dark"; autoFocus: boolean };

export function CellList({ actions, monaco, language, theme, autoFocus }: Props) {
  const { model } = actions;
  const version = useNotebookVersion(model);
  const list = useRef<HTMLDivElement>(null);
  const focusedOnce = useRef(!autoFocus);

  useEffect(() => {
    if (model.mode !== "command") return;
    const element = list.current?.querySelector<HTMLElement>(`[data-cell-index="${model.activeIndex}"]`);
    if (!element) return;
    const focusInside = list.current?.contains(document.activeElement) || document.activeElement === document.body;
    if (!focusedOnce.current || focusInside) {
      focusedOnce.current = true;
      if (document.activeElement !== element) element.focus({ preventScroll: true });
    }
    const rect = element.getBoundingClientRect();
    if (rect.top < 0 || rect.top > window.innerHeight - 40) element.scrollIntoView({ block: "nearest" });
  }, [model, version]);

  return (
    <div ref={list} className="flex flex-col gap-1 pb-[40vh]" data-testid="notebook-cells">
      {model.cells.map((cell, index) => (
        <CellView key={cell.id} id={cell.id} index={index} actions={actions} monaco={monaco} language={language} theme={theme} />
      ))}
      {model.readOnly ? null : (
        <button
          type="button"
          onClick={() => {
            model.setMode("command");
            model.insert(model.cells.length, "code");
            model.setMode("edit");
          }}
          className="ml-[76px] flex h-8 items-center justify-center gap-1.5 rounded-md border border-dashed border-border text-xs text-muted-foreground transition-colors hover:border-foreground/30 hover:text-foreground"
        >
          <Plus className="size-3.5" aria-hidden /> Add a cell
        </button>
      )}
    </div>
  );
}
