"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Loader2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/trpc";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import { NewTokenDialog } from "./new-token-dialog";

const EXPIRY = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "never", label: "Never" },
] as const;

export function CreateTokenForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<string>("90");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async ({ token, apiToken }) => {
        setCreated({ token, name: apiToken.name });
        setName("");
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        toast.error(errorMessageOf(error));
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: ["is required"] });
    setErrors({});
    create.mutate({ name: name.trim(), expiresInDays: expiry === "never" ? null : Number(expiry) });
  }

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_11rem_auto] sm:items-start">
        <Field label="Name" errors={errors.name} hint="What uses it, e.g. “laptop CLI” or “nightly eval script”.">
          <Input value={name} onChange={(e) => {
              setName(e.target.value);
              setErrors((prev) => clearField(prev, "name"));
            }} placeholder="laptop CLI" maxLength={80} />
        </Field>
        <Select value={expiry} onValueChange={setExpiry}>
          <Field label="Expires" errors={errors.expiresInDays}>
            <SelectTrigger>
              <SelectValue />
            </SelectTrigger>
          </Field>
          <SelectContent>
            {EXPIRY.map((o) => (
              <SelectItem key={o.value} value={o.value}>
                {o.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button type="submit" disabled={create.isPending} className="sm:mt-5">
          {create.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <KeyRound aria-hidden />}
          Create token
        </Button>
      </form>
      <NewTokenDialog token={created?.token ?? null} name={created?.name ?? ""} onClose={() => setCreated(null)} />
    </>
  );
}
