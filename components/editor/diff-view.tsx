"use client";
// Monaco's diff editor over two texts. The right side can be editable (a merge); its current
// text is handed back through onModifiedChange.
import type * as Monaco from "monaco-editor";
import { useEffect, useLayoutEffect, useRef } from "react";
import type { MonacoApi } from "./use-monaco";

type Props = {
  monaco: MonacoApi;
  original: string;
  modified: string;
  language: string;
  theme: "vs" | "vs-dark";
  modifiedEditable?: boolean;
  onModifiedChange?: (text: string) => void;
  className?: string;
};

export function DiffView({ monaco, original, modified, language, theme, modifiedEditable = false, onModifiedChange, className }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const onChange = useRef(onModifiedChange);
  useLayoutEffect(() => {
    onChange.current = onModifiedChange;
  }, [onModifiedChange]);

  useEffect(() => {
    monaco.editor.setTheme(theme);
    const diff = monaco.editor.createDiffEditor(host.current!, {
      automaticLayout: true,
      readOnly: !modifiedEditable,
      originalEditable: false,
      renderSideBySide: true,
      fontSize: 13,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5 },
    });
    const left: Monaco.editor.ITextModel = monaco.editor.createModel(original, language);
    const right: Monaco.editor.ITextModel = monaco.editor.createModel(modified, language);
    diff.setModel({ original: left, modified: right });
    const sub = right.onDidChangeContent(() => onChange.current?.(right.getValue()));
    return () => {
      sub.dispose();
      // Detach the models first: a diff still computing in the worker then has nothing to
      // report to (otherwise Monaco throws "no diff result available").
      diff.setModel(null);
      diff.dispose();
      left.dispose();
      right.dispose();
    };
  }, [monaco, original, modified, language, theme, modifiedEditable]);

  return <div ref={host} className={className ?? "h-full w-full"} />;
}
