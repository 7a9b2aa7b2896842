"use client";
// A save refused because someone saved a newer version: their version beside yours, and three
// ways on: take theirs, keep yours (saved knowingly as a new version), or merge on the right.
import { GitMerge, Loader2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { LocalTime } from "@/components/ui/local-time";
import { DiffView } from "./diff-view";
import { languageOf } from "./languages";
import type { Conflict, EditorTabs } from "./use-editor-tabs";
import type { MonacoApi } from "./use-monaco";

type Props = { conflict: Conflict; tabs: EditorTabs; monaco: MonacoApi | null; theme: "vs" | "vs-dark" };

export function ConflictDialog({ conflict, tabs, monaco, theme }: Props) {
  const [merged, setMerged] = useState(conflict.mine);
  const [busy, setBusy] = useState<null | "theirs" | "mine" | "merged">(null);
  const { theirs } = conflict;
  const edited = merged !== conflict.mine;

  async function act(kind: "theirs" | "mine" | "merged") {
    setBusy(kind);
    try {
      if (kind === "theirs") {
        await tabs.reload(conflict.tabId, theirs.content === null ? undefined : { version: theirs.version, content: theirs.content });
        tabs.setConflict(null);
        return;
      }
      // A newer version still may have landed meanwhile: save() then opens this dialog afresh.
      tabs.setConflict(null);
      await tabs.save(conflict.tabId, { content: kind === "mine" ? conflict.mine : merged, baseVersion: theirs.version });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && !busy && tabs.setConflict(null)}>
      <DialogContent className="flex h-[85dvh] max-w-[calc(100%-2rem)] flex-col gap-4 sm:max-w-6xl">
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <GitMerge className="size-5 text-amber-600" aria-hidden />
            {conflict.path} changed while you were editing
          </DialogTitle>
          <DialogDescription>{conflict.message}</DialogDescription>
        </DialogHeader>
        <div className="grid grid-cols-2 gap-2 text-xs font-medium text-muted-foreground">
          <span>
            Theirs: version {theirs.version}, saved by {theirs.updatedBy} at <LocalTime date={theirs.updatedAt} />
          </span>
          <span>Yours{edited ? " (merged: edit here)" : " (edit here to merge)"}</span>
        </div>
        <div className="min-h-0 flex-1 overflow-hidden rounded-md border border-border" data-testid="conflict-diff">
          {monaco && theirs.content !== null ? (
            <DiffView
              monaco={monaco}
              original={theirs.content}
              modified={conflict.mine}
              language={languageOf(conflict.path)}
              theme={theme}
              modifiedEditable
              onModifiedChange={setMerged}
            />
          ) : (
            <p className="p-4 text-sm text-muted-foreground">Their version is not text, so it cannot be shown side by side.</p>
          )}
        </div>
        <DialogFooter className="gap-2 sm:justify-between">
          <Button variant="outline" onClick={() => void act("theirs")} disabled={busy !== null}>
            {busy === "theirs" ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Take theirs (version {theirs.version})
          </Button>
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button variant="outline" onClick={() => void act("mine")} disabled={busy !== null}>
              {busy === "mine" ? <Loader2 className="animate-spin" aria-hidden /> : null}
              Keep mine (save as version {theirs.version + 1})
            </Button>
            <Button onClick={() => void act("merged")} disabled={busy !== null || !edited}>
              {busy === "merged" ? <Loader2 className="animate-spin" aria-hidden /> : null}
              Save merged
            </Button>
          </div>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
