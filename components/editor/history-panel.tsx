"use client";
// A file's saved versions: pick one to see what it changed (against the version before it, or
// against the current one), and restore it as a new version.
import { useQuery } from "@tanstack/react-query";
import { History, Loader2, RotateCcw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useConfirm } from "@/components/ui/use-confirm";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { LocalTime } from "@/components/ui/local-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/cn";
import { formatBytes } from "@/lib/format-bytes";
import { useTRPC, useTRPCClient } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import { DiffView } from "./diff-view";
import { languageOf } from "./languages";
import type { EditorTabs, Tab } from "./use-editor-tabs";
import type { MonacoApi } from "./use-monaco";

type Props = { projectSlug: string; tab: Tab; tabs: EditorTabs; monaco: MonacoApi | null; theme: "vs" | "vs-dark"; canEdit: boolean; onClose: () => void };

export function HistoryPanel({ projectSlug, tab, tabs, monaco, theme, canEdit, onClose }: Props) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const history = useQuery(trpc.files.history.queryOptions({ projectSlug, path: tab.path }));
  const [picked, setPicked] = useState<number | null>(null);
  const [against, setAgainst] = useState<"previous" | "current">("previous");
  const versions = history.data ?? [];
  const selected = picked ?? versions[0]?.version ?? null;
  const base = against === "current" ? (versions[0]?.version ?? null) : selected !== null && selected > 1 ? selected - 1 : null;
  const left = useQuery({ ...trpc.files.version.queryOptions({ projectSlug, path: tab.path, version: base ?? 1 }), enabled: base !== null });
  const right = useQuery({ ...trpc.files.version.queryOptions({ projectSlug, path: tab.path, version: selected ?? 1 }), enabled: selected !== null });
  const [restoring, setRestoring] = useState(false);
  const [confirm, confirmDialog] = useConfirm();

  async function restore(version: number) {
    if (
      tab.dirty &&
      !(await confirm({
        title: `Restore version ${version} of ${tab.path}?`,
        description: "Your unsaved changes in this tab are replaced by that version (saved as the newest one).",
        confirmLabel: `Restore version ${version}`,
        destructive: true,
      }))
    )
      return;
    setRestoring(true);
    try {
      const saved = await client.files.restore.mutate({ projectSlug, path: tab.path, version, baseVersion: tab.version });
      await tabs.reload(tab.id);
      toast.success(`Restored version ${version} as version ${saved.version}.`);
      await history.refetch();
      setPicked(saved.version);
    } catch (e) {
      toast.error(errorMessageOf(e, "The version could not be restored."));
    } finally {
      setRestoring(false);
    }
  }

  const loadingDiff = (base !== null && left.isPending) || right.isPending;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="flex h-[85dvh] max-w-[calc(100%-2rem)] flex-col gap-4 sm:max-w-6xl">
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <History className="size-5 text-muted-foreground" aria-hidden />
            History of {tab.path}
          </DialogTitle>
          <DialogDescription>Every save is kept. Restoring an old version saves it again as the newest one.</DialogDescription>
        </DialogHeader>
        <div className="grid min-h-0 flex-1 grid-cols-[240px_minmax(0,1fr)] gap-4">
          <ol aria-label="Versions" className="min-h-0 overflow-y-auto rounded-md border border-border">
            {history.isPending ? <li className="p-3 text-sm text-muted-foreground">Loading versions…</li> : null}
            {history.error ? <li className="p-3 text-sm text-destructive">{errorMessageOf(history.error)}</li> : null}
            {versions.map((v) => (
              <li key={v.version}>
                <button
                  type="button"
                  onClick={() => setPicked(v.version)}
                  aria-current={v.version === selected ? "true" : undefined}
                  className={cn(
                    "w-full border-b border-border px-3 py-2 text-left text-sm outline-none hover:bg-accent focus-visible:bg-accent",
                    v.version === selected && "bg-accent",
                  )}
                >
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="font-medium">Version {v.version}</span>
                    <span className="text-xs text-muted-foreground">{formatBytes(v.sizeBytes)}</span>
                  </span>
                  <span className="block truncate text-xs text-muted-foreground">
                    {v.createdBy ? (v.createdBy.name ?? v.createdBy.email) : "Unknown"} · <RelativeTime date={v.createdAt} />
                  </span>
                  {v.path !== tab.path ? <span className="block truncate text-xs text-muted-foreground">as {v.path}</span> : null}
                </button>
              </li>
            ))}
          </ol>
          <div className="flex min-h-0 flex-col gap-2">
            {selected !== null ? (
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <div className="flex items-center gap-1 rounded-md bg-muted p-0.5 text-xs" role="group" aria-label="Compare with">
                  {(["previous", "current"] as const).map((k) => (
                    <button
                      key={k}
                      type="button"
                      aria-pressed={against === k}
                      onClick={() => setAgainst(k)}
                      className={cn("rounded px-2 py-1", against === k ? "bg-background shadow-xs" : "text-muted-foreground")}
                    >
                      {k === "previous" ? "Changes in this version" : "Compared with the newest"}
                    </button>
                  ))}
                </div>
                <span className="text-xs text-muted-foreground">
                  {base !== null ? `Version ${base} → version ${selected}` : `Version ${selected} (the first)`}
                  {right.data ? (
                    <>
                      {" · "}
                      <LocalTime date={right.data.createdAt} />
                    </>
                  ) : null}
                </span>
                {canEdit && selected !== versions[0]?.version ? (
                  <Button size="sm" variant="outline" onClick={() => void restore(selected)} disabled={restoring}>
                    {restoring ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />}
                    Restore version {selected}
                  </Button>
                ) : null}
              </div>
            ) : null}
            <div className="min-h-0 flex-1 overflow-hidden rounded-md border border-border" data-testid="history-diff">
              {loadingDiff || !monaco ? (
                <p className="p-4 text-sm text-muted-foreground">Loading…</p>
              ) : right.data && right.data.content !== null && (base === null || left.data?.content != null) ? (
                <DiffView
                  monaco={monaco}
                  original={base === null ? "" : (left.data?.content ?? "")}
                  modified={right.data.content}
                  language={languageOf(tab.path)}
                  theme={theme}
                />
              ) : (
                <p className="p-4 text-sm text-muted-foreground">This version is not text, so there is no line diff to show.</p>
              )}
            </div>
          </div>
        </div>
      </DialogContent>
      {confirmDialog}
    </Dialog>
  );
}
