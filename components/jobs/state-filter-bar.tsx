"use client";

import { cn } from "@/lib/cn";
import { STATE_FILTERS, type StateFilter } from "./job-list-query";

/** A row of toggle buttons, one per state filter; the pressed one is the filter in force. */
export function StateFilterBar({ value, onChange }: { value: StateFilter; onChange: (next: StateFilter) => void }) {
  return (
    <div role="group" aria-label="Filter by state" className="inline-flex w-fit flex-wrap items-center gap-1 rounded-lg bg-muted p-1">
      {(Object.keys(STATE_FILTERS) as StateFilter[]).map((key) => (
        <button
          key={key}
          type="button"
          aria-pressed={value === key}
          onClick={() => onChange(key)}
          className={cn(
            "h-7 cursor-pointer rounded-md px-2.5 text-sm font-medium text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
            value === key && "bg-background text-foreground shadow-xs dark:bg-input/40",
          )}
        >
          {STATE_FILTERS[key].label}
        </button>
      ))}
    </div>
  );
}
