import { Archive, ChevronRight } from "lucide-react";
import Link from "next/link";
import { RoleBadge } from "@/components/projects/role-badge";
import type { TProject } from "@/server/projects/schemas";
import { ProjectTabs } from "./project-tabs";

export function ProjectHeader({ project }: { project: TProject }) {
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <ol className="flex items-center gap-1.5">
          <li>
            <Link href="/projects" className="rounded-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">
              Projects
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-3.5" />
          </li>
          <li aria-current="page" className="truncate font-mono text-xs">
            {project.slug}
          </li>
        </ol>
      </nav>
      {project.archived ? (
        <div
          role="status"
          className="flex items-start gap-3 rounded-lg border border-warning/40 bg-warning/10 px-4 py-3 text-sm"
        >
          <Archive className="mt-0.5 size-4 shrink-0 text-[color-mix(in_oklch,var(--warning),black_30%)] dark:text-warning" aria-hidden />
          <p>
            <span className="font-medium">This project is archived; it is read-only.</span>{" "}
            <span className="text-muted-foreground">
              Its files, datasets and jobs can be read but not changed, and no job can be submitted. An owner can unarchive it in Settings.
            </span>
          </p>
        </div>
      ) : null}
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">{project.name}</h1>
          <RoleBadge role={project.role} />
        </div>
        <p className="max-w-3xl text-sm text-muted-foreground">
          {project.description || <span className="italic">No description.</span>}
        </p>
      </div>
      <ProjectTabs slug={project.slug} />
    </div>
  );
}
