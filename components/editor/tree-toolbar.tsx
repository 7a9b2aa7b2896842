"use client";
// Above the tree: new file, new folder, upload (files or a folder), download the project.
import { Download, FilePlus, FolderPlus, Search, Upload } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { contentUrl } from "./file-urls";
import type { TreeAction } from "./file-tree";
import { itemsFromInput, type UploadItem } from "./upload";

type Props = {
  projectSlug: string;
  canEdit: boolean;
  onAction: (a: TreeAction) => void;
  onUpload: (items: UploadItem[]) => void;
  onQuickOpen: () => void;
};

export function TreeToolbar({ projectSlug, canEdit, onAction, onUpload, onQuickOpen }: Props) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const picked = (input: HTMLInputElement | null) => {
    if (input?.files?.length) onUpload(itemsFromInput(input.files, ""));
    if (input) input.value = "";
  };
  return (
    <div className="flex h-10 items-center gap-0.5 border-b border-border px-2">
      <span className="flex-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">Files</span>
      <Button variant="ghost" size="icon-sm" className="size-7" onClick={onQuickOpen} aria-label="Go to file" title="Go to file (Ctrl+P)">
        <Search aria-hidden />
      </Button>
      {canEdit ? (
        <>
          <Button variant="ghost" size="icon-sm" className="size-7" aria-label="New file" title="New file" onClick={() => onAction({ kind: "new-file", folder: "" })}>
            <FilePlus aria-hidden />
          </Button>
          <Button variant="ghost" size="icon-sm" className="size-7" aria-label="New folder" title="New folder" onClick={() => onAction({ kind: "new-folder", folder: "" })}>
            <FolderPlus aria-hidden />
          </Button>
        </>
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" className="size-7" aria-label={canEdit ? "Upload or download" : "Download"} title={canEdit ? "Upload or download" : "Download"}>
            {canEdit ? <Upload aria-hidden /> : <Download aria-hidden />}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {canEdit ? (
            <>
              <DropdownMenuItem onSelect={() => filesInput.current?.click()}>
                <Upload aria-hidden />
                Upload files…
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => folderInput.current?.click()}>
                <Upload aria-hidden />
                Upload a folder…
              </DropdownMenuItem>
              <DropdownMenuSeparator />
            </>
          ) : null}
          <DropdownMenuItem asChild>
            <a href={contentUrl(projectSlug, null, { format: "zip" })} download>
              <Download aria-hidden />
              Download project (zip)
            </a>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <a href={contentUrl(projectSlug, null, { format: "tar" })} download>
              <Download aria-hidden />
              Download project (tar)
            </a>
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <input ref={filesInput} type="file" multiple hidden aria-label="Files to upload" onChange={(e) => picked(e.currentTarget)} />
      <input
        ref={folderInput}
        type="file"
        hidden
        aria-label="Folder to upload"
        onChange={(e) => picked(e.currentTarget)}
        {...({ webkitdirectory: "", directory: "" } as Record<string, string>)}
      />
    </div>
  );
}
