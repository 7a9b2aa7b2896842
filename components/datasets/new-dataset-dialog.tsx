"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/trpc";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import { datasetHref } from "./paths";

/** "New dataset": a name, a store and where on it (bucket and folder). */
export function NewDatasetDialog({ projectSlug }: { projectSlug: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New dataset
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New dataset</DialogTitle>
          <DialogDescription>A folder on one of the lab’s stores, shared with everyone in this project. Nothing is copied.</DialogDescription>
        </DialogHeader>
        {open ? <NewDatasetForm projectSlug={projectSlug} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function NewDatasetForm({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const stores = useQuery(trpc.datasets.stores.list.queryOptions());
  const [form, setForm] = useState({ name: "", description: "", storeId: "", bucket: "", prefix: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const storeId = form.storeId || (stores.data?.length === 1 ? stores.data[0]!.id : "");
  const store = stores.data?.find((s) => s.id === storeId);
  const create = useMutation(
    trpc.datasets.create.mutationOptions({
      onSuccess: async (d) => {
        toast.success(`Created ${d.name}`);
        await queryClient.invalidateQueries({ queryKey: trpc.datasets.list.queryKey({ projectSlug }) });
        router.push(datasetHref(projectSlug, d.name));
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
    if (!form.name.trim()) missing.name = ["is required"];
    if (!storeId) missing.storeId = ["is required"];
    if (!form.bucket.trim()) missing.bucket = ["is required"];
    if (Object.keys(missing).length) return setErrors(missing);
    create.mutate({ projectSlug, ...form, name: form.name.trim(), storeId, bucket: form.bucket.trim(), prefix: form.prefix.trim() });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <Field label="Name" errors={errors.name} hint="Lowercase letters, digits, - and _. Jobs see it as BENCHTOP_DATASET_<NAME>.">
        <Input value={form.name} onChange={(e) => set("name")(e.target.value.toLowerCase())} placeholder="imagenet-mini" className="font-mono" autoFocus maxLength={63} spellCheck={false} />
      </Field>
      <Select value={storeId} onValueChange={set("storeId")}>
        <Field
          label="Store"
          errors={errors.storeId}
          hint={stores.data?.length === 0 ? "No store is registered yet. A lab admin adds them under Settings → Data stores." : store?.kind === "local" ? "A folder on the Benchtop server." : undefined}
        >
          <SelectTrigger disabled={!stores.data?.length}>
            <SelectValue placeholder={stores.isPending ? "Loading stores…" : "Choose a store"} />
          </SelectTrigger>
        </Field>
        <SelectContent>
          {stores.data?.map((s) => (
            <SelectItem key={s.id} value={s.id}>
              {s.name} <span className="text-muted-foreground">· {s.kind === "s3" ? ("endpoint" in s && s.endpoint ? s.endpoint : "S3") : "local folder"}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Bucket" errors={errors.bucket} hint={store?.kind === "local" ? "A subfolder of the store." : undefined}>
          <Input value={form.bucket} onChange={(e) => set("bucket")(e.target.value)} placeholder="lab-data" className="font-mono" spellCheck={false} maxLength={63} />
        </Field>
        <Field label="Folder in the bucket" errors={errors.prefix} hint="Empty for the whole bucket.">
          <Input value={form.prefix} onChange={(e) => set("prefix")(e.target.value)} placeholder="imaging/2026/" className="font-mono" spellCheck={false} maxLength={512} />
        </Field>
      </div>
      <Field label="Description" errors={errors.description}>
        <Textarea value={form.description} onChange={(e) => set("description")(e.target.value)} placeholder="What is in it, where it came from (optional)" rows={2} maxLength={2000} />
      </Field>
      <DialogFormFooter className="pt-1" pending={create.isPending}>
        Create dataset
      </DialogFormFooter>
    </form>
  );
}
