import { z } from "zod";
import { db } from "../db/client";
import { projectToRead, type ProjectArgs } from "./access";

export const ZFileEntry = z.object({
  id: z.string(),
  path: z.string(),
  sizeBytes: z.number().int(),
  version: z.number().int(),
  updatedAt: z.date(),
  updatedBy: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
});
export type TFileEntry = z.infer<typeof ZFileEntry>;

/** A project's files (no contents), by path. */
export async function listFiles(args: ProjectArgs): Promise<TFileEntry[]> {
  const project = await projectToRead(args);
  return db.file.findMany({
    where: { projectId: project.id },
    orderBy: { path: "asc" },
    select: {
      id: true,
      path: true,
      sizeBytes: true,
      version: true,
      updatedAt: true,
      updatedBy: { select: { name: true, email: true } },
    },
  });
}
