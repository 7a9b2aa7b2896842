"use client";

import { useQuery } from "@tanstack/react-query";
import type { ComponentProps } from "react";
import { Field } from "@/components/ui/field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/trpc";
import { gpuCapacityByType, type GpuTypeCapacity } from "../gpu-capacity";

const ANY = "__any__";

/** The GPU models the lab's agents offer, with how many are free now, plus "any type". */
export function GpuTypeSelect({ value, onChange, errors }: { value: string | null; onChange: (next: string | null) => void; errors?: string[] }) {
  const trpc = useTRPC();
  const agents = useQuery({ ...trpc.jobs.agents.queryOptions(), refetchInterval: 15_000 });
  const types = gpuCapacityByType(agents.data ?? []);
  const hint = agents.isPending ? "Loading what the agents offer…" : types.length === 0 ? "No agent offers GPUs right now." : undefined;
  return (
    <Field label="GPU type" errors={errors} className="content-start" hint={hint}>
      <TypePicker value={value} onChange={onChange} types={types} />
    </Field>
  );
}

type TriggerProps = Pick<ComponentProps<typeof SelectTrigger>, "id" | "aria-invalid" | "aria-describedby">;

/** The select itself; Field hands its id and aria wiring to the trigger, which is what gets focus. */
function TypePicker({
  value,
  onChange,
  types,
  ...triggerProps
}: { value: string | null; onChange: (next: string | null) => void; types: GpuTypeCapacity[] } & TriggerProps) {
  const known = value === null || types.some((t) => t.type.toLowerCase() === value.toLowerCase());
  return (
    <Select value={value ?? ANY} onValueChange={(v) => onChange(v === ANY ? null : v)}>
      <SelectTrigger {...triggerProps}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ANY} description="Whichever GPUs free up first">
          Any type
        </SelectItem>
        {types.map((t) => (
          <SelectItem key={t.type} value={t.type} description={`${t.free} of ${t.total} free now${t.simulated ? " · simulated" : ""}`}>
            {t.type}
          </SelectItem>
        ))}
        {!known && value ? (
          <SelectItem value={value} description="No agent offers this type now">
            {value}
          </SelectItem>
        ) : null}
      </SelectContent>
    </Select>
  );
}
