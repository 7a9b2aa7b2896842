"use client";

import { Lock, LockOpen, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/trpc-errors";
import { envRow, type EnvRow } from "./job-form-values";

/**
 * Key/value rows for the job's environment; each row's problem shows under it. The lock makes a
 * row a secret: typed like a password, stored encrypted, given only to the job, never shown again.
 * A kept row (re-run with changes) carries the re-run job's value without showing it.
 */
export function EnvVarsEditor({
  rows,
  onChange,
  errors,
  serverErrors,
}: {
  rows: EnvRow[];
  onChange: (rows: EnvRow[]) => void;
  errors: FieldErrors;
  /** Messages the server gave for the environment as a whole. */
  serverErrors?: string[];
}) {
  const update = (id: number, patch: Partial<EnvRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <fieldset className="grid gap-2">
      <legend className="sr-only">Environment variables</legend>
      {rows.length === 0 ? (
        <p className="text-xs text-muted-foreground">
          None. The job always gets <code className="font-mono">CUDA_VISIBLE_DEVICES</code>, <code className="font-mono">BENCHTOP_OUTPUT_DIR</code>,{" "}
          <code className="font-mono">BENCHTOP_CHECKPOINT_DIR</code> and the other <code className="font-mono">BENCHTOP_*</code> variables.
        </p>
      ) : (
        <ul className="grid gap-2">
          {rows.map((row, i) => {
            const rowErrors = errors[`env.${row.id}`];
            return (
              <li key={row.id} className="grid gap-1">
                <div className="flex items-center gap-2">
                  <Input
                    aria-label={`Name of variable ${i + 1}`}
                    aria-invalid={rowErrors ? true : undefined}
                    value={row.key}
                    onChange={(e) => update(row.id, { key: e.target.value })}
                    placeholder="WANDB_MODE"
                    className="w-2/5 font-mono"
                    spellCheck={false}
                    autoCapitalize="off"
                    autoComplete="off"
                  />
                  <span aria-hidden className="text-muted-foreground">
                    =
                  </span>
                  <Input
                    aria-label={`${row.secret ? "Secret value" : "Value"} of variable ${i + 1}`}
                    type={row.secret ? "password" : "text"}
                    value={row.value}
                    onChange={(e) => update(row.id, { value: e.target.value, kept: false })}
                    placeholder={row.kept ? (row.secret ? "secret, kept from the job it re-runs" : "hidden, kept from the job it re-runs") : row.secret ? "secret value" : "offline"}
                    className="flex-1 font-mono"
                    spellCheck={false}
                    autoCapitalize="off"
                    autoComplete={row.secret ? "new-password" : "off"}
                  />
                  <Button
                    type="button"
                    variant={row.secret ? "secondary" : "ghost"}
                    size="icon-sm"
                    aria-pressed={row.secret}
                    aria-label={row.secret ? `Variable ${row.key || i + 1} is secret` : `Make variable ${row.key || i + 1} secret`}
                    title={row.secret ? "Secret: stored encrypted, given only to the job, never shown again" : "Make it secret"}
                    // A kept value stays what it was: a secret cannot become a plain variable by a click.
                    disabled={row.kept}
                    onClick={() => update(row.id, { secret: !row.secret })}
                  >
                    {row.secret ? <Lock aria-hidden /> : <LockOpen aria-hidden />}
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon-sm"
                    aria-label={`Remove variable ${row.key || i + 1}`}
                    onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </div>
                {rowErrors ? <p className="text-xs font-medium text-destructive">{rowErrors.join(". ")}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      {rows.some((r) => r.secret) ? (
        <p className="text-xs text-muted-foreground">Secret values are encrypted at rest, given only to the job’s processes, and never shown again, not even to you.</p>
      ) : null}
      {serverErrors?.length ? <p className="text-xs font-medium text-destructive">Environment: {serverErrors.join(". ")}</p> : null}
      <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => onChange([...rows, envRow()])}>
        <Plus aria-hidden />
        Add variable
      </Button>
    </fieldset>
  );
}
