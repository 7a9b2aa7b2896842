// The project's files as text and folders. Their bytes (uploads, downloads, archives) are byte
// routes: server/rest/bytes.ts.
import { z } from "zod";
import { createFolder, deletePath, movePath } from "../../files/folders";
import { listFiles, ZFileEntry } from "../../files/list-files";
import { listFileHistory, readFile, readFileVersion, restoreFileVersion } from "../../files/read-file";
import {
  ZDeleted,
  ZFileContent,
  ZFileTree,
  ZFileVersionContent,
  ZFileVersionEntry,
  ZMoved,
  ZMoveInput,
  ZPathInput,
  ZRestoreInput,
  ZSaved,
  ZSaveInput,
  ZVersionInput,
} from "../../files/schemas";
import { listTree } from "../../files/tree";
import { saveTextFile } from "../../files/write-file";
import { createTRPCRouter, projectProcedure } from "../trpc";

const ZProjectParams = z.object({ projectSlug: z.string().min(1).meta({ description: "The project's slug", example: "demo" }) });
const ZPathQuery = z.object({ path: z.string().min(1).meta({ description: "A path in the project", example: "src/train.py" }) });
const ZFileEntries = z.array(ZFileEntry);
const ZVersions = z.array(ZFileVersionEntry);
const FILES = "/projects/{projectSlug}/files";

export const filesRouter = createTRPCRouter({
  list: projectProcedure("viewer")
    .meta({
      rest: {
        method: "GET",
        path: `${FILES}/entries`,
        tag: "Files",
        summary: "Every file of the project as a flat list (no contents)",
        params: ZProjectParams,
        response: z.object({ files: ZFileEntries }),
        output: (files: z.infer<typeof ZFileEntries>) => ({ files }),
      },
    })
    .output(ZFileEntries)
    .query(({ ctx, input }) => listFiles({ actorId: ctx.actor.id, access: ctx.access, projectSlug: input.projectSlug })),
  tree: projectProcedure("viewer")
    .meta({ rest: { method: "GET", path: FILES, tag: "Files", summary: "The project's files (no contents) and folders", params: ZProjectParams } })
    .output(ZFileTree)
    .query(({ ctx, input }) => listTree({ actorId: ctx.actor.id, access: ctx.access, projectSlug: input.projectSlug })),
  read: projectProcedure("viewer")
    .meta({
      rest: { method: "GET", path: `${FILES}/text`, tag: "Files", summary: "One file as text (content is null for binary files and text over 20 MB: use files/content)", params: ZProjectParams, query: ZPathQuery },
    })
    .input(ZPathInput)
    .output(ZFileContent)
    .query(({ ctx, input }) => readFile({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  /** Saves text. baseVersion null creates the file; a stale baseVersion is CONFLICT (fields.version: the current one). */
  save: projectProcedure("editor")
    .meta({
      rest: {
        method: "POST",
        path: `${FILES}/text`,
        tag: "Files",
        summary: "Save text: baseVersion names the version you edited (null creates the file); a newer version is a 409",
        params: ZProjectParams,
        body: ZSaveInput,
      },
    })
    .input(ZSaveInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) => saveTextFile({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  createFolder: projectProcedure("editor")
    .meta({ rest: { method: "POST", path: "/projects/{projectSlug}/folders", tag: "Files", summary: "Create an empty folder", params: ZProjectParams, body: ZPathInput, status: 201 } })
    .input(ZPathInput)
    .output(z.object({ path: z.string() }))
    .mutation(({ ctx, input }) => createFolder({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  move: projectProcedure("editor")
    .meta({ rest: { method: "POST", path: `${FILES}/move`, tag: "Files", summary: "Rename or move a file or folder (refused when the destination exists)", params: ZProjectParams, body: ZMoveInput } })
    .input(ZMoveInput)
    .output(ZMoved)
    .mutation(({ ctx, input }) => movePath({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  delete: projectProcedure("editor")
    .meta({ rest: { method: "DELETE", path: FILES, tag: "Files", summary: "Delete a file, or a folder with everything in it", params: ZProjectParams, query: ZPathQuery } })
    .input(ZPathInput)
    .output(ZDeleted)
    .mutation(({ ctx, input }) => deletePath({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  history: projectProcedure("viewer")
    .meta({
      rest: {
        method: "GET",
        path: `${FILES}/history`,
        tag: "Files",
        summary: "Every saved version of a file, newest first",
        params: ZProjectParams,
        query: ZPathQuery,
        response: z.object({ versions: ZVersions }),
        output: (versions: z.infer<typeof ZVersions>) => ({ versions }),
      },
    })
    .input(ZPathInput)
    .output(ZVersions)
    .query(({ ctx, input }) => listFileHistory({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  version: projectProcedure("viewer")
    .meta({
      rest: {
        method: "GET",
        path: `${FILES}/versions/{version}`,
        tag: "Files",
        summary: "One saved version of a file, with its text",
        params: ZProjectParams.extend({ version: z.coerce.number().int().positive() }),
        query: ZPathQuery,
      },
    })
    .input(ZVersionInput)
    .output(ZFileVersionContent)
    .query(({ ctx, input }) => readFileVersion({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  /** Saves an old version's content as a new version; baseVersion is the current one, as for save. */
  restore: projectProcedure("editor")
    .meta({
      rest: { method: "POST", path: `${FILES}/restore`, tag: "Files", summary: "Save an old version's content as a new version (baseVersion: the current version)", params: ZProjectParams, body: ZRestoreInput },
    })
    .input(ZRestoreInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) => restoreFileVersion({ actorId: ctx.actor.id, access: ctx.access, ...input })),
});
