"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatBytes } from "@/lib/format-bytes";
import { useTRPCClient } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import type { BrowserRow } from "./types";

const KEYS_PER_CALL = 1000;

/** "Delete 3 objects (12.4 MB) from imagenet-mini/train/?": the dialog names what goes. */
export function DeleteObjectsButton({
  projectSlug,
  dataset,
  prefix,
  rows,
  onDeleted,
}: {
  projectSlug: string;
  dataset: string;
  prefix: string;
  rows: BrowserRow[];
  onDeleted: () => void;
}) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const objects = rows.filter((r) => r.type === "object");
  const folders = rows.filter((r) => r.type === "folder");
  const bytes = objects.reduce((sum, o) => sum + o.size, 0);
  const where = `${dataset}/${prefix}`;
  const parts: string[] = [];
  if (objects.length) parts.push(`${objects.length.toLocaleString("en-US")} ${objects.length === 1 ? "object" : "objects"} (${formatBytes(bytes)})`);
  if (folders.length) parts.push(`${folders.length} ${folders.length === 1 ? "folder" : "folders"} with everything in ${folders.length === 1 ? "it" : "them"}`);
  const title = (
    <>
      Delete {parts.join(" and ")} from <span className="font-mono whitespace-nowrap">{where}</span>?
    </>
  );

  async function remove() {
    try {
      let deleted = 0;
      for (const f of folders) deleted += (await client.datasets.deleteObjects.mutate({ projectSlug, dataset, prefix: f.prefix })).deleted;
      const keys = objects.map((o) => o.key);
      for (let i = 0; i < keys.length; i += KEYS_PER_CALL) {
        deleted += (await client.datasets.deleteObjects.mutate({ projectSlug, dataset, keys: keys.slice(i, i + KEYS_PER_CALL) })).deleted;
      }
      toast.success(`Deleted ${deleted.toLocaleString("en-US")} ${deleted === 1 ? "object" : "objects"}`);
      onDeleted();
    } catch (error) {
      toast.error(errorMessageOf(error));
      throw error;
    } finally {
      await queryClient.invalidateQueries({ queryKey: [["datasets", "browse"]] });
      await queryClient.invalidateQueries({ queryKey: [["datasets", "folderSize"]] });
    }
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden />
          Delete {rows.length}
        </Button>
      }
      title={title}
      description={
"They are removed from the store itself, for everyone who uses this dataset. This cannot be undone."
      }
      confirmLabel="Delete"
      destructive
      onConfirm={remove}
    />
  );
}
