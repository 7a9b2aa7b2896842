import { Archive, Users } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TProject } from "@/server/projects/schemas";
import { RoleBadge } from "./role-badge";

/** One project as a card; the whole card is its link. */
export function ProjectCard({ project }: { project: TProject }) {
  return (
    <article className="group relative flex h-full flex-col rounded-xl border border-border bg-card p-4 shadow-xs transition-colors focus-within:ring-[3px] focus-within:ring-ring/50 hover:border-primary/40">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="truncate font-medium">
            <Link href={`/projects/${project.slug}`} className="outline-none after:absolute after:inset-0 after:rounded-xl">
              {project.name}
            </Link>
          </h3>
          <p className="truncate font-mono text-xs text-muted-foreground">{project.slug}</p>
        </div>
        <div className="flex shrink-0 items-center gap-1.5">
          {project.archived ? (
            <Badge variant="warning">
              <Archive aria-hidden />
              Archived
            </Badge>
          ) : null}
          <RoleBadge role={project.role} />
        </div>
      </div>
      <p className="mt-3 line-clamp-2 min-h-10 text-sm text-muted-foreground">
        {project.description || <span className="italic opacity-60">No description</span>}
      </p>
      <div className="mt-4 flex items-center gap-4 text-xs text-muted-foreground">
        <span className="inline-flex items-center gap-1.5">
          <Users className="size-3.5" aria-hidden />
          {project.memberCount} {project.memberCount === 1 ? "member" : "members"}
        </span>
        <span>
          Updated <RelativeTime date={project.updatedAt} />
        </span>
      </div>
    </article>
  );
}
