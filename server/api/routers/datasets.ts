// Datasets and data stores. Each procedure unpacks input and calls one domain function in
// server/datasets/, which checks the caller's role on the project (viewer reads, editor writes,
// owner removes a dataset) or, for stores, the caller's lab role.
import { z } from "zod";
import { browseDataset, datasetDownloadUrl, datasetFolderSize, headDatasetObject } from "../../datasets/browse";
import { createDataset, getDataset, listDatasets, removeDataset, updateDataset } from "../../datasets/datasets";
import { previewDatasetObject } from "../../datasets/preview";
import {
  ZBrowseInput,
  ZBrowseOutput,
  ZCreateDatasetInput,
  ZCreateSnapshotInput,
  ZCreateStoreInput,
  ZDataStore,
  ZDataStoreView,
  ZDatasetRef,
  ZDatasetSnapshot,
  ZDatasetView,
  ZLocationShare,
  ZShareLocationInput,
  ZDeleteObjectsInput,
  ZDeleteObjectsOutput,
  ZFolderPrefix,
  ZFolderSizeOutput,
  ZHeadOutput,
  ZObjectKeyInput,
  ZPresignedUrl,
  ZPreview,
  ZSnapshotDiff,
  ZSnapshotDiffInput,
  ZStoreTestResult,
  ZUpdateDatasetInput,
  ZUpdateStoreInput,
  ZUploadCompleteInput,
  ZUploadCompleteOutput,
  ZUploadedParts,
  ZUploadPartUrls,
  ZUploadPartUrlsInput,
  ZUploadRef,
  ZUploadStartInput,
  ZUploadStartOutput,
} from "../../datasets/schemas";
import { createDatasetSnapshot, diffDatasetSnapshots, listDatasetSnapshots } from "../../datasets/snapshots";
import { listLocationShares, revokeLocationShare, shareLocation } from "../../datasets/location-shares";
import { createStore, deleteStore, listStores, testStore, updateStore } from "../../datasets/stores";
import { abortUpload, completeUpload, deleteDatasetObjects, listUploadParts, startUpload, uploadPartUrls } from "../../datasets/uploads";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZStoreId = z.object({ id: z.string().min(1) });

export const datasetsRouter = createTRPCRouter({
  stores: createTRPCRouter({
    /** Every signed-in person may list stores (to pick one for a dataset); never credentials; externals get names only. */
    list: authedProcedure.output(z.array(ZDataStoreView)).query(({ ctx }) => listStores({ actorId: ctx.actor.id })),
    /** Lab admins and directors; checks the store before saving it. */
    create: authedProcedure.input(ZCreateStoreInput).output(ZDataStore).mutation(({ ctx, input }) => createStore({ actorId: ctx.actor.id, ...input })),
    update: authedProcedure.input(ZUpdateStoreInput).output(ZDataStore).mutation(({ ctx, input }) => updateStore({ actorId: ctx.actor.id, ...input })),
    /** Refused while datasets use the store. */
    delete: authedProcedure.input(ZStoreId).output(z.void()).mutation(({ ctx, input }) => deleteStore({ actorId: ctx.actor.id, id: input.id })),
    test: authedProcedure
      .input(ZStoreId.extend({ testBucket: z.string().min(3).max(63).optional() }))
      .output(ZStoreTestResult)
      .mutation(({ ctx, input }) => testStore({ actorId: ctx.actor.id, ...input })),
    /** Lab admins and directors: locations shared with a project, so its datasets may overlap another project's. */
    shares: createTRPCRouter({
      list: authedProcedure
        .input(z.object({ storeId: z.string().min(1).optional() }))
        .output(z.array(ZLocationShare))
        .query(({ ctx, input }) => listLocationShares({ actorId: ctx.actor.id, storeId: input.storeId })),
      create: authedProcedure.input(ZShareLocationInput).output(ZLocationShare).mutation(({ ctx, input }) => shareLocation({ actorId: ctx.actor.id, ...input })),
      /** Refused while datasets of the project need the share. */
      revoke: authedProcedure.input(ZStoreId).output(z.void()).mutation(({ ctx, input }) => revokeLocationShare({ actorId: ctx.actor.id, id: input.id })),
    }),
  }),

  list: authedProcedure
    .input(z.object({ projectSlug: z.string().min(1) }))
    .output(z.array(ZDatasetView))
    .query(({ ctx, input }) => listDatasets({ actorId: ctx.actor.id, projectSlug: input.projectSlug })),
  get: authedProcedure
    .input(ZDatasetRef)
    .output(ZDatasetView)
    .query(({ ctx, input }) => getDataset({ actorId: ctx.actor.id, ...input })),
  /** Editors and owners. */
  create: authedProcedure.input(ZCreateDatasetInput).output(ZDatasetView).mutation(({ ctx, input }) => createDataset({ actorId: ctx.actor.id, ...input })),
  update: authedProcedure.input(ZUpdateDatasetInput).output(ZDatasetView).mutation(({ ctx, input }) => updateDataset({ actorId: ctx.actor.id, ...input })),
  /** Owners; refused while jobs reference the dataset (their record of what they read must stay). The store's objects stay. */
  remove: authedProcedure.input(ZDatasetRef).output(z.void()).mutation(({ ctx, input }) => removeDataset({ actorId: ctx.actor.id, ...input })),

  browse: authedProcedure.input(ZBrowseInput).output(ZBrowseOutput).query(({ ctx, input }) => browseDataset({ actorId: ctx.actor.id, ...input })),
  head: authedProcedure.input(ZObjectKeyInput).output(ZHeadOutput).query(({ ctx, input }) => headDatasetObject({ actorId: ctx.actor.id, ...input })),
  folderSize: authedProcedure
    .input(ZDatasetRef.extend({ prefix: ZFolderPrefix.default("") }))
    .output(ZFolderSizeOutput)
    .query(({ ctx, input }) => datasetFolderSize({ actorId: ctx.actor.id, ...input })),
  preview: authedProcedure.input(ZObjectKeyInput).output(ZPreview).query(({ ctx, input }) => previewDatasetObject({ actorId: ctx.actor.id, ...input })),
  downloadUrl: authedProcedure.input(ZObjectKeyInput).output(ZPresignedUrl).mutation(({ ctx, input }) => datasetDownloadUrl({ actorId: ctx.actor.id, ...input })),

  /** Editors and owners: presigned multipart, the bytes go straight to the store. */
  upload: createTRPCRouter({
    start: authedProcedure.input(ZUploadStartInput).output(ZUploadStartOutput).mutation(({ ctx, input }) => startUpload({ actorId: ctx.actor.id, ...input })),
    partUrls: authedProcedure.input(ZUploadPartUrlsInput).output(ZUploadPartUrls).mutation(({ ctx, input }) => uploadPartUrls({ actorId: ctx.actor.id, ...input })),
    listParts: authedProcedure.input(ZUploadRef).output(ZUploadedParts).query(({ ctx, input }) => listUploadParts({ actorId: ctx.actor.id, ...input })),
    complete: authedProcedure.input(ZUploadCompleteInput).output(ZUploadCompleteOutput).mutation(({ ctx, input }) => completeUpload({ actorId: ctx.actor.id, ...input })),
    abort: authedProcedure.input(ZUploadRef).output(z.void()).mutation(({ ctx, input }) => abortUpload({ actorId: ctx.actor.id, ...input })),
  }),
  /** Editors and owners. */
  deleteObjects: authedProcedure
    .input(ZDeleteObjectsInput)
    .output(ZDeleteObjectsOutput)
    .mutation(({ ctx, input }) => deleteDatasetObjects({ actorId: ctx.actor.id, ...input })),

  snapshots: createTRPCRouter({
    list: authedProcedure.input(ZDatasetRef).output(z.array(ZDatasetSnapshot)).query(({ ctx, input }) => listDatasetSnapshots({ actorId: ctx.actor.id, ...input })),
    /** Editors and owners. */
    create: authedProcedure.input(ZCreateSnapshotInput).output(ZDatasetSnapshot).mutation(({ ctx, input }) => createDatasetSnapshot({ actorId: ctx.actor.id, ...input })),
    diff: authedProcedure.input(ZSnapshotDiffInput).output(ZSnapshotDiff).query(({ ctx, input }) => diffDatasetSnapshots({ actorId: ctx.actor.id, ...input })),
  }),
});
