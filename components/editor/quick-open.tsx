"use client";
// Ctrl/Cmd+P: type a few letters of a file's path, Enter opens it.
import { useMemo, useState } from "react";
import { FileIcon } from "@/components/project/file-icon";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import { fuzzyScore } from "./tree-model";

export function QuickOpen({ paths, onOpen, onClose }: { paths: string[]; onOpen: (path: string) => void; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState(0);
  const matches = useMemo(
    () =>
      paths
        .map((p) => ({ p, s: fuzzyScore(query, p) }))
        .filter((m): m is { p: string; s: number } => m.s !== null)
        .sort((a, b) => a.s - b.s)
        .slice(0, 50)
        .map((m) => m.p),
    [paths, query],
  );
  const pick = (p: string | undefined) => {
    if (!p) return;
    onOpen(p);
    onClose();
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="top-[15%] translate-y-0 gap-0 p-0 sm:max-w-xl">
        <DialogTitle className="sr-only">Open a file</DialogTitle>
        <DialogDescription className="sr-only">Type part of a file&apos;s path; Enter opens the highlighted file.</DialogDescription>
        <input
          autoFocus
          aria-label="File to open"
          placeholder="Go to file…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") setIndex((i) => Math.min(i + 1, matches.length - 1));
            else if (e.key === "ArrowUp") setIndex((i) => Math.max(i - 1, 0));
            else if (e.key === "Enter") pick(matches[index]);
            else return;
            e.preventDefault();
          }}
          className="h-11 w-full rounded-t-xl border-b border-border bg-transparent px-4 text-sm outline-none"
        />
        <ul role="listbox" aria-label="Matching files" className="max-h-80 overflow-y-auto py-1">
          {matches.length === 0 ? <li className="px-4 py-3 text-sm text-muted-foreground">No file matches.</li> : null}
          {matches.map((p, i) => (
            <li
              key={p}
              role="option"
              aria-selected={i === index}
              onMouseEnter={() => setIndex(i)}
              onClick={() => pick(p)}
              className={cn("flex cursor-pointer items-center gap-2 px-4 py-1.5 text-sm", i === index && "bg-accent")}
            >
              <FileIcon path={p} />
              <span className="font-medium">{p.slice(p.lastIndexOf("/") + 1)}</span>
              <span className="truncate text-xs text-muted-foreground">{p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : ""}</span>
            </li>
          ))}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
