"use client";
// A save refused because someone saved a newer version. The person's cells are never dropped:
// they may keep theirs as a newer version, download them, or (knowingly) load the other version.
import { Download, GitMerge, Loader2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

export type TSaveConflict = { message: string; theirVersion: number | null; mine: string };

type Props = { path: string; conflict: TSaveConflict; onKeepMine: () => Promise<void>; onLoadTheirs: () => Promise<void>; onClose: () => void };

export function SaveConflictDialog({ path, conflict, onKeepMine, onLoadTheirs, onClose }: Props) {
  const [busy, setBusy] = useState<null | "mine" | "theirs">(null);
  const name = path.split("/").pop() ?? path;

  async function act(kind: "mine" | "theirs") {
    setBusy(kind);
    try {
      await (kind === "mine" ? onKeepMine() : onLoadTheirs());
    } finally {
      setBusy(null);
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([conflict.mine], { type: "application/x-ipynb+json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name.replace(/\.ipynb$/i, "") + " (mine).ipynb";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <Dialog open onOpenChange={(open) => !open && !busy && onClose()}>
      <DialogContent className="sm:max-w-lg" data-testid="save-conflict">
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <GitMerge className="size-5 text-amber-600" aria-hidden />
            {name} changed while you were editing
          </DialogTitle>
          <DialogDescription>{conflict.message}</DialogDescription>
        </DialogHeader>
        <p className="text-sm text-muted-foreground">
          Your cells are still here. Save them as the newest version{conflict.theirVersion !== null ? ` (after version ${conflict.theirVersion}, which stays in the history)` : ""}.
          Loading theirs replaces your cells on this page: download yours first to keep them.
        </p>
        <DialogFooter className="gap-2 sm:justify-between">
          <Button variant="ghost" onClick={download} disabled={busy !== null}>
            <Download aria-hidden /> Download mine
          </Button>
          <div className="flex gap-2">
            <Button variant="outline" onClick={() => void act("theirs")} disabled={busy !== null}>
              {busy === "theirs" ? <Loader2 className="animate-spin" aria-hidden /> : null} Load theirs
            </Button>
            <Button onClick={() => void act("mine")} disabled={busy !== null}>
              {busy === "mine" ? <Loader2 className="animate-spin" aria-hidden /> : null} Save mine as new version
            </Button>
          </div>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
