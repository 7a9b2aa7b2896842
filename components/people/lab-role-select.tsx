"use client";

import type { ComponentProps } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { LabRole } from "@/lib/lab-roles";

const ROLES: { value: LabRole; label: string; description: string }[] = [
  { value: "researcher", label: "Researcher", description: "Projects, notebooks, jobs and datasets" },
  { value: "director", label: "Lab director", description: "Also the lab's people, stores and agents" },
  { value: "admin", label: "Admin", description: "Everything, including lab roles" },
];

type LabRoleSelectProps = {
  value: LabRole;
  onValueChange: (role: LabRole) => void;
  /** Roles offered; the others are left out (directors invite researchers only). */
  roles?: readonly LabRole[];
  disabled?: boolean;
  size?: "sm" | "default";
} & Pick<ComponentProps<typeof SelectTrigger>, "id" | "aria-label" | "className">;

export function LabRoleSelect({ value, onValueChange, roles, disabled, size, className, ...triggerProps }: LabRoleSelectProps) {
  return (
    <Select value={value} onValueChange={(v) => onValueChange(v as LabRole)} disabled={disabled}>
      <SelectTrigger size={size} className={className} {...triggerProps}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent className="min-w-64">
        {ROLES.filter((r) => !roles || roles.includes(r.value)).map((role) => (
          <SelectItem key={role.value} value={role.value} description={role.description}>
            {role.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
