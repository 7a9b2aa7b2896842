"use client";
// Above the open file: where it is, which version, and what can be done with it.
import { Check, History, Loader2, Play, Save } from "lucide-react";
import { Button } from "@/components/ui/button";
import { runAsJobCommand } from "@/lib/job-command";
import type { Tab } from "./use-editor-tabs";

type Props = {
  tab: Tab;
  canEdit: boolean;
  onSave: () => void;
  onHistory: () => void;
  onRun: (command: string) => void;
};

export function EditorToolbar({ tab, canEdit, onSave, onHistory, onRun }: Props) {
  // A notebook has its own toolbar (save, run as job); here it only gets its path.
  const command = canEdit && tab.kind !== "notebook" ? runAsJobCommand(tab.path) : null;
  const parts = tab.path.split("/");
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <div className="flex h-10 items-center gap-2 border-b border-border px-3 text-sm">
      <nav aria-label="File path" className="flex min-w-0 flex-1 items-center gap-1 truncate font-mono text-[12.5px] text-muted-foreground">
        {parts.map((p, i) => (
          <span key={i} className={i === parts.length - 1 ? "text-foreground" : undefined}>
            {p}
            {i < parts.length - 1 ? <span className="px-0.5 text-muted-foreground/60">/</span> : null}
          </span>
        ))}
      </nav>
      {tab.status === "ready" && tab.kind !== "notebook" ? (
        <span className="shrink-0 text-xs text-muted-foreground tabular-nums" data-testid="file-version">
          {tab.saving ? "Saving…" : tab.dirty ? `Edited from version ${tab.version}` : `Version ${tab.version}`}
          {!canEdit ? " · read only" : ""}
        </span>
      ) : null}
      {tab.status === "ready" && tab.kind === "text" ? (
        <>
          <Button variant="ghost" size="sm" onClick={onHistory} title="See and restore earlier versions">
            <History aria-hidden />
            History
          </Button>
          {canEdit ? (
            <Button size="sm" variant={tab.dirty ? "default" : "outline"} onClick={onSave} disabled={tab.saving || !tab.dirty} title={`Save (${mac ? "⌘" : "Ctrl+"}S)`}>
              {tab.saving ? <Loader2 className="animate-spin" aria-hidden /> : tab.dirty ? <Save aria-hidden /> : <Check aria-hidden />}
              {tab.dirty || tab.saving ? "Save" : "Saved"}
            </Button>
          ) : null}
        </>
      ) : null}
      {command && tab.status === "ready" ? (
        <Button size="sm" variant="outline" onClick={() => onRun(command)} title={`Run as a job: ${command}`}>
          <Play aria-hidden />
          Run as job
        </Button>
      ) : null}
    </div>
  );
}
