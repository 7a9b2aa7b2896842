"use client";
// The Monaco editor of the cell being edited (one at a time). Its height follows its content;
// the notebook keys (Shift/Ctrl/Alt+Enter, Esc, Ctrl+S, arrows past the first or last line)
// leave the editor and go to the notebook.
import type * as Monaco from "monaco-editor";
import { useEffect, useRef } from "react";
import type { MonacoApi } from "@/components/editor/use-monaco";

export type TEditorKey = "run-advance" | "run-stay" | "run-insert" | "escape" | "save" | "up-out" | "down-out";

type Props = {
  monaco: MonacoApi;
  value: string;
  language: string;
  theme: "vs" | "vs-dark";
  cursorAt: "start" | "end";
  label: string;
  onChange: (value: string) => void;
  onKey: (key: TEditorKey) => void;
};

export function CellEditor({ monaco, value, language, theme, cursorAt, label, onChange, onKey }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange, onKey });
  useEffect(() => {
    callbacks.current = { onChange, onKey };
  });

  useEffect(() => {
    const element = host.current!;
    const model = monaco.editor.createModel(value, language);
    const editor = monaco.editor.create(element, {
      model,
      theme,
      fontSize: 13,
      lineHeight: 20,
      minimap: { enabled: false },
      lineNumbers: "off",
      glyphMargin: false,
      folding: false,
      lineDecorationsWidth: 6,
      lineNumbersMinChars: 0,
      renderLineHighlight: "none",
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      scrollBeyondLastLine: false,
      scrollbar: { vertical: "hidden", horizontal: "auto", alwaysConsumeMouseWheel: false, horizontalScrollbarSize: 8 },
      padding: { top: 6, bottom: 6 },
      wordWrap: "off",
      tabSize: 4,
      fixedOverflowWidgets: true,
      automaticLayout: true,
      contextmenu: true,
      ariaLabel: label,
    });
    editorRef.current = editor;
    const fit = () => {
      element.style.height = `${Math.min(editor.getContentHeight(), 4000)}px`;
      editor.layout();
    };
    fit();
    const sizeSub = editor.onDidContentSizeChange(fit);
    const changeSub = model.onDidChangeContent(() => callbacks.current.onChange(model.getValue()));
    const { KeyMod, KeyCode } = monaco;
    const key = (k: TEditorKey) => () => callbacks.current.onKey(k);
    editor.addCommand(KeyMod.Shift | KeyCode.Enter, key("run-advance"));
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.Enter, key("run-stay"));
    editor.addCommand(KeyMod.Alt | KeyCode.Enter, key("run-insert"));
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyS, key("save"));
    editor.addCommand(KeyCode.Escape, key("escape"), "!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible");
    const arrows = editor.onKeyDown((e) => {
      if (e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
      const pos = editor.getPosition();
      if (!pos) return;
      if (e.keyCode === KeyCode.UpArrow && pos.lineNumber === 1) {
        e.preventDefault();
        callbacks.current.onKey("up-out");
      } else if (e.keyCode === KeyCode.DownArrow && pos.lineNumber === model.getLineCount()) {
        e.preventDefault();
        callbacks.current.onKey("down-out");
      }
    });
    const last = model.getLineCount();
    editor.setPosition(cursorAt === "end" ? { lineNumber: last, column: model.getLineMaxColumn(last) } : { lineNumber: 1, column: 1 });
    editor.focus();
    return () => {
      sizeSub.dispose();
      changeSub.dispose();
      arrows.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // One editor per edit session of a cell; value changes flow out, not in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [monaco]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelLanguage(model, language);
  }, [monaco, language]);

  useEffect(() => monaco.editor.setTheme(theme), [monaco, theme]);

  return <div ref={host} className="nb-editor w-full" data-testid="cell-editor" />;
}
