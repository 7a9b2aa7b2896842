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

export const filesRouter = createTRPCRouter({
  list: projectProcedure("viewer")
    .output(z.array(ZFileEntry))
    .query(({ ctx, input }) => listFiles({ actorId: ctx.actor.id, projectSlug: input.projectSlug })),
  tree: projectProcedure("viewer")
    .output(ZFileTree)
    .query(({ ctx, input }) => listTree({ actorId: ctx.actor.id, projectSlug: input.projectSlug })),
  read: projectProcedure("viewer")
    .input(ZPathInput)
    .output(ZFileContent)
    .query(({ ctx, input }) => readFile({ actorId: ctx.actor.id, ...input })),
  /** Saves text. baseVersion null creates the file; a stale baseVersion is CONFLICT (fields.version: the current one). */
  save: projectProcedure("editor")
    .input(ZSaveInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) => saveTextFile({ actorId: ctx.actor.id, ...input })),
  createFolder: projectProcedure("editor")
    .input(ZPathInput)
    .output(z.object({ path: z.string() }))
    .mutation(({ ctx, input }) => createFolder({ actorId: ctx.actor.id, ...input })),
  move: projectProcedure("editor")
    .input(ZMoveInput)
    .output(ZMoved)
    .mutation(({ ctx, input }) => movePath({ actorId: ctx.actor.id, ...input })),
  delete: projectProcedure("editor")
    .input(ZPathInput)
    .output(ZDeleted)
    .mutation(({ ctx, input }) => deletePath({ actorId: ctx.actor.id, ...input })),
  history: projectProcedure("viewer")
    .input(ZPathInput)
    .output(z.array(ZFileVersionEntry))
    .query(({ ctx, input }) => listFileHistory({ actorId: ctx.actor.id, ...input })),
  version: projectProcedure("viewer")
    .input(ZVersionInput)
    .output(ZFileVersionContent)
    .query(({ ctx, input }) => readFileVersion({ actorId: ctx.actor.id, ...input })),
  /** Saves an old version's content as a new version; baseVersion is the current one, as for save. */
  restore: projectProcedure("editor")
    .input(ZRestoreInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) => restoreFileVersion({ actorId: ctx.actor.id, ...input })),
});
