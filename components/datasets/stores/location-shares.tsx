"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FolderLock, Share2, Trash2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LoadError, LoadingRows } from "@/components/ui/list-states";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/trpc";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import type { TDataStoreView, TLocationShare } from "../types";

/**
 * Lab admins' shares: a dataset's location belongs to one project, and a share lets another
 * project add datasets in that folder too. Revoking is refused while its datasets need it.
 */
export function LocationShares({ stores }: { stores: TDataStoreView[] }) {
  const trpc = useTRPC();
  const shares = useQuery(trpc.datasets.stores.shares.list.queryOptions({}));
  return (
    <section aria-labelledby="shares-heading" className="space-y-3 pt-4">
      <div className="space-y-1">
        <h2 id="shares-heading" className="flex items-center gap-2 text-base font-semibold">
          <FolderLock className="size-4 text-muted-foreground" aria-hidden />
          Shared locations
        </h2>
        <p className="max-w-3xl text-sm text-muted-foreground">
          A folder of a store belongs to the project whose dataset covers it first; another project’s dataset over it, or over a folder above or
          inside it, is refused. Share a folder with a project to let it add datasets there too.
        </p>
      </div>
      <ShareForm stores={stores} />
      {shares.isPending ? (
        <LoadingRows rows={1} className="h-10" />
      ) : shares.isError ? (
        <LoadError what="The shared locations" />
      ) : shares.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">No location is shared: every dataset’s folder belongs to its own project.</p>
      ) : (
        <div className="overflow-hidden rounded-xl border border-border bg-card shadow-xs">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Location</TableHead>
                <TableHead>Shared with</TableHead>
                <TableHead className="hidden md:table-cell">By</TableHead>
                <TableHead className="w-10">
                  <span className="sr-only">Revoke</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shares.data.map((s) => (
                <ShareRow key={s.id} share={s} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

const where = (s: TLocationShare) => `${s.store.name}: ${s.bucket}/${s.prefix}`;

function ShareRow({ share }: { share: TLocationShare }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(trpc.datasets.stores.shares.revoke.mutationOptions());
  return (
    <TableRow>
      <TableCell className="max-w-72 truncate font-mono text-xs">{where(share)}</TableCell>
      <TableCell className="text-sm">
        {share.project.name} <span className="font-mono text-xs text-muted-foreground">{share.project.slug}</span>
      </TableCell>
      <TableCell className="hidden text-xs text-muted-foreground md:table-cell">
        {share.grantedBy ? (share.grantedBy.name ?? share.grantedBy.email) : "—"}, <RelativeTime date={share.createdAt} />
      </TableCell>
      <TableCell>
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="icon-sm" aria-label={`Stop sharing ${where(share)} with ${share.project.name}`}>
              <Trash2 aria-hidden />
            </Button>
          }
          title={`Stop sharing ${where(share)}?`}
          description={`${share.project.name} can no longer add datasets there. Refused while its datasets there need the share.`}
          confirmLabel="Stop sharing"
          destructive
          onConfirm={async () => {
            try {
              await revoke.mutateAsync({ id: share.id });
              toast.success(`Stopped sharing ${where(share)}`);
              await queryClient.invalidateQueries({ queryKey: trpc.datasets.stores.shares.list.queryKey() });
            } catch (error) {
              toast.error(errorMessageOf(error));
              throw error;
            }
          }}
        />
      </TableCell>
    </TableRow>
  );
}

function ShareForm({ stores }: { stores: TDataStoreView[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ storeId: stores.length === 1 ? stores[0]!.id : "", bucket: "", prefix: "", projectSlug: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const share = useMutation(
    trpc.datasets.stores.shares.create.mutationOptions({
      onSuccess: async (s) => {
        toast.success(`Shared ${where(s)} with ${s.project.name}`);
        setForm((f) => ({ ...f, bucket: "", prefix: "", projectSlug: "" }));
        await queryClient.invalidateQueries({ queryKey: trpc.datasets.stores.shares.list.queryKey() });
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        toast.error(errorMessageOf(error));
      },
    }),
  );
  const set = (field: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => clearField(e, field));
  };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!form.storeId) missing.storeId = ["is required"];
    if (!form.bucket.trim()) missing.bucket = ["is required"];
    if (!form.projectSlug.trim()) missing.projectSlug = ["is required"];
    if (Object.keys(missing).length) return setErrors(missing);
    share.mutate({ storeId: form.storeId, bucket: form.bucket.trim(), prefix: form.prefix.trim(), projectSlug: form.projectSlug.trim() });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 rounded-xl border border-border bg-card p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-[10rem_1fr_1fr_10rem_auto] lg:items-end">
      <Select value={form.storeId} onValueChange={set("storeId")}>
        <Field label="Store" errors={errors.storeId}>
          <SelectTrigger>
            <SelectValue placeholder="Choose" />
          </SelectTrigger>
        </Field>
        <SelectContent>
          {stores.map((s) => (
            <SelectItem key={s.id} value={s.id}>
              {s.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Field label="Bucket" errors={errors.bucket}>
        <Input value={form.bucket} onChange={(e) => set("bucket")(e.target.value)} placeholder="lab-data" className="font-mono" spellCheck={false} maxLength={63} />
      </Field>
      <Field label="Folder" errors={errors.prefix}>
        <Input value={form.prefix} onChange={(e) => set("prefix")(e.target.value)} placeholder="imaging/2026/ (empty: the bucket)" className="font-mono" spellCheck={false} maxLength={512} />
      </Field>
      <Field label="Project (slug)" errors={errors.projectSlug}>
        <Input value={form.projectSlug} onChange={(e) => set("projectSlug")(e.target.value)} placeholder="genomics" className="font-mono" spellCheck={false} />
      </Field>
      <Button type="submit" disabled={share.isPending}>
        <Share2 aria-hidden />
        Share
      </Button>
    </form>
  );
}
