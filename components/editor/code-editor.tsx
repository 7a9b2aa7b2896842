"use client";
// One Monaco editor for every text tab: switching tabs swaps the model and keeps each tab's
// cursor and scroll (view state), as VS Code does.
import type * as Monaco from "monaco-editor";
import { useEffect, useRef } from "react";
import type { MonacoApi } from "./use-monaco";

type Props = {
  monaco: MonacoApi;
  model: Monaco.editor.ITextModel;
  readOnly: boolean;
  theme: "vs" | "vs-dark";
  label: string;
};

const viewStates = new WeakMap<Monaco.editor.ITextModel, Monaco.editor.ICodeEditorViewState | null>();

export function CodeEditor({ monaco, model, readOnly, theme, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    const e = monaco.editor.create(host.current!, {
      model: null,
      automaticLayout: true,
      fontSize: 13,
      lineHeight: 20,
      minimap: { enabled: true },
      scrollBeyondLastLine: false,
      renderWhitespace: "selection",
      tabSize: 4,
      fixedOverflowWidgets: true,
      ariaLabel: label,
    });
    editor.current = e;
    return () => {
      const m = e.getModel();
      if (m) viewStates.set(m, e.saveViewState());
      e.dispose();
      editor.current = null;
    };
    // The editor is made once; its model, options and theme change below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [monaco]);

  useEffect(() => {
    const e = editor.current;
    if (!e) return;
    const previous = e.getModel();
    if (previous === model) return;
    if (previous && !previous.isDisposed()) viewStates.set(previous, e.saveViewState());
    e.setModel(model);
    const state = viewStates.get(model);
    if (state) e.restoreViewState(state);
    e.focus();
  }, [model]);

  useEffect(() => {
    editor.current?.updateOptions({ readOnly, ariaLabel: label, readOnlyMessage: { value: "You can read this project's files; editing needs the editor role." } });
  }, [readOnly, label]);

  useEffect(() => monaco.editor.setTheme(theme), [monaco, theme]);

  return <div ref={host} className="h-full w-full" data-testid="code-editor" />;
}
