"use client";

import { useMutation } from "@tanstack/react-query";
import { Archive, ArchiveRestore } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import type { TProject } from "@/server/projects/schemas";
import { useRefreshProject } from "./use-refresh-project";

export function ArchiveProjectCard({ project }: { project: TProject }) {
  const trpc = useTRPC();
  const refresh = useRefreshProject(project.slug);
  const setArchived = useMutation(trpc.projects.setArchived.mutationOptions());
  const archiving = !project.archived;

  async function onConfirm() {
    try {
      await setArchived.mutateAsync({ projectSlug: project.slug, archived: archiving });
      toast.success(archiving ? `Archived ${project.name}` : `Restored ${project.name}`);
      await refresh();
    } catch (error) {
      toast.error(errorMessageOf(error));
      throw error;
    }
  }

  return (
    <Card>
      <CardHeader className="flex-col gap-4 pb-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1">
          <CardTitle>{archiving ? "Archive this project" : "Restore this project"}</CardTitle>
          <CardDescription>
            {archiving
              ? "An archived project leaves everyone's active list. Nothing is deleted, and you can restore it at any time."
              : "Restoring puts the project back in everyone's active list."}
          </CardDescription>
        </div>
        <ConfirmDialog
          trigger={
            <Button variant="outline" className="shrink-0">
              {archiving ? <Archive aria-hidden /> : <ArchiveRestore aria-hidden />}
              {archiving ? "Archive project" : "Restore project"}
            </Button>
          }
          title={archiving ? `Archive “${project.name}”?` : `Restore “${project.name}”?`}
          description={
            archiving
              ? `“${project.name}” will be hidden from the project lists of all ${project.memberCount} members. Its files and members are kept, and an owner can restore it later.`
              : `“${project.name}” will show in the project lists of its members again.`
          }
          confirmLabel={archiving ? "Archive project" : "Restore project"}
          onConfirm={onConfirm}
        />
      </CardHeader>
    </Card>
  );
}
