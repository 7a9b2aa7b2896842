"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useTRPC } from "@/components/trpc/trpc";

/** After a change to a project: refetch its queries and re-render the server-drawn header. */
export function useRefreshProject(projectSlug: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.projects.get.queryKey({ projectSlug }) }),
      queryClient.invalidateQueries({ queryKey: trpc.projects.members.queryKey({ projectSlug }) }),
      queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() }),
    ]);
    router.refresh();
  }, [queryClient, trpc, projectSlug, router]);
}
