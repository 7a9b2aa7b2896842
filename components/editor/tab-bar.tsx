"use client";
// The open files as tabs: a dot for unsaved changes, × to close (middle-click too).
import { X } from "lucide-react";
import { FileIcon } from "@/components/project/file-icon";
import { cn } from "@/lib/cn";
import type { Tab } from "./use-editor-tabs";

type Props = { tabs: Tab[]; activeId: string | null; onSelect: (id: string) => void; onClose: (id: string) => void };

export function TabBar({ tabs, activeId, onSelect, onClose }: Props) {
  return (
    <div role="tablist" aria-label="Open files" className="flex min-h-9 overflow-x-auto border-b border-border bg-muted/40">
      {tabs.map((tab) => {
        const name = tab.path.slice(tab.path.lastIndexOf("/") + 1);
        const active = tab.id === activeId;
        return (
          <div
            key={tab.id}
            role="tab"
            aria-selected={active}
            tabIndex={active ? 0 : -1}
            title={tab.path + (tab.dirty ? " (unsaved changes)" : "")}
            onClick={() => onSelect(tab.id)}
            onAuxClick={(e) => {
              if (e.button === 1) {
                e.preventDefault();
                onClose(tab.id);
              }
            }}
            onMouseDown={(e) => e.button === 1 && e.preventDefault()}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect(tab.id)}
            className={cn(
              "group flex max-w-56 shrink-0 cursor-pointer items-center gap-1.5 border-r border-border py-1.5 pr-1.5 pl-3 text-[13px] outline-none select-none focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset",
              active ? "bg-background text-foreground shadow-[inset_0_2px_0_var(--color-primary)]" : "text-muted-foreground hover:bg-background/60",
            )}
          >
            <FileIcon path={tab.path} />
            <span className="truncate">{name}</span>
            <button
              type="button"
              aria-label={tab.dirty ? `Close ${name} (unsaved changes)` : `Close ${name}`}
              onClick={(e) => {
                e.stopPropagation();
                onClose(tab.id);
              }}
              className="relative flex size-5 items-center justify-center rounded-sm text-muted-foreground hover:bg-accent hover:text-foreground"
            >
              {tab.dirty ? (
                <>
                  <span aria-hidden className="size-2 rounded-full bg-foreground/70 group-hover:hidden" data-testid="dirty-dot" />
                  <X className="hidden size-3.5 group-hover:block" aria-hidden />
                </>
              ) : (
                <X className={cn("size-3.5", !active && "opacity-0 group-hover:opacity-100")} aria-hidden />
              )}
            </button>
          </div>
        );
      })}
    </div>
  );
}
