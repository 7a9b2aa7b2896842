"use client";

import { ChevronRight, Database, FolderUp, LayoutGrid, List, Search, Upload } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { filesFromInput, type PickedFile } from "./upload/collect-files";
import { crumbsOf, datasetHref } from "./paths";

export type View = "list" | "grid";

export function Breadcrumbs({ projectSlug, dataset, prefix }: { projectSlug: string; dataset: string; prefix: string }) {
  const crumbs = crumbsOf(prefix);
  return (
    <nav aria-label="Folder" className="min-w-0">
      <ol className="flex min-w-0 flex-wrap items-center gap-0.5 text-sm">
        <li className="flex items-center">
          <Crumb href={datasetHref(projectSlug, dataset)} current={crumbs.length === 0}>
            <Database className="size-3.5 text-muted-foreground" aria-hidden />
            {dataset}
          </Crumb>
        </li>
        {crumbs.map((c, i) => (
          <li key={c.prefix} className="flex min-w-0 items-center">
            <ChevronRight className="size-3.5 shrink-0 text-muted-foreground/60" aria-hidden />
            <Crumb href={datasetHref(projectSlug, dataset, c.prefix)} current={i === crumbs.length - 1}>
              <span className="truncate">{c.name}</span>
            </Crumb>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Crumb({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "flex max-w-64 min-w-0 items-center gap-1.5 rounded-md px-1.5 py-1 outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
        current ? "font-semibold text-foreground" : "text-muted-foreground hover:text-foreground",
      )}
    >
      {children}
    </Link>
  );
}

export function SearchBox({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <div className="relative w-full sm:w-60">
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="Names starting with…"
        aria-label="Filter by name prefix"
        className="h-8 pl-8 text-sm"
        spellCheck={false}
        autoCapitalize="off"
      />
    </div>
  );
}

export function ViewToggle({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  return (
    <div role="group" aria-label="View" className="flex rounded-md border border-border p-0.5">
      {(
        [
          ["list", List, "List view"],
          ["grid", LayoutGrid, "Grid view"],
        ] as const
      ).map(([v, Icon, label]) => (
        <button
          key={v}
          type="button"
          aria-label={label}
          aria-pressed={view === v}
          onClick={() => onChange(v)}
          className={cn(
            "flex size-7 items-center justify-center rounded-[5px] text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
            view === v && "bg-accent text-foreground",
          )}
        >
          <Icon className="size-4" aria-hidden />
        </button>
      ))}
    </div>
  );
}

/** "Upload": files, or a whole folder (its inner paths kept under the current folder). */
export function UploadMenu({ onPick }: { onPick: (files: PickedFile[]) => void }) {
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const take = (input: HTMLInputElement) => {
    if (input.files?.length) onPick(filesFromInput(input.files));
    input.value = "";
  };
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size="sm">
            <Upload aria-hidden />
            Upload
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => filesRef.current?.click()}>
            <Upload />
            Upload files
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => folderRef.current?.click()}>
            <FolderUp />
            Upload a folder
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <input ref={filesRef} type="file" multiple hidden aria-label="Files to upload" onChange={(e) => take(e.currentTarget)} />
      <input
        ref={folderRef}
        type="file"
        multiple
        hidden
        aria-label="Folder to upload"
        onChange={(e) => take(e.currentTarget)}
        {...{ webkitdirectory: "" }}
      />
    </>
  );
}
