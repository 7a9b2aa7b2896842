"use client";
// One cell: the prompt ([3]:, [*]: while queued or running), the code or Markdown, the outputs.
// The selected cell has a bar on its left and a focus ring; in edit mode its editor is Monaco.
import { memo, useRef } from "react";
import type { MonacoApi } from "@/components/editor/use-monaco";
import { cn } from "@/lib/cn";
import { CellEditor, type TEditorKey } from "./cell-editor";
import type { NotebookActions } from "./model/notebook-actions";
import { useCell } from "./model/use-model";
import { OutputArea } from "./outputs/output-area";
import { renderMarkdown } from "./render-markdown";
import { StaticCode } from "./static-code";
import { useNearViewport } from "./use-near-viewport";

type Props = {
  id: string;
  index: number;
  actions: NotebookActions;
  monaco: MonacoApi | null;
  language: string;
  theme: "vs" | "vs-dark";
};

function prompt(runState: string | undefined, count: number | null): string {
  if (runState === "queued" || runState === "running") return "[*]:";
  return `[${count ?? " "}]:`;
}

export const CellView = memo(function CellView({ id, index, actions, monaco, language, theme }: Props) {
  const { model, session } = actions;
  const cell = useCell(model, id);
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box, index < 8);
  if (!cell) return null;

  const active = model.activeIndex === index;
  const selected = model.isSelected(index);
  const editing = active && model.mode === "edit";
  const isCode = cell.cell_type === "code";
  const cellLanguage = isCode ? language : cell.cell_type === "markdown" ? "markdown" : "plaintext";
  const showRendered = cell.cell_type === "markdown" && !cell.editingMarkdown && !editing;

  function onEditorKey(key: TEditorKey) {
    if (key === "run-advance") actions.runSelected("advance");
    else if (key === "run-stay") actions.runSelected("stay");
    else if (key === "run-insert") actions.runSelected("insert");
    else if (key === "save") actions.save();
    else if (key === "escape") model.setMode("command");
    else if (key === "up-out" && index > 0) {
      model.select(index - 1);
      model.setMode("edit");
    } else if (key === "down-out" && index < model.cells.length - 1) {
      model.select(index + 1);
      model.setMode("edit", "start");
    }
  }

  return (
    <div
      ref={box}
      role="group"
      aria-label={`Cell ${index + 1}, ${cell.cell_type}${cell.cell_type === "code" && cell.runState && cell.runState !== "idle" ? `, ${cell.runState}` : ""}`}
      aria-current={active ? "true" : undefined}
      data-cell-id={id}
      data-cell-index={index}
      data-cell-type={cell.cell_type}
      data-active={active || undefined}
      data-run-state={isCode ? (cell.runState ?? "idle") : undefined}
      tabIndex={active ? 0 : -1}
      className={cn(
        "nb-cell group/cell relative rounded-md py-1 pr-2 pl-3 outline-none",
        selected && "bg-[var(--nb-selected)]",
        active && "ring-1 ring-[var(--nb-ring)] focus-visible:ring-2",
      )}
      onMouseDown={(e) => {
        if (active && !e.shiftKey) return;
        if (!e.shiftKey) model.setMode("command");
        model.select(index, e.shiftKey);
      }}
    >
      <div aria-hidden className={cn("absolute top-1 bottom-1 left-0.5 w-1 rounded-full", active ? (editing ? "bg-[var(--nb-edit)]" : "bg-[var(--nb-bar)]") : selected ? "bg-[var(--nb-bar)]/50" : "bg-transparent")} />
      <div className="flex min-w-0 gap-2">
        <div className={cn("nb-prompt pt-[7px]", isCode && cell.runState && cell.runState !== "idle" ? "text-[var(--nb-bar)]" : "text-[var(--nb-in)]")} data-testid="cell-prompt">
          {isCode ? prompt(cell.runState, cell.execution_count) : ""}
        </div>
        <div className="min-w-0 flex-1">
          {showRendered ? (
            <div
              className="nb-markdown min-h-6 px-2 py-1"
              data-testid="markdown-rendered"
              onDoubleClick={() => {
                if (model.readOnly) return;
                model.select(index);
                model.setMode("edit");
              }}
              dangerouslySetInnerHTML={{ __html: near ? renderMarkdown(cell.source || "*Empty Markdown cell: double-click to write.*", cell.attachments) : "" }}
            />
          ) : (
            <div
              className={cn("nb-input-box overflow-hidden rounded-md border", editing ? "border-[var(--nb-edit)] bg-background" : "border-border/70 bg-[var(--nb-code-bg)]")}
              onClick={() => {
                if (model.readOnly || editing) return;
                model.select(index);
                model.setMode("edit");
              }}
            >
              {editing && monaco ? (
                <CellEditor
                  monaco={monaco}
                  value={cell.source}
                  language={cellLanguage}
                  theme={theme}
                  cursorAt={model.cursorHint}
                  label={`Cell ${index + 1}, ${cell.cell_type}`}
                  onChange={(source) => model.updateCell(id, { source })}
                  onKey={onEditorKey}
                />
              ) : (
                <StaticCode monaco={monaco} source={cell.source} language={cellLanguage} visible={near} placeholder={cell.cell_type === "markdown" ? "Markdown" : ""} />
              )}
            </div>
          )}
        </div>
      </div>
      {cell.cell_type === "code" && near ? (
        <div className="mt-1">
          <OutputArea cell={cell} dark={theme === "vs-dark"} onInput={(value) => cell.input && void session?.sendInput(id, value, cell.input.password, cell.input.prompt)} />
        </div>
      ) : null}
    </div>
  );
});
