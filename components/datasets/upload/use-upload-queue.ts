"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useTRPCClient } from "@/components/trpc/trpc";
import { UploadQueue, type UploadApi } from "./upload-queue";

/** One upload queue per dataset page; the listing refreshes (at most once a second) as files land. */
export function useUploadQueue(projectSlug: string, dataset: string): UploadQueue {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [queue] = useState(() => {
    const ref = { projectSlug, dataset };
    const api: UploadApi = {
      start: (input) => client.datasets.upload.start.mutate({ ...ref, ...input }),
      partUrls: (input) => client.datasets.upload.partUrls.mutate({ ...ref, ...input }),
      listParts: (input) => client.datasets.upload.listParts.query({ ...ref, ...input }),
      complete: (input) => client.datasets.upload.complete.mutate({ ...ref, ...input }),
      abort: (input) => client.datasets.upload.abort.mutate({ ...ref, ...input }),
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: [["datasets", "browse"]] });
        void queryClient.invalidateQueries({ queryKey: [["datasets", "folderSize"]] });
      }, 1000);
    };
    return new UploadQueue(api, ref, refresh);
  });
  // Leaving the page with uploads running would lose them: the browser asks first.
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  useEffect(() => {
    if (!snapshot.active) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [snapshot.active]);
  return queue;
}

export function useUploadSnapshot(queue: UploadQueue) {
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
}
