// Input schemas shared by tRPC, REST (and so the OpenAPI document) and the CLI.
import { z } from "zod";

export const ZProjectSlug = z
  .string()
  .min(2, "must be at least 2 characters")
  .max(48, "must be at most 48 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "may hold lowercase letters, digits and single dashes, e.g. protein-folding");

export const ZProjectName = z.string().trim().min(1, "is required").max(120, "must be at most 120 characters");

export const ZProjectRole = z.enum(["owner", "editor", "viewer"]);

export const ZCreateProjectInput = z.object({
  name: ZProjectName,
  slug: ZProjectSlug.optional(),
  description: z.string().max(2000, "must be at most 2000 characters").default(""),
});
export type TCreateProjectInput = z.input<typeof ZCreateProjectInput>;

export const ZUpdateProjectInput = z
  .object({
    name: ZProjectName.optional(),
    description: z.string().max(2000, "must be at most 2000 characters").optional(),
  })
  .refine((v) => v.name !== undefined || v.description !== undefined, "Give a name or a description to change.");
export type TUpdateProjectInput = z.infer<typeof ZUpdateProjectInput>;

export const ZAddMemberInput = z.object({
  email: z.email("must be an email address").transform((e) => e.toLowerCase()),
  role: ZProjectRole.default("viewer"),
});
export type TAddMemberInput = z.input<typeof ZAddMemberInput>;

export const ZChangeMemberRoleInput = z.object({ role: ZProjectRole });

export const ZProject = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  archived: z.boolean(),
  role: ZProjectRole,
  memberCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TProject = z.infer<typeof ZProject>;

export const ZMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: ZProjectRole,
  external: z.boolean(),
  joinedAt: z.date(),
});
export type TMember = z.infer<typeof ZMember>;

/** The slug suggested for a project name (one definition, shared with the browser). */
export { suggestSlug as slugify } from "../../lib/slug";
