"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CircleDollarSign, Hand } from "lucide-react";
import { useTRPC } from "@/components/trpc/trpc";
import { cn } from "@/lib/cn";
import { useDebounced } from "@/lib/use-debounced";
import { checkValues, toSubmitInput, type JobFormValues } from "./job-form-values";

/** The price before anything runs and when it would start (server/costs/estimate.ts), asked again a moment after the form stops changing. */
export function PriceEstimate({ projectSlug, values }: { projectSlug: string; values: JobFormValues }) {
  const trpc = useTRPC();
  const problems = checkValues(values);
  const valid = !problems.gpus && !problems.nodes && !problems.maxRuntime;
  // Variables, secrets and datasets do not change the price: they are not sent.
  const { env: _env, secretEnv: _secrets, datasets: _datasets, ...input } = toSubmitInput(projectSlug, values);
  const settled = useDebounced(JSON.stringify(input), 400);
  const estimate = useQuery({
    ...trpc.budgets.estimateJob.queryOptions(JSON.parse(settled) as typeof input),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const data = estimate.data;
  const held = !!data?.heldReason;
  return (
    <div
      aria-live="polite"
      className={cn(
        "flex items-start gap-2.5 rounded-lg border px-3 py-2.5 text-sm",
        held ? "border-warning/40 bg-warning/10" : "border-border bg-muted/40",
        estimate.isFetching && "opacity-70",
      )}
    >
      {held ? <Hand className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden /> : <CircleDollarSign className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />}
      <div className="min-w-0 space-y-0.5">
        <p data-testid="price-estimate">
          {!valid ? "The price shows once the resources and max runtime are valid." : data ? sentenceCase(data.sentence) + "." : estimate.isError ? "The price could not be worked out just now." : "Working out the price…"}
        </p>
        {valid && data ? (
          <p data-testid="start-estimate" className="text-muted-foreground">
            {sentenceCase(data.start)}, as the queue stands now.
          </p>
        ) : null}
      </div>
    </div>
  );
}

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

