"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import type { TProject } from "@/server/projects/schemas";

export function LeaveProjectCard({ project, currentUserId }: { project: TProject; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const leave = useMutation(trpc.projects.removeMember.mutationOptions());

  async function onConfirm() {
    try {
      await leave.mutateAsync({ projectSlug: project.slug, userId: currentUserId });
    } catch (error) {
      toast.error(errorMessageOf(error));
      throw error;
    }
    toast.success(`You left ${project.name}`);
    await queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
    router.push("/projects");
  }

  return (
    <Card>
      <CardHeader className="flex-col gap-4 pb-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1">
          <CardTitle>Leave this project</CardTitle>
          <CardDescription>
            You lose access until an owner adds you again.
            {project.role === "owner" ? " A project always keeps at least one owner." : ""}
          </CardDescription>
        </div>
        <ConfirmDialog
          trigger={
            <Button variant="outline" className="shrink-0 text-destructive hover:text-destructive">
              <LogOut aria-hidden />
              Leave project
            </Button>
          }
          title={`Leave “${project.name}”?`}
          description={`You will no longer see “${project.name}”, its files or its members. An owner can add you again.`}
          confirmLabel="Leave project"
          destructive
          onConfirm={onConfirm}
        />
      </CardHeader>
    </Card>
  );
}
