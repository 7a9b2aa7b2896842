"use client";

import type { ComponentProps } from "react";
import type { ProjectRole } from "@/components/projects/role-badge";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const ROLES: { value: ProjectRole; label: string; description: string }[] = [
  { value: "owner", label: "Owner", description: "Everything, including members and archiving" },
  { value: "editor", label: "Editor", description: "Edit files and run work" },
  { value: "viewer", label: "Viewer", description: "See files and results" },
];

type RoleSelectProps = {
  value: ProjectRole;
  onValueChange: (role: ProjectRole) => void;
  disabled?: boolean;
  size?: "sm" | "default";
} & Pick<ComponentProps<typeof SelectTrigger>, "id" | "aria-label" | "aria-invalid" | "aria-describedby" | "className">;

export function RoleSelect({ value, onValueChange, disabled, size, className, ...triggerProps }: RoleSelectProps) {
  return (
    <Select value={value} onValueChange={(v) => onValueChange(v as ProjectRole)} disabled={disabled}>
      <SelectTrigger size={size} className={className} {...triggerProps}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent className="min-w-64">
        {ROLES.map((role) => (
          <SelectItem key={role.value} value={role.value} description={role.description}>
            {role.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
