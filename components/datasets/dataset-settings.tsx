"use client";
// A dataset's own settings, beside its header: edit its name and description (editors), remove it
// (owners; the server refuses once a job recorded that it read the dataset, and says so).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useConfirm } from "@/components/ui/use-confirm";
import { useTRPC } from "@/components/trpc/trpc";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import { datasetHref } from "./paths";

type Props = { projectSlug: string; dataset: string; description: string; location: string };

export function DatasetSettings({ projectSlug, dataset, description, location }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirm, confirmDialog] = useConfirm();
  const remove = useMutation(
    trpc.datasets.remove.mutationOptions({
      onSuccess: async () => {
        toast.success(`Removed ${dataset}. Its objects are still in the store.`);
        await queryClient.invalidateQueries({ queryKey: trpc.datasets.list.queryKey({ projectSlug }) });
        router.push(`/projects/${projectSlug}/datasets`);
      },
      onError: (error) => toast.error(errorMessageOf(error, `${dataset} could not be removed.`), { duration: 10_000 }),
    }),
  );

  async function onRemove() {
    const yes = await confirm({
      title: `Remove the dataset ${dataset}?`,
      description: `The project stops listing it; the objects at ${location} stay in the store. Only owners can remove a dataset, and not once a job has read it.`,
      confirmLabel: "Remove dataset",
      destructive: true,
    });
    if (yes) remove.mutate({ projectSlug, dataset });
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="icon" aria-label={`Settings of ${dataset}`}>
            {remove.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <MoreHorizontal aria-hidden />}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setEditing(true)}>
            <Pencil aria-hidden /> Edit name and description
          </DropdownMenuItem>
          <DropdownMenuItem variant="destructive" onSelect={() => void onRemove()}>
            <Trash2 aria-hidden /> Remove dataset…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={editing} onOpenChange={setEditing}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Edit {dataset}</DialogTitle>
            <DialogDescription>Jobs that read it keep the name they were submitted with; new jobs use the new one.</DialogDescription>
          </DialogHeader>
          {editing ? <EditForm projectSlug={projectSlug} dataset={dataset} description={description} onDone={() => setEditing(false)} /> : null}
        </DialogContent>
      </Dialog>
      {confirmDialog}
    </>
  );
}

function EditForm({ projectSlug, dataset, description, onDone }: { projectSlug: string; dataset: string; description: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [form, setForm] = useState({ name: dataset, description });
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = useMutation(
    trpc.datasets.update.mutationOptions({
      onSuccess: async (d) => {
        toast.success(`Saved ${d.name}`);
        await queryClient.invalidateQueries({ queryKey: trpc.datasets.pathKey() });
        onDone();
        if (d.name !== dataset) router.replace(datasetHref(projectSlug, d.name));
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        toast.error(errorMessageOf(error));
      },
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const name = form.name.trim();
    if (!name) return setErrors({ name: ["is required"] });
    update.mutate({ projectSlug, dataset, ...(name !== dataset ? { name } : {}), description: form.description });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <Field label="Name" errors={errors.name} hint="Lowercase letters, digits, - and _. Jobs see it as BENCHTOP_DATASET_<NAME>.">
        <Input
          value={form.name}
          onChange={(e) => {
            setForm((f) => ({ ...f, name: e.target.value.toLowerCase() }));
            setErrors((x) => clearField(x, "name"));
          }}
          className="font-mono"
          maxLength={63}
          spellCheck={false}
          autoFocus
        />
      </Field>
      <Field label="Description" errors={errors.description}>
        <Textarea value={form.description} onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))} rows={3} maxLength={2000} />
      </Field>
      <DialogFormFooter className="pt-1" pending={update.isPending}>
        Save
      </DialogFormFooter>
    </form>
  );
}
