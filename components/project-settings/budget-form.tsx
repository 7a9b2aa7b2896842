"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import { POLICY_WORDS, type TBudget } from "./budget-card";

const lastDay = (b: TBudget) => new Date(new Date(b.periodEnd).getTime() - 86_400_000).toISOString().slice(0, 10);

/** Sets the project's budget (owners, directors) through budgets.setProject, the same call as `benchtop budget set`. */
export function BudgetForm({ projectSlug, budget, onDone, onCancel }: { projectSlug: string; budget: TBudget | null; onDone: () => void; onCancel?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState(budget ? budget.amount.amount : "");
  const [period, setPeriod] = useState<"month" | "until">(budget?.period ?? "month");
  const [until, setUntil] = useState(budget?.period === "until" ? lastDay(budget) : "");
  const [policy, setPolicy] = useState<TBudget["policy"]>(budget?.policy ?? "warn");
  const [thresholds, setThresholds] = useState((budget?.thresholds ?? [50, 80, 100]).join(", "));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.budgets.setProject.mutationOptions({
      onSuccess: async () => {
        toast.success("Budget saved.");
        await queryClient.invalidateQueries({ queryKey: trpc.budgets.project.queryKey({ projectSlug }) });
        onDone();
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        toast.error(errorMessageOf(error));
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!amount.trim()) problems.amount = ["is required"];
    if (period === "until" && !until) problems.until = ["is required for a fixed period"];
    const list = thresholds.split(/[,\s]+/).filter(Boolean).map(Number);
    if (list.some((t) => !Number.isInteger(t))) problems.thresholds = ["must be whole percentages, e.g. 50, 80, 100"];
    setErrors(problems);
    if (Object.keys(problems).length) return;
    save.mutate({ projectSlug, amount: amount.trim(), until: period === "until" ? until : null, policy, thresholds: list });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg border border-border bg-muted/30 p-4 sm:grid-cols-2">
      <Field label="Amount" errors={errors.amount} hint="In the lab's currency.">
        <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="500" />
      </Field>
      <SelectField label="Period">
        <Select value={period} onValueChange={(v) => setPeriod(v as "month" | "until")}>
          <SelectTrigger aria-label="Period">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="month">Each calendar month</SelectItem>
            <SelectItem value="until">Until a date (a grant)</SelectItem>
          </SelectContent>
        </Select>
      </SelectField>
      {period === "until" ? (
        <Field label="Last day" errors={errors.until} hint="The budget covers from today to the end of this day (UTC).">
          <Input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </Field>
      ) : null}
      <SelectField label="At 100 %">
        <Select value={policy} onValueChange={(v) => setPolicy(v as TBudget["policy"])}>
          <SelectTrigger aria-label="At 100 %">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {(Object.keys(POLICY_WORDS) as TBudget["policy"][]).map((p) => (
              <SelectItem key={p} value={p}>
                {POLICY_WORDS[p][0]!.toUpperCase() + POLICY_WORDS[p].slice(1)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </SelectField>
      <Field label="Alert thresholds (%)" errors={errors.thresholds} hint="Owners and directors are told once a period at each.">
        <Input value={thresholds} onChange={(e) => setThresholds(e.target.value)} placeholder="50, 80, 100" />
      </Field>
      <div className="flex items-end justify-end gap-2 sm:col-span-2">
        {onCancel ? (
          <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" size="sm" disabled={save.isPending}>
          {save.isPending ? <Loader2 className="animate-spin" aria-hidden /> : null}
          Save budget
        </Button>
      </div>
    </form>
  );
}

/** A label over a Select (Field wires one plain control; a Select's control is its trigger, named by aria-label). */
function SelectField({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="grid gap-1.5" role="group" aria-labelledby={id}>
      <Label id={id}>{label}</Label>
      {children}
    </div>
  );
}
