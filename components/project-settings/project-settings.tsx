"use client";

import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/trpc";
import { ArchiveProjectCard } from "./archive-project-card";
import { BudgetCard } from "./budget-card";
import { LeaveProjectCard } from "./leave-project-card";
import { MembersCard } from "./members-card";
import { RenameProjectForm } from "./rename-project-form";

export function ProjectSettings({ projectSlug, currentUserId, isDirector }: { projectSlug: string; currentUserId: string; isDirector: boolean }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.projects.get.queryOptions({ projectSlug }));
  if (!project.data) return <Skeleton className="h-64" />;
  const isOwner = project.data.role === "owner";
  return (
    <div className="max-w-3xl space-y-6">
      {isOwner ? <RenameProjectForm key={project.data.name} project={project.data} /> : null}
      <BudgetCard projectSlug={projectSlug} canEdit={isOwner || isDirector} />
      <MembersCard project={project.data} currentUserId={currentUserId} />
      <section aria-labelledby="danger-heading" className="space-y-3">
        <h2 id="danger-heading" className="text-sm font-semibold text-muted-foreground">
          {isOwner ? "Archive and membership" : "Your membership"}
        </h2>
        {isOwner ? <ArchiveProjectCard project={project.data} /> : null}
        <LeaveProjectCard project={project.data} currentUserId={currentUserId} />
      </section>
    </div>
  );
}
