"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2, Send, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import { DatasetsField } from "./datasets-field";
import { EnvVarsEditor } from "./env-vars-editor";
import { checkValues, formFieldErrors, summaryOf, toSubmitInput, type JobFormValues } from "./job-form-values";
import { LimitsFields } from "./limits-fields";
import { NotebookField } from "./notebook-field";
import { PriceEstimate } from "./price-estimate";
import { ResourcesFields } from "./resources-fields";

type Props = {
  projectSlug: string;
  initialValues: JobFormValues;
  /** Whether this person may ask for high priority (a project owner or a lab director). */
  canUseHigh: boolean;
  /** Set for "re-run with changes": the job this one repeats. */
  rerunOfId?: string;
};

/** The job submission form; on success it opens the new job's page. */
export function SubmitJobForm({ projectSlug, initialValues, canUseHigh, rerunOfId }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = useMutation(
    trpc.jobs.submit.mutationOptions({
      onSuccess: async ({ id, heldReason }) => {
        if (heldReason) toast.warning(`Job submitted, but ${heldReason}. An owner or director can approve it.`);
        else toast.success("Job submitted. It is in the queue.");
        await queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() });
        router.push(`/jobs/${id}`);
      },
      onError: (error) => {
        const message = errorMessageOf(error);
        const fields = formFieldErrors(fieldErrorsOf(error));
        // "This job can never start: no agent has 8 GPUs…" is a sentence about the resources as a
        // whole; it shows beside them, not as the GPU field's own message.
        if (fields.gpus && message.startsWith("This job can never start")) {
          delete fields.gpus;
          setRefusal(message);
        }
        setErrors(fields);
        toast.error(message);
      },
    }),
  );

  function set<K extends keyof JobFormValues>(key: K, value: JobFormValues[K]) {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => {
      if (key === "env" || key === "datasets") return Object.fromEntries(Object.entries(prev).filter(([k]) => !k.startsWith(key)));
      const { [key]: _removed, ...rest } = prev;
      return rest;
    });
    if (key === "gpus" || key === "gpuType" || key === "nodes") setRefusal(null);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = checkValues(values);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      toast.error("Check the highlighted fields.");
      return;
    }
    setRefusal(null);
    submit.mutate(toSubmitInput(projectSlug, values, rerunOfId));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="min-w-0">
      <Card>
        <CardHeader>
          <CardTitle>What to run</CardTitle>
          <CardDescription>
            {values.notebook !== null ? "The notebook runs headless" : "The command runs with bash"} in a copy of the project’s files as they are when you submit.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {values.notebook !== null ? (
            <NotebookField path={values.notebook} errors={errors.notebook} onChange={(path) => set("notebook", path)} />
          ) : (
            <Field
              label="Command"
              errors={errors.command}
              hint={
                <>
                  Print lines like <code className="font-mono">::metric step=10 loss=0.4</code> to chart metrics live; write outputs to{" "}
                  <code className="font-mono">$BENCHTOP_OUTPUT_DIR</code> to keep them as artifacts.
                </>
              }
            >
              <Textarea
                value={values.command}
                onChange={(e) => set("command", e.target.value)}
                placeholder="python train.py --lr 0.1"
                rows={3}
                className="font-mono text-[13px]"
                spellCheck={false}
                autoCapitalize="off"
                autoFocus={!values.command}
                maxLength={10_000}
              />
            </Field>
          )}
          <Field label="Name" errors={errors.name} hint="Optional. Without one, the job is named after its command." className="max-w-md">
            <Input value={values.name} onChange={(e) => set("name", e.target.value)} placeholder={(values.notebook ?? values.command).trim().slice(0, 80) || "lr sweep 0.1"} maxLength={200} />
          </Field>
        </CardContent>

        <Section title="Datasets" description="Files from the project’s datasets, at a version the job records, so a re-run reads the same data.">
          <DatasetsField projectSlug={projectSlug} rows={values.datasets} onChange={(rows) => set("datasets", rows)} errors={errors} />
        </Section>

        <Section title="Resources" description="The job starts when all of these are free at once, on one agent per node.">
          <ResourcesFields values={values} set={set} errors={errors} />
          {refusal ? (
            <p role="alert" className="flex items-start gap-2 rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm text-destructive">
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              {refusal}
            </p>
          ) : null}
        </Section>

        <Section title="Limits and priority">
          <LimitsFields values={values} set={set} errors={errors} canUseHigh={canUseHigh} />
        </Section>

        <Section title="Price" description="At most its max runtime on the dearest capacity it may use; expected from your past runs of the same command.">
          <PriceEstimate projectSlug={projectSlug} values={values} />
        </Section>

        <Section title="Environment variables">
          <EnvVarsEditor rows={values.env} onChange={(rows) => set("env", rows)} errors={errors} serverErrors={[...(errors.env ?? []), ...(errors.secretEnv ?? [])]} />
        </Section>

        <CardFooter className="flex-wrap justify-end gap-2 bg-muted/30">
          <p className="mr-auto text-xs text-muted-foreground" aria-live="polite">
            {summaryOf(values)}
          </p>
          <Button asChild variant="outline">
            <Link href={`/projects/${projectSlug}/jobs`}>Cancel</Link>
          </Button>
          <Button type="submit" disabled={submit.isPending || submit.isSuccess}>
            {submit.isPending || submit.isSuccess ? <Loader2 className="animate-spin" aria-hidden /> : <Send aria-hidden />}
            {rerunOfId ? "Submit re-run" : "Submit job"}
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="grid gap-4 border-t border-border px-5 py-5">
      <div className="space-y-1">
        <h3 className="text-sm font-semibold">{title}</h3>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
