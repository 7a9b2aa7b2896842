"use client";
// The dialogs behind the tree's menu: a name for a new file or folder, a new path for a rename or
// move, and a delete that names exactly what goes.
import {  } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Dialog, DialogContent, DialogDescription, DialogFormFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPCClient } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import { joinPath } from "./file-urls";
import type { TreeAction } from "./file-tree";

type Props = {
  projectSlug: string;
  action: TreeAction;
  onClose: () => void;
  onCreatedFile: (path: string) => void;
  onMoved: (from: string, to: string) => void;
  onDeleted: (path: string) => void;
  refresh: () => Promise<unknown>;
};

export function TreeDialog({ projectSlug, action, onClose, onCreatedFile, onMoved, onDeleted, refresh }: Props) {
  const client = useTRPCClient();
  const [value, setValue] = useState(action.kind === "rename" ? action.path : "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (action.kind === "new-file") {
        const saved = await client.files.save.mutate({ projectSlug, path: joinPath(action.folder, value.trim()), baseVersion: null, content: "" });
        await refresh();
        onCreatedFile(saved.path);
      } else if (action.kind === "new-folder") {
        await client.files.createFolder.mutate({ projectSlug, path: joinPath(action.folder, value.trim()) });
        await refresh();
      } else if (action.kind === "rename") {
        const moved = await client.files.move.mutate({ projectSlug, from: action.path, to: value.trim() });
        await refresh();
        onMoved(moved.from, moved.to);
        toast.success(`Moved ${moved.from} to ${moved.to}.`);
      } else {
        const deleted = await client.files.delete.mutate({ projectSlug, path: action.path });
        await refresh();
        onDeleted(deleted.path);
        toast.success(deleted.kind === "folder" ? `Deleted ${deleted.path} and ${plural(deleted.files)}.` : `Deleted ${deleted.path}.`);
      }
      onClose();
    } catch (err) {
      setError(errorMessageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const title = {
    "new-file": "New file",
    "new-folder": "New folder",
    rename: action.kind === "rename" && action.isFolder ? "Rename or move folder" : "Rename or move file",
    delete: action.kind === "delete" && action.isFolder ? `Delete the folder ${action.path}?` : `Delete ${action.kind === "delete" ? action.path : ""}?`,
  }[action.kind];

  return (
    <Dialog open onOpenChange={(open) => !open && !busy && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>
            {action.kind === "new-file" || action.kind === "new-folder"
              ? action.folder
                ? `Inside ${action.folder}/. A name with slashes makes the folders on the way.`
                : "At the top of the project. A name with slashes makes the folders on the way."
              : action.kind === "rename"
                ? "The full path inside the project. Nothing is overwritten: the new path must be free."
                : action.isFolder
                  ? `This deletes ${action.path}/ and the ${plural(action.fileCount)} in it, with their history. It cannot be undone.`
                  : `This deletes ${action.path} and its history. It cannot be undone.`}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => void run(e)} className="space-y-4">
          {action.kind !== "delete" ? (
            <Field label={action.kind === "rename" ? "New path" : "Name"}>
              <Input
                autoFocus
                value={value}
                onChange={(e) => setValue(e.target.value)}
                placeholder={action.kind === "new-file" ? "train.py" : action.kind === "new-folder" ? "data" : undefined}
                className="font-mono text-[13px]"
              />
            </Field>
          ) : null}
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <DialogFormFooter
            pending={busy}
            cancelDisabled={busy}
            destructive={action.kind === "delete"}
            disabled={busy || (action.kind !== "delete" && !value.trim())}
          >
            {{ "new-file": "Create file", "new-folder": "Create folder", rename: "Move", delete: "Delete" }[action.kind]}
          </DialogFormFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function plural(n: number): string {
  return `${n} ${n === 1 ? "file" : "files"}`;
}
