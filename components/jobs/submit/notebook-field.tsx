"use client";
// "Run as job" from a notebook: the job runs the notebook headless (every cell, in order) and
// keeps the executed copy, outputs included, as an artifact that opens in the notebook viewer.
import { NotebookPen, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Props = { path: string; errors: string[] | undefined; onChange: (path: string | null) => void };

export function NotebookField({ path, errors, onChange }: Props) {
  return (
    <Field
      label="Notebook"
      errors={errors}
      hint="Every cell runs in order on the job’s GPUs, in a copy of the project’s files as they are when you submit; the executed notebook, outputs included, is kept as an artifact."
    >
      <div className="flex items-center gap-2">
        <div className="relative min-w-0 flex-1">
          <NotebookPen className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-orange-600" aria-hidden />
          <Input value={path} onChange={(e) => onChange(e.target.value)} className="pl-8 font-mono text-[13px]" spellCheck={false} autoCapitalize="off" maxLength={1000} />
        </div>
        <Button type="button" variant="ghost" size="sm" onClick={() => onChange(null)}>
          <X aria-hidden /> Run a command instead
        </Button>
      </div>
    </Field>
  );
}
