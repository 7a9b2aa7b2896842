"use client";

import { useId, type ReactElement, type ReactNode } from "react";
import { Slot } from "radix-ui";
import { cn } from "@/lib/cn";
import { Label } from "./label";

type FieldProps = {
  label: string;
  /** A short hint under the control. */
  hint?: ReactNode;
  /** Messages from the server for this field, phrased to follow the label ("is required"). */
  errors?: string[];
  className?: string;
  /** One control (Input, Textarea, SelectTrigger...); it receives id and the aria wiring. */
  children: ReactElement;
};

/** A label, a control, a hint and the field's errors, wired together for screen readers. */
export function Field({ label, hint, errors, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <Slot.Root id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
        {children}
      </Slot.Root>
      {hint && !invalid ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={errorId} className="text-xs font-medium text-destructive">
          {errors!.map((m) => `${label} ${m}`).join(". ")}
        </p>
      ) : null}
    </div>
  );
}
