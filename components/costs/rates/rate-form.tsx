"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Calculator, Cloud, Server, Zap } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { DialogFormFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/trpc";
import { amortisedHourlyText } from "@/lib/amortise";
import { cn } from "@/lib/cn";
import { ChoiceCard } from "@/components/ui/choice-card";
import { clearField, errorMessageOf, fieldErrorsOf, type FieldErrors } from "@/lib/trpc-errors";
import { formatHourly, unitOf, type RateKind, type TRateList } from "./format";

const CPU = "\u0000cpu";
const OTHER = "\u0000other";

/**
 * A new rate for one pool's GPU type (or CPU slot): for the lab's own hardware, a purchase price
 * per GPU amortised over its life (the hourly rate shows as you type, computed as the server will);
 * for cloud kinds, the provider's hourly price and where it comes from.
 */
export function RateForm({ list, onDone }: { list: TRateList; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pool, setPool] = useState(list.pools[0]?.name ?? "");
  const gpuTypes = list.pools.find((p) => p.name === pool)?.gpuTypes ?? [];
  const [target, setTarget] = useState<string>(gpuTypes[0] ?? CPU);
  const [f, setF] = useState({ otherGpu: "", hourly: "", purchasePrice: "", years: "4", hoursPerYear: "8760", utilisation: "100", source: "", effectiveFrom: "" });
  const [kind, setKind] = useState<RateKind>("owned");
  const [amortise, setAmortise] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const set = (field: keyof typeof f) => (e: { target: { value: string } }) => {
    setF((prev) => ({ ...prev, [field]: e.target.value }));
    setErrors((prev) => clearField(prev, field));
    setRefusal(null);
  };
  const useCalculator = kind === "owned" && amortise;
  const hourly = useCalculator ? amortisedHourlyText({ purchasePrice: f.purchasePrice, years: f.years, hoursPerYear: f.hoursPerYear, utilisation: f.utilisation }) : null;
  const gpuType = target === CPU ? null : target === OTHER ? f.otherGpu.trim() : target;
  const unit = gpuType === null ? "CPU slot" : "GPU";

  const save = useMutation(
    trpc.rates.set.mutationOptions({
      onSuccess: async ({ rate }) => {
        const when = rate.effectiveFrom && f.effectiveFrom ? `from ${new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(rate.effectiveFrom))}` : "from now on";
        toast.success(`${rate.gpuType ?? "CPU slot"} on ${rate.pool}: ${formatHourly(rate.hourly, rate.currency)} per ${unitOf(rate.gpuType)} ${when}`);
        await queryClient.invalidateQueries({ queryKey: trpc.rates.list.queryKey() });
        onDone();
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setErrors(fields);
        setRefusal(errorMessageOf(error));
      },
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!pool) missing.pool = ["is required"];
    if (gpuType === "") missing.otherGpu = ["is required"];
    if (useCalculator && !f.purchasePrice.trim()) missing.purchasePrice = ["is required"];
    if (!useCalculator && !f.hourly.trim()) missing.hourly = ["is required"];
    if (Object.keys(missing).length) return setErrors(missing);
    setRefusal(null);
    save.mutate({
      pool,
      gpuType,
      kind,
      hourly: useCalculator ? null : f.hourly.trim(),
      amortisation: useCalculator ? { purchasePrice: f.purchasePrice.trim(), years: f.years.trim(), hoursPerYear: f.hoursPerYear.trim() || "8760", utilisation: f.utilisation.trim() || "100" } : null,
      source: f.source.trim(),
      effectiveFrom: f.effectiveFrom || null,
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Pool" errors={errors.pool}>
          <Select value={pool} onValueChange={(v) => { setPool(v); setTarget(list.pools.find((p) => p.name === v)?.gpuTypes[0] ?? CPU); }}>
            <SelectTrigger aria-label="Pool"><SelectValue placeholder="Pick a pool" /></SelectTrigger>
            <SelectContent>
              {list.pools.map((p) => <SelectItem key={p.name} value={p.name}>{p.name}</SelectItem>)}
            </SelectContent>
          </Select>
        </Field>
        <Field label="Prices" errors={errors.gpuType}>
          <Select value={target} onValueChange={setTarget}>
            <SelectTrigger aria-label="Prices"><SelectValue /></SelectTrigger>
            <SelectContent>
              {gpuTypes.map((g) => <SelectItem key={g} value={g}>{g} (per GPU)</SelectItem>)}
              <SelectItem value={CPU}>CPU slot (per slot)</SelectItem>
              <SelectItem value={OTHER}>Another GPU type…</SelectItem>
            </SelectContent>
          </Select>
        </Field>
      </div>
      {target === OTHER ? (
        <Field label="GPU type" errors={errors.otherGpu} hint="As agents report it (nvidia-smi’s name), e.g. NVIDIA A100-SXM4-80GB.">
          <Input value={f.otherGpu} onChange={set("otherGpu")} className="font-mono" spellCheck={false} />
        </Field>
      ) : null}

      <div role="radiogroup" aria-label="Kind of price" className="grid grid-cols-3 gap-2">
        <ChoiceCard on={kind === "owned"} onPick={() => setKind("owned")} icon={Server} title="Owned" text="The lab’s own hardware" />
        <ChoiceCard on={kind === "on_demand"} onPick={() => setKind("on_demand")} icon={Cloud} title="On-demand" text="A cloud’s list price" />
        <ChoiceCard on={kind === "spot"} onPick={() => setKind("spot")} icon={Zap} title="Spot" text="Interruptible cloud" />
      </div>

      {kind === "owned" ? (
        <div className="flex gap-1 rounded-lg bg-muted p-1 text-sm" role="tablist" aria-label="How to price it">
          <Tab on={amortise} onPick={() => setAmortise(true)}><Calculator className="size-3.5" aria-hidden />Amortise a purchase</Tab>
          <Tab on={!amortise} onPick={() => setAmortise(false)}>Hourly price</Tab>
        </div>
      ) : null}

      {useCalculator ? (
        <fieldset className="grid gap-3 rounded-lg border border-border p-3">
          <legend className="px-1 text-xs font-medium text-muted-foreground">Calculator, per {unit}</legend>
          <div className="grid gap-3 sm:grid-cols-2 sm:items-start">
            <Field label={`Purchase price per ${unit}`} errors={errors.purchasePrice} hint={gpuType === null ? "A server’s price divided by its CPU slots." : "A server’s price divided by its GPUs (8-GPU server at 256,000 → 32,000)."}>
              <Input value={f.purchasePrice} onChange={set("purchasePrice")} inputMode="decimal" placeholder="32000" className="font-mono" autoFocus />
            </Field>
            <Field label="Years of life" errors={errors.years}>
              <Input value={f.years} onChange={set("years")} inputMode="decimal" className="font-mono" />
            </Field>
            <Field label="Hours per year" errors={errors.hoursPerYear} hint="8760 counts every hour.">
              <Input value={f.hoursPerYear} onChange={set("hoursPerYear")} inputMode="decimal" className="font-mono" />
            </Field>
            <Field label="Expected utilisation (%)" errors={errors.utilisation} hint="Optional: below 100 spreads the price over the hours it is used.">
              <Input value={f.utilisation} onChange={set("utilisation")} inputMode="decimal" className="font-mono" />
            </Field>
          </div>
          <div className="flex items-baseline justify-between gap-3 rounded-md bg-primary/5 px-3 py-2.5" aria-live="polite" data-testid="amortised-hourly">
            <span className="text-xs text-muted-foreground">
              {f.purchasePrice || "price"} ÷ ({f.years || "years"} × {f.hoursPerYear || "hours"} h{f.utilisation && f.utilisation !== "100" ? ` × ${f.utilisation} %` : ""})
            </span>
            <span className="font-mono text-lg font-semibold tabular-nums">
              {hourly ? formatHourly(hourly, list.currency) : "—"}
              <span className="text-xs font-normal text-muted-foreground"> / {unit}-hour</span>
            </span>
          </div>
        </fieldset>
      ) : (
        <Field label={`Price per ${unit} and hour (${list.currency})`} errors={errors.hourly} hint="Up to 4 decimals, e.g. 4.0960 for a p4d.24xlarge’s 32.77 / 8 GPUs.">
          <Input value={f.hourly} onChange={set("hourly")} inputMode="decimal" placeholder="1.20" className="font-mono" autoFocus />
        </Field>
      )}

      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_11rem] sm:items-start">
        <Field label="Source" errors={errors.source} hint={kind === "owned" ? "e.g. Invoice 2026-118, Dell XE9680, 8 GPUs." : "e.g. AWS on-demand, us-east-1, p4d.24xlarge / 8, 2026-11-01."}>
          <Input value={f.source} onChange={set("source")} maxLength={500} />
        </Field>
        <Field label="From (UTC)" errors={errors.effectiveFrom} hint="Empty: from now on.">
          <Input type="date" value={f.effectiveFrom} onChange={set("effectiveFrom")} />
        </Field>
      </div>
      {refusal ? (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">{refusal}</p>
      ) : null}
      <DialogFormFooter className="pt-1" pending={save.isPending}>Save rate</DialogFormFooter>
    </form>
  );
}


function Tab({ on, onPick, children }: { on: boolean; onPick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={on}
      onClick={onPick}
      className={cn("flex flex-1 items-center justify-center gap-1.5 rounded-md px-3 py-1.5 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50", on ? "bg-background font-medium shadow-xs" : "text-muted-foreground hover:text-foreground")}
    >
      {children}
    </button>
  );
}
