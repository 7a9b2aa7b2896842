export type LabRole = "admin" | "director" | "researcher";

const LABEL: Record<LabRole, string> = { admin: "Admin", director: "Lab director", researcher: "Researcher" };

export function labRoleLabel(role: LabRole): string {
  return LABEL[role];
}
