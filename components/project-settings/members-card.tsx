"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { MemberRow } from "@/components/project/member-row";
import { RoleBadge, roleLabel, type ProjectRole } from "@/components/projects/role-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import type { TMember, TProject } from "@/server/projects/schemas";
import { AddMemberForm } from "./add-member-form";
import { RoleSelect } from "./role-select";
import { useRefreshProject } from "./use-refresh-project";

export function MembersCard({ project, currentUserId }: { project: TProject; currentUserId: string }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.projects.members.queryOptions({ projectSlug: project.slug }));
  const canManage = project.role === "owner";

  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>Members</CardTitle>
        <CardDescription>
          {canManage
            ? "Owners manage members and the project; editors change files and run work; viewers look."
            : `You are ${project.role === "editor" ? "an editor" : "a viewer"} here. Only owners can add, remove or change members.`}
        </CardDescription>
      </CardHeader>
      {canManage ? (
        <CardContent className="pt-4">
          <AddMemberForm projectSlug={project.slug} />
        </CardContent>
      ) : null}
      <ul className="divide-y divide-border border-t border-border" aria-label="Members">
        {members.isPending ? (
          <li className="space-y-2 px-5 py-4">
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
          </li>
        ) : members.isError ? (
          <li role="alert" className="px-5 py-4 text-sm text-destructive">
            {errorMessageOf(members.error)}
          </li>
        ) : (
          members.data.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              isYou={member.userId === currentUserId}
              end={
                canManage && member.userId !== currentUserId ? (
                  <MemberControls projectSlug={project.slug} projectName={project.name} member={member} />
                ) : (
                  <RoleBadge role={member.role} />
                )
              }
            />
          ))
        )}
      </ul>
    </Card>
  );
}

function MemberControls({ projectSlug, projectName, member }: { projectSlug: string; projectName: string; member: TMember }) {
  const trpc = useTRPC();
  const refresh = useRefreshProject(projectSlug);
  const who = member.name ?? member.email;
  const changeRole = useMutation(
    trpc.projects.changeMemberRole.mutationOptions({
      onSuccess: async (updated) => {
        toast.success(`${who} is now ${updated.role === "viewer" ? "a" : "an"} ${updated.role}`);
        await refresh();
      },
      onError: (error) => toast.error(errorMessageOf(error)),
    }),
  );
  const remove = useMutation(trpc.projects.removeMember.mutationOptions());

  async function onRemove() {
    try {
      await remove.mutateAsync({ projectSlug, userId: member.userId });
      toast.success(`Removed ${who} from ${projectName}`);
      await refresh();
    } catch (error) {
      toast.error(errorMessageOf(error));
      throw error;
    }
  }

  return (
    <>
      <RoleSelect
        size="sm"
        className="w-28"
        aria-label={`Role of ${who}`}
        value={member.role}
        disabled={changeRole.isPending}
        onValueChange={(role: ProjectRole) => {
          if (role !== member.role) changeRole.mutate({ projectSlug, userId: member.userId, role });
        }}
      />
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" className="text-muted-foreground hover:text-destructive">
            Remove<span className="sr-only"> {who}</span>
          </Button>
        }
        title={`Remove ${who}?`}
        description={`${who} (${member.email}) will lose access to “${projectName}” as ${roleLabel(member.role).toLowerCase()}. You can add them again later.`}
        confirmLabel="Remove member"
        destructive
        onConfirm={onRemove}
      />
    </>
  );
}
