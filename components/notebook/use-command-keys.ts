"use client";
// JupyterLab's command-mode keys, on the notebook's element (never while typing in an editor or
// an input box). Two-key chords (D D, I I, 0 0) must come within 800 ms.
import { useCallback, useRef, type KeyboardEvent } from "react";
import type { NotebookActions } from "./model/notebook-actions";

const CHORD_MS = 800;

export function useCommandKeys(actions: NotebookActions, onHelp: () => void) {
  const lastKey = useRef<{ key: string; at: number } | null>(null);

  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const { model } = actions;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === "s") {
        e.preventDefault();
        actions.save();
        return;
      }
      if (model.mode !== "command") return;
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select, button, a, [contenteditable=true], .monaco-editor, [role=menu], [role=dialog]")) return;

      const key = e.key;
      const chord = (k: string) => {
        const hit = lastKey.current?.key === k && Date.now() - lastKey.current.at < CHORD_MS;
        lastKey.current = hit ? null : { key: k, at: Date.now() };
        return hit;
      };
      const handled = () => e.preventDefault();

      if (key === "Enter") {
        handled();
        if (e.shiftKey) actions.runSelected("advance");
        else if (mod) actions.runSelected("stay");
        else if (e.altKey) actions.runSelected("insert");
        else model.setMode("edit");
        return;
      }
      if (mod && e.shiftKey && (key === "ArrowUp" || key === "ArrowDown")) {
        handled();
        model.moveSelected(key === "ArrowUp" ? -1 : 1);
        return;
      }
      if (mod || e.altKey) return;
      const k = key.length === 1 ? key.toLowerCase() : key;
      switch (k) {
        case "ArrowUp":
        case "k":
          handled();
          if (e.shiftKey) model.extendSelection(-1);
          else model.select(model.activeIndex - 1);
          return;
        case "ArrowDown":
        case "j":
          handled();
          if (e.shiftKey) model.extendSelection(1);
          else model.select(model.activeIndex + 1);
          return;
        case "Home":
          handled();
          model.select(0);
          return;
        case "End":
          handled();
          model.select(model.cells.length - 1);
          return;
      }
      if (e.shiftKey) return;
      switch (k) {
        case "a":
          handled();
          actions.insert("above");
          return;
        case "b":
          handled();
          actions.insert("below");
          return;
        case "d":
          handled();
          if (chord("d")) model.deleteSelected();
          return;
        case "z":
          handled();
          model.undoDelete();
          return;
        case "m":
          handled();
          model.changeType("markdown");
          return;
        case "y":
          handled();
          model.changeType("code");
          return;
        case "r":
          handled();
          model.changeType("raw");
          return;
        case "c":
          handled();
          model.copySelected();
          return;
        case "x":
          handled();
          model.cutSelected();
          return;
        case "v":
          handled();
          model.pasteBelow();
          return;
        case "i":
          handled();
          if (chord("i")) actions.interrupt();
          return;
        case "0":
          handled();
          if (chord("0")) void actions.restart();
          return;
        case "h":
          handled();
          onHelp();
          return;
      }
    },
    [actions, onHelp],
  );
}
