"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Cloud, HardDrive, Lock } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { DialogFormFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { ChoiceCard } from "@/components/ui/choice-card";
import { useTRPC } from "@/components/trpc/trpc";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import type { TDataStore } from "../types";

type Kind = "local" | "s3";

/** Add or edit a store. The secret key is write-only: an edit shows only that one is stored. */
export function StoreForm({ store, onDone }: { store?: TDataStore; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathStyleId = useId();
  const clearId = useId();
  const [kind, setKind] = useState<Kind>(store?.kind ?? "s3");
  const [f, setF] = useState({
    name: store?.name ?? "",
    localRoot: store?.localRoot ?? "",
    endpoint: store?.endpoint ?? "",
    region: store?.region ?? "us-east-1",
    accessKeyId: "",
    secretAccessKey: "",
    testBucket: "",
  });
  const [forcePathStyle, setForcePathStyle] = useState(store?.forcePathStyle ?? true);
  const [clearCredentials, setClearCredentials] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const set = (field: keyof typeof f) => (e: { target: { value: string } }) => {
    setF((prev) => ({ ...prev, [field]: e.target.value }));
    setErrors((prev) => clearField(prev, field));
    setRefusal(null);
  };
  const done = async (s: TDataStore, verb: string) => {
    toast.success(`${verb} ${s.name}`);
    await queryClient.invalidateQueries({ queryKey: trpc.datasets.stores.list.queryKey() });
    onDone();
  };
  const fail = (error: unknown) => {
    const fields = fieldErrorsOf(error);
    setErrors(fields);
    // A store that does not answer or refuses the key: its sentence stays in the form, beside the fields.
    if (Object.keys(fields).length === 0) setRefusal(errorMessageOf(error));
    else toast.error(errorMessageOf(error));
  };
  const create = useMutation(trpc.datasets.stores.create.mutationOptions({ onSuccess: (s) => done(s, "Added"), onError: fail }));
  const update = useMutation(trpc.datasets.stores.update.mutationOptions({ onSuccess: (s) => done(s, "Saved"), onError: fail }));
  const pending = create.isPending || update.isPending;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!f.name.trim()) missing.name = ["is required"];
    if (kind === "local" && !f.localRoot.trim()) missing.localRoot = ["is required"];
    if (kind === "s3" && Boolean(f.accessKeyId) !== Boolean(f.secretAccessKey)) {
      missing[f.accessKeyId ? "secretAccessKey" : "accessKeyId"] = ["is required with the other key"];
    }
    if (!store && kind === "s3" && !f.accessKeyId && !f.endpoint.trim()) missing.accessKeyId = ["is required for AWS"];
    if (Object.keys(missing).length) return setErrors(missing);
    setRefusal(null);
    const s3 = {
      endpoint: f.endpoint.trim() || null,
      region: f.region.trim() || "us-east-1",
      forcePathStyle,
      accessKeyId: f.accessKeyId || undefined,
      secretAccessKey: f.secretAccessKey || undefined,
      testBucket: f.testBucket.trim() || undefined,
    };
    const fields = kind === "local" ? { localRoot: f.localRoot.trim() } : s3;
    if (store) update.mutate({ id: store.id, name: f.name.trim(), ...fields, clearCredentials: clearCredentials || undefined });
    else create.mutate({ kind, name: f.name.trim(), ...fields });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {store ? null : (
        <div role="radiogroup" aria-label="Kind of store" className="grid grid-cols-2 gap-2">
          <ChoiceCard on={kind === "s3"} onPick={() => setKind("s3")} icon={Cloud} title="S3-compatible" text="AWS S3, MinIO, Ceph, R2…" />
          <ChoiceCard on={kind === "local"} onPick={() => setKind("local")} icon={HardDrive} title="Local folder" text="A folder on this server" />
        </div>
      )}
      <Field label="Name" errors={errors.name} hint="Lowercase letters, digits, - and _, e.g. lab-minio.">
        <Input value={f.name} onChange={set("name")} placeholder={kind === "s3" ? "lab-minio" : "local"} className="font-mono" autoFocus maxLength={64} spellCheck={false} />
      </Field>
      {kind === "local" ? (
        <Field label="Folder" errors={errors.localRoot} hint="An absolute path on the Benchtop server. Each dataset’s bucket is a subfolder.">
          <Input value={f.localRoot} onChange={set("localRoot")} placeholder="/srv/benchtop/data" className="font-mono" spellCheck={false} />
        </Field>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_9rem] sm:items-start">
            <Field label="Endpoint" errors={errors.endpoint} hint="Empty for AWS itself.">
              <Input value={f.endpoint} onChange={set("endpoint")} placeholder="https://minio.lab.example:9000" className="font-mono" spellCheck={false} />
            </Field>
            <Field label="Region" errors={errors.region}>
              <Input value={f.region} onChange={set("region")} className="font-mono" spellCheck={false} />
            </Field>
          </div>
          <div className="flex items-start gap-2.5">
            <Switch id={pathStyleId} checked={forcePathStyle} onCheckedChange={setForcePathStyle} aria-describedby={`${pathStyleId}-hint`} className="mt-0.5" />
            <div className="grid gap-0.5">
              <Label htmlFor={pathStyleId}>Path-style addresses</Label>
              <p id={`${pathStyleId}-hint`} className="text-xs text-muted-foreground">
                https://host/bucket/key rather than https://bucket.host/key. MinIO and most self-hosted stores need it.
              </p>
            </div>
          </div>
          <fieldset className="grid gap-3 rounded-lg border border-border p-3">
            <legend className="flex items-center gap-1.5 px-1 text-xs font-medium text-muted-foreground">
              <Lock className="size-3" aria-hidden />
              Credentials, encrypted at rest, never shown again
            </legend>
            {store?.hasCredentials ? (
              <p className="text-xs text-muted-foreground">
                A key ending in <code className="font-mono text-foreground">{store.accessKeyIdHint ?? "…"}</code> is stored. Leave both fields empty to keep it.
              </p>
            ) : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Access key ID" errors={errors.accessKeyId}>
                <Input value={f.accessKeyId} onChange={set("accessKeyId")} className="font-mono" autoComplete="off" spellCheck={false} disabled={clearCredentials} />
              </Field>
              <Field label="Secret access key" errors={errors.secretAccessKey}>
                <Input type="password" value={f.secretAccessKey} onChange={set("secretAccessKey")} className="font-mono" autoComplete="new-password" disabled={clearCredentials} />
              </Field>
            </div>
            {store?.hasCredentials ? (
              <div className="flex items-start gap-2.5">
                <Switch id={clearId} checked={clearCredentials} onCheckedChange={setClearCredentials} className="mt-0.5" />
                <div className="grid gap-0.5">
                  <Label htmlFor={clearId}>Remove the stored key</Label>
                  <p className="text-xs text-muted-foreground">For anonymous access, or an instance role on AWS.</p>
                </div>
              </div>
            ) : null}
          </fieldset>
          <Field label="Bucket to check" errors={errors.testBucket} hint="Optional: if the key may not list buckets, Benchtop checks this one instead.">
            <Input value={f.testBucket} onChange={set("testBucket")} placeholder="lab-data" className="font-mono" spellCheck={false} />
          </Field>
        </>
      )}
      {refusal ? (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          {refusal}
        </p>
      ) : null}
      <DialogFormFooter className="pt-1" pending={pending}>
        {pending ? "Checking the store…" : store ? "Save" : "Add store"}
      </DialogFormFooter>
    </form>
  );
}

