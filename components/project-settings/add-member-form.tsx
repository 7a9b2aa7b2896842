"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2, UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import type { ProjectRole } from "@/components/projects/role-badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/components/trpc/trpc";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import { RoleSelect } from "./role-select";
import { useRefreshProject } from "./use-refresh-project";

export function AddMemberForm({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshProject(projectSlug);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProjectRole>("editor");
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation(
    trpc.projects.addMember.mutationOptions({
      onSuccess: async (member) => {
        toast.success(`Added ${member.name ?? member.email} as ${member.role}`);
        setEmail("");
        await refresh();
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        toast.error(errorMessageOf(error));
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim()) return setErrors({ email: ["is required"] });
    setErrors({});
    add.mutate({ projectSlug, email: email.trim(), role });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-start">
      <Field label="Email" errors={errors.email} hint="Someone new gets an account when they first sign in with it.">
        <Input type="email" value={email} onChange={(e) => {
            setEmail(e.target.value);
            setErrors((prev) => clearField(prev, "email"));
          }} placeholder="colleague@lab.example" autoComplete="off" />
      </Field>
      <Field label="Role" errors={errors.role}>
        <RoleSelect value={role} onValueChange={setRole} />
      </Field>
      <Button type="submit" disabled={add.isPending} className="sm:mt-5">
        {add.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <UserPlus aria-hidden />}
        Add member
      </Button>
    </form>
  );
}
