// The files API's shapes, shared by the tRPC router, the REST routes and the tests.
import { z } from "zod";

const ZPerson = z.object({ name: z.string().nullable(), email: z.string() }).nullable();

export const ZTreeFile = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
  version: z.number().int(),
  updatedAt: z.date(),
  updatedBy: ZPerson,
  isText: z.boolean(),
});
export const ZFileTree = z.object({ files: z.array(ZTreeFile), folders: z.array(z.string()) });
export type TFileTree = z.infer<typeof ZFileTree>;
export type TTreeFile = z.infer<typeof ZTreeFile>;

export const ZFileContent = z.object({
  path: z.string(),
  version: z.number().int(),
  sizeBytes: z.number().int(),
  updatedAt: z.date(),
  updatedBy: ZPerson,
  isText: z.boolean(),
  /** UTF-8 text for text files up to 20 MB; null for binary or larger files (download them). */
  content: z.string().nullable(),
});
export type TFileContent = z.infer<typeof ZFileContent>;

export const ZSaved = z.object({ path: z.string(), version: z.number().int(), updatedAt: z.date() });
export type TSaved = z.infer<typeof ZSaved>;

export const ZFileVersionEntry = z.object({
  version: z.number().int(),
  path: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.date(),
  createdBy: ZPerson,
});
export type TFileVersionEntry = z.infer<typeof ZFileVersionEntry>;

export const ZFileVersionContent = ZFileVersionEntry.extend({ isText: z.boolean(), content: z.string().nullable() });

export const ZPathInput = z.object({ path: z.string().min(1).max(2048) });
export const ZSaveInput = z.object({
  path: z.string().min(1).max(2048),
  /** The version this content was edited from; null creates a new file (refused if the path exists). */
  baseVersion: z.number().int().positive().nullable(),
  content: z.string(),
});
export const ZMoveInput = z.object({ from: z.string().min(1).max(2048), to: z.string().min(1).max(2048) });
export const ZVersionInput = z.object({ path: z.string().min(1).max(2048), version: z.number().int().positive() });
export const ZRestoreInput = ZVersionInput.extend({ baseVersion: z.number().int().positive() });

export const ZMoved = z.object({ from: z.string(), to: z.string(), kind: z.enum(["file", "folder"]), files: z.number().int() });
export const ZDeleted = z.object({ path: z.string(), kind: z.enum(["file", "folder"]), files: z.number().int() });
