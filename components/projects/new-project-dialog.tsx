"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/trpc";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import { suggestSlug } from "@/lib/slug";

/** "New project": name, a slug suggested from it, a description; opens the project on success. */
export function NewProjectDialog({ trigger }: { trigger?: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <Plus aria-hidden />
            New project
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New project</DialogTitle>
          <DialogDescription>A project holds files, notebooks and jobs, shared with its members.</DialogDescription>
        </DialogHeader>
        {open ? <NewProjectForm /> : null}
      </DialogContent>
    </Dialog>
  );
}

function NewProjectForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: async (project) => {
        toast.success(`Created ${project.name}`);
        await queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
        router.push(`/projects/${project.slug}`);
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        toast.error(errorMessageOf(error));
      },
    }),
  );

  const suggested = name.trim() ? suggestSlug(name) : "";
  const effectiveSlug = slugEdited ? slug : suggested;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: ["is required"] });
      return;
    }
    setErrors({});
    create.mutate({ name: name.trim(), slug: effectiveSlug || undefined, description: description.trim() });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <Field label="Name" errors={errors.name}>
        <Input
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setErrors((prev) => clearField(slugEdited ? prev : clearField(prev, "slug"), "name"));
          }}
          placeholder="Protein folding"
          autoFocus
          maxLength={120}
        />
      </Field>
      <Field
        label="Slug"
        errors={errors.slug}
        hint="Used in links and the API. Lowercase letters, digits and dashes."
      >
        <Input
          value={effectiveSlug}
          onChange={(e) => {
            setSlugEdited(true);
            setSlug(e.target.value);
            setErrors((prev) => clearField(prev, "slug"));
          }}
          placeholder="protein-folding"
          className="font-mono"
          spellCheck={false}
          autoCapitalize="off"
          maxLength={48}
        />
      </Field>
      <Field label="Description" errors={errors.description}>
        <Textarea
          value={description}
          onChange={(e) => {
            setDescription(e.target.value);
            setErrors((prev) => clearField(prev, "description"));
          }}
          placeholder="What is this project about? (optional)"
          rows={3}
          maxLength={2000}
        />
      </Field>
      <DialogFormFooter className="pt-1" pending={create.isPending}>
        Create project
      </DialogFormFooter>
    </form>
  );
}
