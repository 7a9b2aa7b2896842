import { Badge } from "@/components/ui/badge";

export type ProjectRole = "owner" | "editor" | "viewer";

const VARIANT = { owner: "default", editor: "secondary", viewer: "outline" } as const;
const LABEL: Record<ProjectRole, string> = { owner: "Owner", editor: "Editor", viewer: "Viewer" };

export function RoleBadge({ role, className }: { role: ProjectRole; className?: string }) {
  return (
    <Badge variant={VARIANT[role]} className={className}>
      {LABEL[role]}
    </Badge>
  );
}

export function roleLabel(role: ProjectRole): string {
  return LABEL[role];
}
