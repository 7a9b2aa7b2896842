import { z } from "zod";

export const ZLabRole = z.enum(["admin", "director", "researcher"]);

/** One person with an account, as the people page and `benchtop people` show them. */
export const ZPerson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  labRole: ZLabRole,
  external: z.boolean(),
  invitedAt: z.date().nullable(),
  lastSignInAt: z.date().nullable(),
  createdAt: z.date(),
  /** Signed-in browsers whose sessions have not ended or expired. */
  activeSessions: z.number().int(),
  projects: z.number().int(),
  /** Listed in BENCHTOP_ADMIN_EMAILS: an admin at every sign-in, whatever is set here. */
  adminByConfig: z.boolean(),
});
export type TPerson = z.infer<typeof ZPerson>;

export const ZInvitePersonInput = z.object({
  email: z.string().trim().min(1, "is required").max(254, "is too long"),
  labRole: ZLabRole.default("researcher"),
});
export type TInvitePersonInput = z.input<typeof ZInvitePersonInput>;

export const ZChangeLabRoleInput = z.object({ userId: z.string().min(1), labRole: ZLabRole });
