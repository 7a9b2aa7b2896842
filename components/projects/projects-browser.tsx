"use client";

import { useQuery } from "@tanstack/react-query";
import { Archive, FolderPlus, Search } from "lucide-react";
import Link from "next/link";
import { useDeferredValue, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RelativeTime } from "@/components/ui/relative-time";
import { LoadError, LoadingRows } from "@/components/ui/list-states";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/trpc";
import type { TProject } from "@/server/projects/schemas";
import { NewProjectDialog } from "./new-project-dialog";
import { RoleBadge } from "./role-badge";

export function ProjectsBrowser() {
  const trpc = useTRPC();
  const switchId = useId();
  const [filter, setFilter] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const projects = useQuery({
    ...trpc.projects.list.queryOptions({ includeArchived: showArchived }),
    placeholderData: (previous) => previous,
  });
  const deferredFilter = useDeferredValue(filter);
  const shown = (projects.data ?? []).filter((p) => matches(p, deferredFilter));

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="relative w-full sm:max-w-xs">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            aria-label="Filter projects"
            placeholder="Filter by name or slug"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="pl-8"
          />
        </div>
        <div className="flex items-center gap-2">
          <Switch id={switchId} checked={showArchived} onCheckedChange={setShowArchived} />
          <Label htmlFor={switchId} className="font-normal text-muted-foreground">
            Show archived
          </Label>
        </div>
      </div>

      {projects.isPending ? (
        <LoadingRows rows={3} className="h-12" />
      ) : projects.isError ? (
        <LoadError what="Your projects" />
      ) : projects.data.length === 0 ? (
        <EmptyState icon={FolderPlus} title={showArchived ? "No projects yet" : "No active projects"} action={<NewProjectDialog />}>
          Create a project to keep code, notebooks and runs together, or ask a colleague to add you to theirs.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState icon={Search} title="No project matches that filter">
          Nothing in {showArchived ? "your projects" : "your active projects"} matches “{deferredFilter}”.
        </EmptyState>
      ) : (
        <div className="rounded-xl border border-border bg-card shadow-xs">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Project</TableHead>
                <TableHead className="w-24">Your role</TableHead>
                <TableHead className="hidden w-24 text-right sm:table-cell">Members</TableHead>
                <TableHead className="hidden w-36 md:table-cell">Updated</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((project) => (
                <ProjectRow key={project.id} project={project} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function ProjectRow({ project }: { project: TProject }) {
  return (
    <TableRow className="relative">
      <TableCell className="max-w-0 whitespace-normal">
        <div className="flex items-center gap-2">
          <Link
            href={`/projects/${project.slug}`}
            className="truncate font-medium outline-none after:absolute after:inset-0 focus-visible:underline hover:underline"
          >
            {project.name}
          </Link>
          {project.archived ? (
            <Badge variant="warning">
              <Archive aria-hidden />
              Archived
            </Badge>
          ) : null}
        </div>
        <div className="truncate text-xs text-muted-foreground">
          <span className="font-mono">{project.slug}</span>
          {project.description ? <span> · {project.description}</span> : null}
        </div>
      </TableCell>
      <TableCell>
        <RoleBadge role={project.role} />
      </TableCell>
      <TableCell className="hidden text-right tabular-nums text-muted-foreground sm:table-cell">{project.memberCount}</TableCell>
      <TableCell className="hidden text-muted-foreground md:table-cell">
        <RelativeTime date={project.updatedAt} />
      </TableCell>
    </TableRow>
  );
}

function matches(project: TProject, filter: string): boolean {
  const q = filter.trim().toLowerCase();
  if (!q) return true;
  return project.name.toLowerCase().includes(q) || project.slug.includes(q) || project.description.toLowerCase().includes(q);
}
