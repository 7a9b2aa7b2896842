import type { LabRole } from "@prisma/client";
import { z } from "zod";
import { db } from "../db/client";

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  labRole: z.enum(["admin", "director", "researcher"]),
  external: z.boolean(),
});
export type TUser = z.infer<typeof ZUser>;

export const userSelect = { id: true, email: true, name: true, labRole: true, external: true } as const;

export async function findUser(userId: string): Promise<TUser | null> {
  return db.user.findUnique({ where: { id: userId }, select: userSelect });
}

export function isDirector(role: LabRole): boolean {
  return role === "director" || role === "admin";
}

export function displayName(user: { name: string | null; email: string }): string {
  return user.name ?? user.email.split("@")[0]!;
}
