"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/components/trpc/trpc";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import type { TProject } from "@/server/projects/schemas";
import { useRefreshProject } from "./use-refresh-project";

export function RenameProjectForm({ project }: { project: TProject }) {
  const trpc = useTRPC();
  const refresh = useRefreshProject(project.slug);
  const [name, setName] = useState(project.name);
  const [errors, setErrors] = useState<FieldErrors>({});
  const rename = useMutation(
    trpc.projects.rename.mutationOptions({
      onSuccess: async (updated) => {
        toast.success(`Renamed to ${updated.name}`);
        await refresh();
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        toast.error(errorMessageOf(error));
      },
    }),
  );
  const unchanged = name.trim() === project.name;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: ["is required"] });
    setErrors({});
    rename.mutate({ projectSlug: project.slug, name: name.trim() });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle>Project name</CardTitle>
          <CardDescription>
            The name people see. The slug <span className="font-mono text-foreground">{project.slug}</span> stays the same, so
            links and scripts keep working.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Field label="Name" errors={errors.name} className="max-w-md">
            <Input value={name} onChange={(e) => {
              setName(e.target.value);
              setErrors((prev) => clearField(prev, "name"));
            }} maxLength={120} />
          </Field>
        </CardContent>
        <CardFooter className="justify-end bg-muted/30">
          <Button type="submit" size="sm" disabled={unchanged || rename.isPending}>
            {rename.isPending ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Rename
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
