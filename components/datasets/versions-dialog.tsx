"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { GitCompareArrows, History, Snowflake } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { LoadError, LoadingRows } from "@/components/ui/list-states";
import { RelativeTime } from "@/components/ui/relative-time";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { formatBytes } from "@/lib/format-bytes";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import type { TSnapshotDiff } from "./types";

type Ref = { projectSlug: string; dataset: string };

/** "Freeze version": records the dataset's keys and ETags now, with a note. */
export function FreezeVersionDialog({ projectSlug, dataset }: Ref) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const freeze = useMutation(
    trpc.datasets.snapshots.create.mutationOptions({
      onSuccess: async (s) => {
        toast.success(`Froze version ${s.version}: ${s.objectCount.toLocaleString("en-US")} objects, ${formatBytes(s.totalBytes)}`);
        setOpen(false);
        setNote("");
        await queryClient.invalidateQueries({ queryKey: trpc.datasets.snapshots.list.queryKey({ projectSlug, dataset }) });
        await queryClient.invalidateQueries({ queryKey: trpc.datasets.get.queryKey({ projectSlug, dataset }) });
        await queryClient.invalidateQueries({ queryKey: trpc.datasets.list.queryKey({ projectSlug }) });
      },
      onError: (error) => toast.error(errorMessageOf(error)),
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    freeze.mutate({ projectSlug, dataset, note: note.trim() });
  }
  return (
    <Dialog open={open} onOpenChange={(o) => !freeze.isPending && setOpen(o)}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Snowflake aria-hidden />
          Freeze version
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Freeze a version of {dataset}</DialogTitle>
          <DialogDescription>
            Records every key, size and ETag as they are now. A job can pin this version, and a re-run later reads exactly the same objects or
            says what changed.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4">
          <Field label="Note" hint="What this version is, e.g. “cleaned labels, before augmentation”. Optional.">
            <Textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} autoFocus />
          </Field>
          <DialogFormFooter pending={freeze.isPending} cancelDisabled={freeze.isPending} icon={<Snowflake aria-hidden />}>
            {freeze.isPending ? "Listing every object…" : "Freeze version"}
          </DialogFormFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The dataset's versions, newest first, each comparable with the dataset as it is now. */
export function VersionsDialog({ projectSlug, dataset, latest }: Ref & { latest: number | null }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [compare, setCompare] = useState<number | null>(null);
  const versions = useQuery({ ...trpc.datasets.snapshots.list.queryOptions({ projectSlug, dataset }), enabled: open });
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setCompare(null))}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <History aria-hidden />
          Versions
          {latest ? <span className="rounded bg-muted px-1 font-mono text-[11px] text-muted-foreground">v{latest}</span> : null}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Versions of {dataset}</DialogTitle>
          <DialogDescription>Each version is the list of keys, sizes and ETags at the moment it was frozen.</DialogDescription>
        </DialogHeader>
        {versions.isPending ? (
          <LoadingRows rows={3} className="h-12" />
        ) : versions.isError ? (
          <LoadError what="The versions" />
        ) : versions.data.length === 0 ? (
          <EmptyState icon={History} title="No versions yet">
            Freeze a version before a run whose results you want to reproduce.
          </EmptyState>
        ) : (
          <ul className="max-h-[55dvh] divide-y divide-border overflow-y-auto rounded-lg border border-border">
            {versions.data.map((v) => (
              <li key={v.id} className="space-y-2 px-4 py-3">
                <div className="flex items-start gap-3">
                  <span className="mt-0.5 rounded-md bg-primary/10 px-1.5 py-0.5 font-mono text-xs font-semibold text-primary">v{v.version}</span>
                  <div className="min-w-0 flex-1">
                    <p className={cn("text-sm", !v.note && "text-muted-foreground italic")}>{v.note || "No note"}</p>
                    <p className="text-xs text-muted-foreground">
                      {v.objectCount.toLocaleString("en-US")} objects · {formatBytes(v.totalBytes)} · <RelativeTime date={v.createdAt} />
                      {v.createdBy ? ` · ${v.createdBy.name ?? v.createdBy.email}` : ""}
                    </p>
                  </div>
                  <Button
                    variant={compare === v.version ? "secondary" : "ghost"}
                    size="sm"
                    onClick={() => setCompare((c) => (c === v.version ? null : v.version))}
                    aria-expanded={compare === v.version}
                  >
                    <GitCompareArrows aria-hidden />
                    Compare with now
                  </Button>
                </div>
                {compare === v.version ? <DiffWithNow projectSlug={projectSlug} dataset={dataset} version={v.version} /> : null}
              </li>
            ))}
          </ul>
        )}
      </DialogContent>
    </Dialog>
  );
}

function DiffWithNow({ projectSlug, dataset, version }: Ref & { version: number }) {
  const trpc = useTRPC();
  const diff = useQuery(trpc.datasets.snapshots.diff.queryOptions({ projectSlug, dataset, from: version, to: "live", limit: 50 }));
  if (diff.isPending) return <LoadingRows rows={1} className="h-16" />;
  if (diff.isError) return <p className="text-sm text-destructive">{errorMessageOf(diff.error, "The comparison could not be made.")}</p>;
  const d = diff.data;
  if (d.added.count + d.removed.count + d.changed.count === 0) {
    return <p className="rounded-md bg-success/10 px-3 py-2 text-sm text-success">Unchanged: the dataset holds exactly what version {version} recorded.</p>;
  }
  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <DiffPart label="Added since" part={d.added} tone="text-success" sign="+" />
      <DiffPart label="Removed since" part={d.removed} tone="text-destructive" sign="−" />
      <DiffPart label="Changed since" part={d.changed} tone="text-warning" sign="~" />
    </div>
  );
}

function DiffPart({ label, part, tone, sign }: { label: string; part: TSnapshotDiff["added"]; tone: string; sign: string }) {
  return (
    <div className="min-w-0 rounded-md border border-border p-2.5">
      <p className="text-xs text-muted-foreground">
        {label} <span className={cn("font-mono font-semibold", tone)}>{part.count.toLocaleString("en-US")}</span>
      </p>
      {part.keys.length > 0 ? (
        <ul className="mt-1.5 max-h-40 space-y-0.5 overflow-y-auto font-mono text-[11px]">
          {part.keys.map((k) => (
            <li key={k} className="truncate" title={k}>
              <span className={tone}>{sign}</span> {k}
            </li>
          ))}
          {part.count > part.keys.length ? <li className="text-muted-foreground">and {(part.count - part.keys.length).toLocaleString("en-US")} more</li> : null}
        </ul>
      ) : (
        <p className="mt-1.5 text-[11px] text-muted-foreground">None</p>
      )}
    </div>
  );
}
