"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2, UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { LabRole } from "@/lib/lab-roles";
import { useTRPC } from "@/components/trpc/trpc";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import { LabRoleSelect } from "./lab-role-select";

/** Invite an address to the lab. Directors invite researchers; admins pick any lab role. */
export function InvitePersonForm({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [labRole, setLabRole] = useState<LabRole>("researcher");
  const [errors, setErrors] = useState<FieldErrors>({});
  const invite = useMutation(
    trpc.people.invite.mutationOptions({
      onSuccess: async (person) => {
        toast.success(`Invited ${person.email}`, { description: "They can sign in now; an invitation mail is on its way." });
        setEmail("");
        await queryClient.invalidateQueries({ queryKey: trpc.people.list.queryKey() });
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
    invite.mutate({ email: email.trim(), labRole });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_11rem_auto] sm:items-start">
      <Field label="Email" errors={errors.email} hint="They may sign in with this address from now on, as a lab member.">
        <Input
          type="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setErrors((prev) => clearField(prev, "email"));
          }}
          placeholder="new.student@lab.example"
          autoComplete="off"
        />
      </Field>
      <Field label="Lab role" errors={errors.labRole}>
        <LabRoleSelect value={labRole} onValueChange={setLabRole} roles={isAdmin ? undefined : ["researcher"]} disabled={!isAdmin} />
      </Field>
      <Button type="submit" disabled={invite.isPending} className="sm:mt-5">
        {invite.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <UserPlus aria-hidden />}
        Invite
      </Button>
    </form>
  );
}
