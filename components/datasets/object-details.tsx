"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Download, Loader2, Maximize2, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { formatBytes } from "@/lib/format-bytes";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import { formatModified } from "./object-list";
import { ObjectIcon } from "./object-kind";
import { PreviewBody } from "./object-preview";
import type { TObject } from "./types";

type Props = { projectSlug: string; dataset: string; object: TObject; onClose: () => void };

/** The side panel for one object: its facts, a preview read without downloading, and a download. */
export function ObjectDetails({ projectSlug, dataset, object, onClose }: Props) {
  const trpc = useTRPC();
  const ref = { projectSlug, dataset, key: object.key };
  const head = useQuery(trpc.datasets.head.queryOptions(ref));
  const preview = useQuery({ ...trpc.datasets.preview.queryOptions(ref), staleTime: 5 * 60_000 });
  const [expanded, setExpanded] = useState(false);
  const download = <DownloadButton projectSlug={projectSlug} dataset={dataset} objectKey={object.key} />;

  return (
    <aside aria-label={`Details of ${object.name}`} className="flex h-full min-h-0 flex-col">
      <div className="flex items-start gap-2 border-b border-border px-4 py-3">
        <ObjectIcon name={object.name} className="mt-0.5" />
        <h2 className="min-w-0 flex-1 text-sm font-semibold break-all">{object.name}</h2>
        <Button variant="ghost" size="icon-sm" className="-mt-1 -mr-2" onClick={onClose} aria-label="Close details">
          <X aria-hidden />
        </Button>
      </div>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-4">
        <dl className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
          <dt className="text-muted-foreground">Size</dt>
          <dd className="font-mono tabular-nums">
            {formatBytes(object.size)}
            {object.size >= 1024 ? <span className="ml-1.5 text-xs text-muted-foreground">{object.size.toLocaleString("en-US")} bytes</span> : null}
          </dd>
          <dt className="text-muted-foreground">Modified</dt>
          <dd suppressHydrationWarning>{formatModified(new Date(object.modifiedAt))}</dd>
          <dt className="text-muted-foreground">Type</dt>
          <dd className="font-mono text-xs leading-5">{head.data ? head.data.contentType : head.isError ? "—" : <Skeleton className="h-4 w-28" />}</dd>
          <dt className="text-muted-foreground">ETag</dt>
          <dd className="font-mono text-xs leading-5 break-all">{object.etag.replace(/"/g, "")}</dd>
          <dt className="text-muted-foreground">Key</dt>
          <dd className="font-mono text-xs leading-5 break-all">{object.key}</dd>
        </dl>
        <div className="flex flex-wrap gap-2">
          {download}
          <CopyButton value={object.key} label="Copy key" size="sm" />
        </div>
        <section aria-label="Preview" className="space-y-2">
          <div className="flex items-center justify-between">
            <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Preview</h3>
            {preview.data && preview.data.kind !== "none" ? (
              <Button variant="ghost" size="sm" className="-mr-2 h-7" onClick={() => setExpanded(true)}>
                <Maximize2 aria-hidden />
                Expand
              </Button>
            ) : null}
          </div>
          {preview.isPending ? (
            <Skeleton className="h-40" />
          ) : preview.isError ? (
            <p role="alert" className="text-sm text-destructive">
              {errorMessageOf(preview.error, "The preview could not be loaded.")}
            </p>
          ) : (
            <PreviewBody preview={preview.data} size="panel" download={download} />
          )}
        </section>
      </div>
      <Dialog open={expanded} onOpenChange={setExpanded}>
        <DialogContent className="sm:max-w-[min(72rem,calc(100%-2rem))]">
          <DialogHeader>
            <DialogTitle className="break-all">{object.name}</DialogTitle>
            <DialogDescription className="font-mono text-xs break-all">{object.key}</DialogDescription>
          </DialogHeader>
          {preview.data ? <PreviewBody preview={preview.data} size="dialog" download={download} /> : null}
        </DialogContent>
      </Dialog>
    </aside>
  );
}

/** Asks for a fresh presigned URL and lets the browser download from the store itself. */
export function DownloadButton({ projectSlug, dataset, objectKey: key }: { projectSlug: string; dataset: string; objectKey: string }) {
  const trpc = useTRPC();
  const link = useMutation(
    trpc.datasets.downloadUrl.mutationOptions({
      onSuccess: ({ url }) => {
        const a = document.createElement("a");
        a.href = url;
        a.download = key.slice(key.lastIndexOf("/") + 1);
        a.rel = "noopener";
        document.body.append(a);
        a.click();
        a.remove();
      },
      onError: (error) => toast.error(errorMessageOf(error, "The download link could not be made.")),
    }),
  );
  return (
    <Button size="sm" onClick={() => link.mutate({ projectSlug, dataset, key })} disabled={link.isPending}>
      {link.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Download aria-hidden />}
      Download
    </Button>
  );
}
