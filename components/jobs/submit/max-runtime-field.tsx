"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";
import { durationSeconds, formatRuntimeLimit } from "@/lib/duration";
import { RUNTIME_PRESETS } from "./job-form-values";

/** Max runtime: presets one click away, or any duration typed ("90m", "1d 12h"). */
export function MaxRuntimeField({ value, onChange, errors }: { value: string; onChange: (next: string) => void; errors?: string[] }) {
  const id = useId();
  const seconds = durationSeconds(value);
  const invalid = Boolean(errors?.length);
  const typed = seconds !== null && formatRuntimeLimit(seconds) !== value.trim() ? `That is ${formatRuntimeLimit(seconds)}. ` : "";
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Max runtime</Label>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="4h"
          className="w-28 font-mono"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-note`}
        />
        <div role="group" aria-label="Max runtime presets" className="flex flex-wrap gap-1">
          {RUNTIME_PRESETS.map((preset) => {
            const active = seconds !== null && seconds === durationSeconds(preset);
            return (
              <button
                key={preset}
                type="button"
                aria-pressed={active}
                onClick={() => onChange(preset)}
                className={cn(
                  "h-7 cursor-pointer rounded-md border border-border px-2 font-mono text-xs text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active && "border-primary/50 bg-primary/10 text-primary hover:bg-primary/15 hover:text-primary",
                )}
              >
                {preset}
              </button>
            );
          })}
        </div>
      </div>
      {invalid ? (
        <p id={`${id}-note`} className="text-xs font-medium text-destructive">
          {errors!.map((m) => `Max runtime ${m}`).join(". ")}
        </p>
      ) : (
        <p id={`${id}-note`} className="text-xs text-muted-foreground">
          {typed}Type any duration (90m, 1d 12h). Past it the job is stopped (SIGTERM, then SIGKILL after a grace period) and ends as timed out.
        </p>
      )}
    </div>
  );
}
