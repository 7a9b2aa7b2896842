"use client";

import { Check, ChevronDown, ChevronUp, CircleAlert, Loader2, RotateCw, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { formatBytes } from "@/lib/format-bytes";
import { formatDuration } from "@/lib/format-duration";
import type { UploadItem, UploadQueue } from "./upload-queue";
import { useUploadSnapshot } from "./use-upload-queue";

const SHOWN = 200;

/** Bottom-right card with the total and each file's progress; stays while you browse other folders. */
export function UploadPanel({ queue }: { queue: UploadQueue }) {
  const snap = useUploadSnapshot(queue);
  const [open, setOpen] = useState(true);
  if (snap.items.length === 0) return null;
  const counts = { done: 0, failed: 0, uploading: 0, queued: 0, cancelled: 0 };
  for (const i of snap.items) counts[i.status] += 1;
  const live = snap.items.length - counts.cancelled;
  const fraction = snap.totalBytes > 0 ? snap.loadedBytes / snap.totalBytes : live > 0 && counts.done === live ? 1 : 0;
  const remaining = snap.speed > 0 ? (snap.totalBytes - snap.loadedBytes) / snap.speed : null;
  const title = snap.active
    ? `Uploading ${live - counts.done - counts.failed} of ${live} ${live === 1 ? "file" : "files"}`
    : counts.failed > 0
      ? `${counts.failed} ${counts.failed === 1 ? "upload" : "uploads"} failed`
      : `Uploaded ${counts.done} ${counts.done === 1 ? "file" : "files"}`;
  // Running and failed files first, so what needs attention is on top.
  const order: Record<UploadItem["status"], number> = { failed: 0, uploading: 1, queued: 2, done: 3, cancelled: 4 };
  const items = [...snap.items].sort((a, b) => order[a.status] - order[b.status] || a.id - b.id).slice(0, SHOWN);

  return (
    <section
      aria-label="Uploads"
      className="fixed right-4 bottom-4 z-40 w-[min(26rem,calc(100vw-2rem))] overflow-hidden rounded-xl border border-border bg-popover text-popover-foreground shadow-xl"
    >
      <div className="space-y-2 px-4 pt-3 pb-3">
        <div className="flex items-center gap-2">
          {snap.active ? (
            <Loader2 className="size-4 animate-spin text-primary" aria-hidden />
          ) : counts.failed > 0 ? (
            <CircleAlert className="size-4 text-destructive" aria-hidden />
          ) : (
            <Check className="size-4 text-success" aria-hidden />
          )}
          <h2 className="flex-1 text-sm font-semibold">{title}</h2>
          <Button variant="ghost" size="icon-sm" onClick={() => setOpen((o) => !o)} aria-label={open ? "Hide the files" : "Show the files"} aria-expanded={open}>
            {open ? <ChevronDown aria-hidden /> : <ChevronUp aria-hidden />}
          </Button>
          {snap.active ? null : (
            <Button variant="ghost" size="icon-sm" onClick={() => queue.clearFinished()} aria-label="Dismiss finished uploads">
              <X aria-hidden />
            </Button>
          )}
        </div>
        <ProgressBar value={fraction} label="Total upload progress" />
        <div className="flex items-center justify-between gap-3 text-xs text-muted-foreground">
          <span className="font-mono tabular-nums">
            {formatBytes(snap.loadedBytes)} / {formatBytes(snap.totalBytes)}
            {snap.active && snap.speed > 0 ? ` · ${formatBytes(snap.speed)}/s` : ""}
          </span>
          <span className="tabular-nums">{snap.active && remaining !== null ? `${formatDuration(Math.ceil(remaining) * 1000)} left` : ""}</span>
        </div>
        {snap.active || counts.failed > 0 ? (
          <div className="flex justify-end gap-2">
            {counts.failed > 0 ? (
              <Button variant="outline" size="sm" onClick={() => queue.retryFailed()}>
                <RotateCw aria-hidden />
                Retry failed
              </Button>
            ) : null}
            <Button variant="ghost" size="sm" onClick={() => queue.cancelAll()}>
              Cancel {snap.active ? "all" : "failed"}
            </Button>
          </div>
        ) : null}
      </div>
      {open ? (
        <ul className="max-h-64 divide-y divide-border overflow-y-auto border-t border-border" aria-label="Files being uploaded">
          {items.map((item) => (
            <UploadRow key={item.id} item={item} queue={queue} />
          ))}
          {snap.items.length > SHOWN ? (
            <li className="px-4 py-2 text-xs text-muted-foreground">and {(snap.items.length - SHOWN).toLocaleString("en-US")} more</li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}

function UploadRow({ item, queue }: { item: UploadItem; queue: UploadQueue }) {
  const fraction = item.size > 0 ? item.loaded / item.size : item.status === "done" ? 1 : 0;
  const name = item.key.slice(item.key.lastIndexOf("/") + 1);
  return (
    <li className="space-y-1.5 px-4 py-2.5">
      <div className="flex items-center gap-2 text-sm">
        <span className="min-w-0 flex-1 truncate" title={item.key}>
          {name}
        </span>
        <span className={cn("shrink-0 text-xs tabular-nums", item.status === "failed" ? "text-destructive" : "text-muted-foreground")}>
          {item.status === "done"
            ? formatBytes(item.size)
            : item.status === "queued"
              ? "Waiting"
              : item.status === "cancelled"
                ? "Cancelled"
                : item.status === "failed"
                  ? "Failed"
                  : `${Math.floor(fraction * 100)}%`}
        </span>
        {item.status === "failed" ? (
          <Button variant="ghost" size="icon-sm" className="size-6" onClick={() => queue.retry(item.id)} aria-label={`Retry ${name}`}>
            <RotateCw aria-hidden />
          </Button>
        ) : null}
        {item.status === "uploading" || item.status === "queued" || item.status === "failed" ? (
          <Button variant="ghost" size="icon-sm" className="size-6" onClick={() => queue.cancel(item.id)} aria-label={`Cancel ${name}`}>
            <X aria-hidden />
          </Button>
        ) : item.status === "done" ? (
          <Check className="size-4 text-success" aria-label="Uploaded" />
        ) : null}
      </div>
      {item.status === "uploading" || item.status === "failed" ? <ProgressBar value={fraction} label={`Progress of ${name}`} thin failed={item.status === "failed"} /> : null}
      {item.error ? (
        <p className="text-xs text-destructive">
          {item.error} <span className="text-muted-foreground">Retry sends only the parts the store does not have yet.</span>
        </p>
      ) : null}
      {item.resumedBytes && item.status !== "done" ? (
        <p className="text-xs text-muted-foreground">Resumed: {formatBytes(item.resumedBytes)} were already in the store.</p>
      ) : null}
    </li>
  );
}

function ProgressBar({ value, label, thin, failed }: { value: number; label: string; thin?: boolean; failed?: boolean }) {
  const pct = Math.max(0, Math.min(100, value * 100));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.floor(pct)}
      className={cn("w-full overflow-hidden rounded-full bg-muted", thin ? "h-1" : "h-2")}
    >
      <div className={cn("h-full rounded-full transition-[width] duration-200", failed ? "bg-destructive" : "bg-primary")} style={{ width: `${pct}%` }} />
    </div>
  );
}
