"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ComponentProps } from "react";
import type { FieldErrors } from "@/lib/trpc-errors";
import type { JobFormValues, Priority } from "./job-form-values";
import { MaxRuntimeField } from "./max-runtime-field";

type Setter = <K extends keyof JobFormValues>(key: K, value: JobFormValues[K]) => void;

export function LimitsFields({ values, set, errors, canUseHigh }: { values: JobFormValues; set: Setter; errors: FieldErrors; canUseHigh: boolean }) {
  return (
    <div className="grid gap-4">
      <MaxRuntimeField value={values.maxRuntime} onChange={(v) => set("maxRuntime", v)} errors={errors.maxRuntime} />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,16rem)_8rem]">
        <Field
          className="content-start"
          label="Priority"
          errors={errors.priority}
          hint={canUseHigh ? "High goes ahead of normal work; use it for deadlines." : "High needs a project owner or a lab director."}
        >
          <PriorityPicker value={values.priority} onChange={(v) => set("priority", v)} canUseHigh={canUseHigh} />
        </Field>
        <Field label="Retries" errors={errors.retries} hint="Tries again after a failure." className="content-start">
          <Input type="number" inputMode="numeric" min={0} max={10} value={values.retries} onChange={(e) => set("retries", e.target.value)} className="tabular-nums" />
        </Field>
      </div>
    </div>
  );
}

type TriggerProps = Pick<ComponentProps<typeof SelectTrigger>, "id" | "aria-invalid" | "aria-describedby">;

function PriorityPicker({
  value,
  onChange,
  canUseHigh,
  ...triggerProps
}: { value: Priority; onChange: (next: Priority) => void; canUseHigh: boolean } & TriggerProps) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as Priority)}>
      <SelectTrigger {...triggerProps}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="low" description="Runs when nothing else waits">
          Low
        </SelectItem>
        <SelectItem value="normal" description="Fair share with everyone else">
          Normal
        </SelectItem>
        <SelectItem value="high" disabled={!canUseHigh} description={canUseHigh ? "Ahead of normal work" : "Needs a project owner or a lab director"}>
          High
        </SelectItem>
      </SelectContent>
    </Select>
  );
}
