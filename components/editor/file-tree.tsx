"use client";
// The project's files as a tree: folders open and close, a row's menu holds what can be done to
// it, files dragged onto a folder move there, and files from the desktop upload into it.
import { ChevronRight, Download, FilePlus, Folder, FolderOpen, FolderPlus, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { useState, type DragEvent, type ReactNode } from "react";
import { FileIcon } from "@/components/project/file-icon";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import { contentUrl } from "./file-urls";
import type { TreeNode } from "./tree-model";

export type TreeAction =
  | { kind: "new-file"; folder: string }
  | { kind: "new-folder"; folder: string }
  | { kind: "rename"; path: string; isFolder: boolean }
  | { kind: "delete"; path: string; isFolder: boolean; fileCount: number };

type Props = {
  projectSlug: string;
  nodes: TreeNode[];
  activePath: string | null;
  expanded: Set<string>;
  onToggle: (folder: string) => void;
  onOpen: (path: string) => void;
  onAction: (action: TreeAction) => void;
  onMove: (from: string, toFolder: string) => void;
  onDropFiles: (folder: string, dt: DataTransfer) => void;
  canEdit: boolean;
};

const MOVE_TYPE = "application/x-benchtop-path";

export function FileTree(props: Props) {
  return (
    <ul role="tree" aria-label="Files" className="py-1 text-[13px]">
      {props.nodes.map((n) => (
        <TreeRow key={n.path} node={n} depth={0} {...props} />
      ))}
    </ul>
  );
}

function TreeRow({ node, depth, ...p }: Props & { node: TreeNode; depth: number }) {
  const [dropping, setDropping] = useState(false);
  const isFolder = node.kind === "folder";
  const open = isFolder && p.expanded.has(node.path);
  const active = !isFolder && node.path === p.activePath;

  const dropHandlers = isFolder && p.canEdit
    ? {
        onDragOver: (e: DragEvent) => {
          e.preventDefault();
          e.stopPropagation();
          setDropping(true);
        },
        onDragLeave: () => setDropping(false),
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          e.stopPropagation();
          setDropping(false);
          const from = e.dataTransfer.getData(MOVE_TYPE);
          if (from) p.onMove(from, node.path);
          else if (e.dataTransfer.files.length > 0) p.onDropFiles(node.path, e.dataTransfer);
        },
      }
    : {};

  return (
    <li role="treeitem" aria-expanded={isFolder ? open : undefined} aria-selected={active} {...dropHandlers}>
      <div
        draggable={p.canEdit}
        onDragStart={(e) => {
          e.dataTransfer.setData(MOVE_TYPE, node.path);
          e.dataTransfer.effectAllowed = "move";
        }}
        className={cn(
          "group flex h-7 cursor-pointer items-center gap-1 pr-1 outline-none select-none hover:bg-accent/70",
          active && "bg-accent text-accent-foreground",
          dropping && "bg-primary/10 ring-1 ring-primary/40 ring-inset",
        )}
        style={{ paddingLeft: 6 + depth * 14 }}
        onClick={() => (isFolder ? p.onToggle(node.path) : p.onOpen(node.path))}
      >
        <button
          type="button"
          className="flex min-w-0 flex-1 items-center gap-1.5 text-left outline-none focus-visible:underline"
          aria-label={isFolder ? `${node.name} folder` : node.name}
          title={node.path}
        >
          {isFolder ? (
            <>
              <ChevronRight className={cn("size-3.5 shrink-0 text-muted-foreground transition-transform", open && "rotate-90")} aria-hidden />
              {open ? <FolderOpen className="size-4 shrink-0 text-amber-600/80" aria-hidden /> : <Folder className="size-4 shrink-0 text-amber-600/80" aria-hidden />}
            </>
          ) : (
            <span className="flex items-center pl-[18px]">
              <FileIcon path={node.path} />
            </span>
          )}
          <span className="truncate">{node.name}</span>
        </button>
        <RowMenu node={node} {...p} />
      </div>
      {isFolder && open ? (
        <ul role="group">
          {node.children.length === 0 ? (
            <li className="h-6 text-xs text-muted-foreground italic" style={{ paddingLeft: 6 + (depth + 1) * 14 + 18 }}>
              empty
            </li>
          ) : (
            node.children.map((c) => <TreeRow key={c.path} node={c} depth={depth + 1} {...p} />)
          )}
        </ul>
      ) : null}
    </li>
  );
}

function RowMenu({ node, projectSlug, onAction, canEdit }: Props & { node: TreeNode }) {
  const isFolder = node.kind === "folder";
  const item = (icon: ReactNode, label: string, onSelect: () => void, destructive = false) => (
    <DropdownMenuItem onSelect={onSelect} className={destructive ? "text-destructive focus:text-destructive" : undefined}>
      {icon}
      {label}
    </DropdownMenuItem>
  );
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Actions for ${node.path}`}
        onClick={(e) => e.stopPropagation()}
        className="flex size-6 shrink-0 items-center justify-center rounded-sm text-muted-foreground opacity-0 outline-none group-hover:opacity-100 hover:bg-background focus-visible:opacity-100 data-[state=open]:opacity-100"
      >
        <MoreHorizontal className="size-4" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" onClick={(e) => e.stopPropagation()}>
        {isFolder && canEdit ? (
          <>
            {item(<FilePlus aria-hidden />, "New file…", () => onAction({ kind: "new-file", folder: node.path }))}
            {item(<FolderPlus aria-hidden />, "New folder…", () => onAction({ kind: "new-folder", folder: node.path }))}
            <DropdownMenuSeparator />
          </>
        ) : null}
        {isFolder ? (
          <>
            <DropdownMenuItem asChild>
              <a href={contentUrl(projectSlug, node.path, { format: "zip" })} download>
                <Download aria-hidden />
                Download as zip
              </a>
            </DropdownMenuItem>
            <DropdownMenuItem asChild>
              <a href={contentUrl(projectSlug, node.path, { format: "tar" })} download>
                <Download aria-hidden />
                Download as tar
              </a>
            </DropdownMenuItem>
          </>
        ) : (
          <DropdownMenuItem asChild>
            <a href={contentUrl(projectSlug, node.path)} download>
              <Download aria-hidden />
              Download
            </a>
          </DropdownMenuItem>
        )}
        {canEdit ? (
          <>
            <DropdownMenuSeparator />
            {item(<Pencil aria-hidden />, "Rename or move…", () => onAction({ kind: "rename", path: node.path, isFolder }))}
            {item(
              <Trash2 aria-hidden />,
              "Delete…",
              () => onAction({ kind: "delete", path: node.path, isFolder, fileCount: node.kind === "folder" ? node.fileCount : 1 }),
              true,
            )}
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
