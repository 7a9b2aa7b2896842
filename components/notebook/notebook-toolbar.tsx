"use client";
// The notebook's toolbar: save (with the dirty marker), cell edits, run controls, the cell type,
// Run as job, the keys, and the kernel. Compact, icon-first, every button named for screen readers.
import {
  ArrowDown,
  ArrowUp,
  ClipboardPaste,
  Copy,
  Eraser,
  FastForward,
  Keyboard,
  MoreHorizontal,
  Play,
  Plus,
  RotateCw,
  Rocket,
  Save,
  Scissors,
  Square,
} from "lucide-react";
import type { ComponentType, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import type { TCellType } from "@/lib/ipynb/types";
import { KernelIndicator } from "./kernel-indicator";
import type { NotebookActions } from "./model/notebook-actions";
import { useNotebookVersion } from "./model/use-model";

function Tool({ icon: Icon, label, keys, onClick, disabled }: { icon: ComponentType<{ className?: string }>; label: string; keys?: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      onMouseDown={keepFocus}
      disabled={disabled}
      title={keys ? `${label} (${keys})` : label}
      aria-label={label}
      className="flex size-7 items-center justify-center rounded-md text-muted-foreground outline-none transition-colors hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:pointer-events-none disabled:opacity-40"
    >
      <Icon className="size-4" />
    </button>
  );
}

/** A click on the toolbar leaves the focus on the selected cell, so the keys keep working. */
const keepFocus = (e: { preventDefault: () => void }) => e.preventDefault();

const Divider = () => <span aria-hidden className="mx-1 h-4 w-px bg-border" />;

type Props = {
  actions: NotebookActions;
  saving: boolean;
  version: number | null;
  onRunAsJob: (() => void) | null;
  onHelp: () => void;
  onKernelChange: (name: string, displayName: string, language: string) => void;
  title?: ReactNode;
};

export function NotebookToolbar({ actions, saving, version, onRunAsJob, onHelp, onKernelChange, title }: Props) {
  const { model, session } = actions;
  useNotebookVersion(model);
  const ro = model.readOnly;
  const type = model.active?.cell_type ?? "code";

  return (
    <div className="sticky top-0 z-10 flex h-10 items-center gap-0.5 overflow-x-auto border-b border-border bg-background/95 px-2 backdrop-blur" role="toolbar" aria-label="Notebook">
      {title}
      {ro ? null : (
        <>
          <Tool icon={Save} label="Save" keys="Ctrl+S" onClick={actions.save} disabled={saving} />
          <Divider />
          <Tool icon={Plus} label="Insert a cell below" keys="B" onClick={() => actions.insert("below")} />
          <Tool icon={Scissors} label="Cut cells" keys="X" onClick={() => model.cutSelected()} />
          <Tool icon={Copy} label="Copy cells" keys="C" onClick={() => model.copySelected()} />
          <Tool icon={ClipboardPaste} label="Paste cells below" keys="V" onClick={() => model.pasteBelow()} />
          <Tool icon={ArrowUp} label="Move cells up" keys="Ctrl+Shift+↑" onClick={() => model.moveSelected(-1)} />
          <Tool icon={ArrowDown} label="Move cells down" keys="Ctrl+Shift+↓" onClick={() => model.moveSelected(1)} />
          <Divider />
        </>
      )}
      {session ? (
        <>
          <Tool icon={Play} label="Run the selected cells and advance" keys="Shift+Enter" onClick={() => actions.runSelected("advance")} />
          <Tool icon={Square} label="Interrupt the kernel" keys="I, I" onClick={() => actions.interrupt()} />
          <Tool icon={RotateCw} label="Restart the kernel" keys="0, 0" onClick={() => void actions.restart()} />
          <Divider />
        </>
      ) : null}
      {ro ? null : (
        <select
          aria-label="Cell type"
          value={type}
          onChange={(e) => model.changeType(e.target.value as TCellType)}
          className="h-7 rounded-md border border-border bg-background px-1.5 text-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <option value="code">Code</option>
          <option value="markdown">Markdown</option>
          <option value="raw">Raw</option>
        </select>
      )}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <button type="button" aria-label="More notebook actions" className="ml-0.5 flex size-7 items-center justify-center rounded-md text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">
            <MoreHorizontal className="size-4" />
          </button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-56">
          {session ? (
            <>
              <DropdownMenuItem onSelect={() => actions.runAll()}>
                <FastForward /> Run all cells
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => actions.runAbove()}>
                <ArrowUp /> Run all above
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => actions.runBelow()}>
                <ArrowDown /> Run selected and below
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => void actions.restartAndRunAll()}>
                <RotateCw /> Restart and run all
              </DropdownMenuItem>
              <DropdownMenuSeparator />
            </>
          ) : null}
          <DropdownMenuItem disabled={ro} onSelect={() => actions.clearAllOutputs()}>
            <Eraser /> Clear all outputs
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={onHelp}>
            <Keyboard /> Keyboard shortcuts
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {session ? (
        <Button variant="ghost" size="sm" className="ml-1 h-7 px-2 text-xs" onMouseDown={keepFocus} onClick={() => actions.runAll()} data-testid="run-all">
          <FastForward aria-hidden /> Run all
        </Button>
      ) : null}

      <div className="ml-auto flex min-w-0 items-center gap-2 pl-2">
        <span className={cn("text-xs whitespace-nowrap", model.dirty ? "text-amber-600 dark:text-amber-400" : "text-muted-foreground")} data-testid="save-state" aria-live="polite">
          {ro ? "Read only" : saving ? "Saving…" : model.dirty ? "● Unsaved changes" : version !== null ? `Saved · v${version}` : ""}
        </span>
        {onRunAsJob ? (
          <Button variant="outline" size="sm" className="h-7 px-2 text-xs" onClick={onRunAsJob} title="Run this notebook headless on the queue, with GPUs" aria-label="Run as job">
            <Rocket aria-hidden /> <span className="hidden xl:inline">Run as job</span>
          </Button>
        ) : null}
        {session ? <KernelIndicator session={session} onKernelChange={onKernelChange} /> : null}
      </div>
    </div>
  );
}
