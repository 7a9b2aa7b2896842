import type { ProjectRole } from "@prisma/client";
import { projectSummarySelect } from "./access";
import type { TProject } from "./schemas";

export const memberProjectSelect = {
  role: true,
  project: { select: { ...projectSummarySelect, _count: { select: { members: true } } } },
} as const;

type MemberProjectRow = {
  role: ProjectRole;
  project: {
    id: string;
    slug: string;
    name: string;
    description: string;
    archivedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
    _count: { members: number };
  };
};

export function toProject(row: MemberProjectRow): TProject {
  const { project } = row;
  return {
    id: project.id,
    slug: project.slug,
    name: project.name,
    description: project.description,
    archived: project.archivedAt !== null,
    role: row.role,
    memberCount: project._count.members,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
  };
}

