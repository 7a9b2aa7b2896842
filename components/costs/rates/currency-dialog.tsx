"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";

/** The lab's currency, and for directors and admins a way to change it while the ledger holds no real charge. */
export function LabCurrency() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.settings.costs.queryOptions());
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.settings.setCosts.mutationOptions({
      onSuccess: async (s) => {
        toast.success(`The lab's currency is ${s.currency}`);
        await queryClient.invalidateQueries({ queryKey: trpc.settings.costs.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.rates.list.queryKey() });
        setOpen(false);
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        if (!Object.keys(fieldErrorsOf(error)).length) toast.error(errorMessageOf(error));
      },
    }),
  );
  if (!settings.data?.canSet) return null;
  const { currency, currencyEditable } = settings.data;
  if (!currencyEditable) {
    return <span className="text-xs text-muted-foreground" title={`The ledger already holds charges in ${currency}.`}>{currency} is fixed: the ledger holds charges in it.</span>;
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return setErrors({ currency: ["is required"] });
    save.mutate({ currency: code.trim() });
  };
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); setCode(currency); setErrors({}); }}>
      <Button variant="link" size="sm" className="h-auto px-0" onClick={() => { setOpen(true); setCode(currency); }}>
        Change currency
      </Button>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>The lab’s currency</DialogTitle>
          <DialogDescription>
            Every rate, budget and charge is in it. It can change only until the first job is charged; rates and budgets keep their numbers.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <Field label="Currency" errors={errors.currency} hint="An ISO 4217 code: USD, EUR, GBP, CHF, JPY…">
            <Input value={code} onChange={(e) => { setCode(e.target.value.toUpperCase()); setErrors({}); }} maxLength={3} className="w-28 font-mono uppercase" autoFocus spellCheck={false} />
          </Field>
          <DialogFormFooter pending={save.isPending}>Save</DialogFormFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
