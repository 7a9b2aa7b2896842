"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Cloud, HardDrive, Loader2, Pencil, Plus, PlugZap, Trash2, XCircle } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, LoadingRows } from "@/components/ui/list-states";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import { isFullStore, type TDataStore, type TDataStoreView } from "../types";
import { LocationShares } from "./location-shares";
import { StoreForm } from "./store-form";

/** The lab's data stores. Lab directors and admins add, test, edit and delete; others only see them. */
export function StoresAdmin({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const stores = useQuery(trpc.datasets.stores.list.queryOptions());
  const [editing, setEditing] = useState<TDataStore | "new" | null>(null);
  const addButton = (
    <Button onClick={() => setEditing("new")}>
      <Plus aria-hidden />
      Add store
    </Button>
  );
  return (
    <div className="space-y-4">
      {canManage && stores.data?.length ? <div className="flex justify-end">{addButton}</div> : null}
      {stores.isPending ? (
        <LoadingRows rows={2} className="h-20" />
      ) : stores.isError ? (
        <LoadError what="The stores" />
      ) : stores.data.length === 0 ? (
        <EmptyState icon={Cloud} title="No data stores yet" action={canManage ? addButton : null}>
          A store is where datasets live: an S3-compatible service (AWS, MinIO, Ceph, R2) or a folder on this server.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {stores.data.map((s) => (
            <StoreCard key={s.id} store={s} canManage={canManage && isFullStore(s)} onEdit={() => isFullStore(s) && setEditing(s)} />
          ))}
        </ul>
      )}
      {canManage && stores.data?.length ? <LocationShares stores={stores.data} /> : null}
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent className="sm:max-w-xl">
          <DialogHeader>
            <DialogTitle>{editing === "new" ? "Add a data store" : `Edit ${editing?.name ?? ""}`}</DialogTitle>
            <DialogDescription>Benchtop checks that it can reach the store with these settings before saving them.</DialogDescription>
          </DialogHeader>
          {editing ? <StoreForm store={editing === "new" ? undefined : editing} onDone={() => setEditing(null)} /> : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}

function StoreCard({ store, canManage, onEdit }: { store: TDataStoreView; canManage: boolean; onEdit: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const test = useMutation(
    trpc.datasets.stores.test.mutationOptions({
      onSuccess: setResult,
      onError: (error) => setResult({ ok: false, message: errorMessageOf(error) }),
    }),
  );
  const remove = useMutation(trpc.datasets.stores.delete.mutationOptions());
  const Icon = store.kind === "s3" ? Cloud : HardDrive;
  // External collaborators get a store's name and kind only: no folder, endpoint or key.
  const facts: [string, string][] = !isFullStore(store)
    ? []
    : store.kind === "local"
      ? [["Folder", store.localRoot ?? "—"]]
      : [
          ["Endpoint", store.endpoint ?? "AWS S3"],
          ["Region", store.region],
          ["Addressing", store.forcePathStyle ? "path-style" : "virtual-hosted"],
          ["Key", store.hasCredentials ? `…${(store.accessKeyIdHint ?? "").replace(/^…/, "")}` : "none (anonymous or instance role)"],
        ];
  return (
    <li className="rounded-xl border border-border bg-card p-4 shadow-xs">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-muted text-muted-foreground">
          <Icon className="size-4.5" aria-hidden />
        </span>
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-mono text-sm font-semibold">{store.name}</h3>
            <Badge variant="outline">{store.kind === "s3" ? "S3-compatible" : "Local folder"}</Badge>
            {isFullStore(store) ? (
              <span className="text-xs text-muted-foreground">
                {store.datasetCount} {store.datasetCount === 1 ? "dataset" : "datasets"}
              </span>
            ) : null}
          </div>
          {facts.length ? <dl className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="truncate font-mono">{v}</dd>
              </div>
            ))}
          </dl> : null}
          {result ? (
            <p role="status" className={`flex items-start gap-1.5 text-sm ${result.ok ? "text-success" : "text-destructive"}`}>
              {result.ok ? <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden /> : <XCircle className="mt-0.5 size-4 shrink-0" aria-hidden />}
              {result.message}
            </p>
          ) : null}
        </div>
        {canManage ? (
          <div className="flex shrink-0 gap-1.5">
            <Button variant="outline" size="sm" onClick={() => test.mutate({ id: store.id })} disabled={test.isPending}>
              {test.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <PlugZap aria-hidden />}
              Test
            </Button>
            <Button variant="outline" size="sm" onClick={onEdit}>
              <Pencil aria-hidden />
              Edit
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="icon-sm" aria-label={`Delete ${store.name}`} disabled={!isFullStore(store) || store.datasetCount > 0} title={isFullStore(store) && store.datasetCount > 0 ? "Datasets still use this store" : undefined}>
                  <Trash2 aria-hidden />
                </Button>
              }
              title={`Delete the store ${store.name}?`}
              description="Benchtop forgets its settings and credentials. The data in the store itself is not touched."
              confirmLabel="Delete store"
              destructive
              onConfirm={async () => {
                try {
                  await remove.mutateAsync({ id: store.id });
                  toast.success(`Deleted ${store.name}`);
                  await queryClient.invalidateQueries({ queryKey: trpc.datasets.stores.list.queryKey() });
                } catch (error) {
                  toast.error(errorMessageOf(error));
                  throw error;
                }
              }}
            />
          </div>
        ) : null}
      </div>
    </li>
  );
}
