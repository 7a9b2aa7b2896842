"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/trpc-errors";
import { GpuTypeSelect } from "./gpu-type-select";
import type { JobFormValues } from "./job-form-values";

type Setter = <K extends keyof JobFormValues>(key: K, value: JobFormValues[K]) => void;

export function ResourcesFields({ values, set, errors }: { values: JobFormValues; set: Setter; errors: FieldErrors }) {
  return (
    <div className="grid gap-4 sm:grid-cols-[8rem_minmax(0,1fr)_8rem]">
      <Field label="GPUs per node" errors={errors.gpus} hint="0 for a CPU job." className="content-start">
        <Input type="number" inputMode="numeric" min={0} max={64} value={values.gpus} onChange={(e) => set("gpus", e.target.value)} className="tabular-nums" />
      </Field>
      <GpuTypeSelect value={values.gpuType} onChange={(v) => set("gpuType", v)} errors={errors.gpuType} />
      <Field label="Nodes" errors={errors.nodes} hint={Number(values.nodes) > 1 ? "Started together, ready for torchrun." : "Machines, started together."} className="content-start">
        <Input type="number" inputMode="numeric" min={1} max={64} value={values.nodes} onChange={(e) => set("nodes", e.target.value)} className="tabular-nums" />
      </Field>
    </div>
  );
}
