// Datasets and data stores. Each procedure unpacks input and calls one domain function in
// server/datasets/. A dataset's procedures are projectProcedure(role) (viewer reads, editor writes,
// owner removes a dataset): the membership is loaded and checked there, once, and handed to the
// domain function as `access`. Stores' procedures leave the caller's lab role to the domain.
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
  ZObjectKey,
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
import { authedProcedure, createTRPCRouter, projectProcedure } from "../trpc";

const ZStoreId = z.object({ id: z.string().min(1) });

// The REST faces' wire schemas: path parameters and query strings (text, so coerced).
const ZProject = z.object({ projectSlug: z.string().min(1) });
const ZDs = ZProject.extend({ dataset: z.string().min(1).meta({ description: "The dataset's name" }) });
const ZKeyQuery = z.object({ key: ZObjectKey.meta({ description: "The object's key, relative to the dataset" }) });
const ZStoreParams = z.object({ storeId: z.string().min(1) });
const BASE = "/projects/{projectSlug}/datasets";
const D = `${BASE}/{dataset}`;
const TAG = "Datasets";
const int = (max: number) => z.coerce.number().int().min(1).max(max);
const ZStoreViews = z.array(ZDataStoreView);
const ZShares = z.array(ZLocationShare);
const ZDatasetViews = z.array(ZDatasetView);
const ZSnapshots = z.array(ZDatasetSnapshot);
type Req = { params: Record<string, unknown>; body: unknown };
const storeIdAsId = ({ params, body }: Req) => ({ ...(body as object | undefined), id: params.storeId });

export const datasetsRouter = createTRPCRouter({
  stores: createTRPCRouter({
    /** Every signed-in person may list stores (to pick one for a dataset); never credentials; externals get names only. */
    list: authedProcedure
      .meta({
        rest: {
          method: "GET",
          path: "/data-stores",
          tag: TAG,
          summary: "Data stores (never their credentials; external collaborators get names and kinds only)",
          response: z.object({ stores: ZStoreViews }),
          output: (stores: z.infer<typeof ZStoreViews>) => ({ stores }),
        },
      })
      .output(ZStoreViews)
      .query(({ ctx }) => listStores({ actorId: ctx.actor.id })),
    /** Lab admins and directors; checks the store before saving it. */
    create: authedProcedure
      .meta({ rest: { method: "POST", path: "/data-stores", tag: TAG, summary: "Register a data store (lab admins, directors); checked before it is saved", body: ZCreateStoreInput, status: 201 } })
      .input(ZCreateStoreInput)
      .output(ZDataStore)
      .mutation(({ ctx, input }) => createStore({ actorId: ctx.actor.id, ...input })),
    update: authedProcedure
      .meta({ rest: { method: "PATCH", path: "/data-stores/{storeId}", tag: TAG, summary: "Change a data store (lab admins, directors)", params: ZStoreParams, body: ZUpdateStoreInput.omit({ id: true }), input: storeIdAsId } })
      .input(ZUpdateStoreInput)
      .output(ZDataStore)
      .mutation(({ ctx, input }) => updateStore({ actorId: ctx.actor.id, ...input })),
    /** Refused while datasets use the store. */
    delete: authedProcedure
      .meta({ rest: { method: "DELETE", path: "/data-stores/{storeId}", tag: TAG, summary: "Remove a data store no dataset uses", params: ZStoreParams, status: 204, input: storeIdAsId } })
      .input(ZStoreId)
      .output(z.void())
      .mutation(({ ctx, input }) => deleteStore({ actorId: ctx.actor.id, id: input.id })),
    test: authedProcedure
      .meta({
        rest: {
          method: "POST",
          path: "/data-stores/{storeId}/test",
          tag: TAG,
          summary: "Check that a store answers and accepts its credentials",
          params: ZStoreParams,
          body: z.object({ testBucket: z.string().min(1).max(63).optional() }),
          input: storeIdAsId,
        },
      })
      .input(ZStoreId.extend({ testBucket: z.string().min(3).max(63).optional() }))
      .output(ZStoreTestResult)
      .mutation(({ ctx, input }) => testStore({ actorId: ctx.actor.id, ...input })),
    /** Lab admins and directors: locations shared with a project, so its datasets may overlap another project's. */
    shares: createTRPCRouter({
      list: authedProcedure
        .meta({
          rest: {
            method: "GET",
            path: "/data-stores/{storeId}/shares",
            tag: TAG,
            summary: "Locations of this store shared with a project (lab admins, directors)",
            params: ZStoreParams,
            response: z.object({ shares: ZShares }),
            output: (shares: z.infer<typeof ZShares>) => ({ shares }),
          },
        })
        .input(z.object({ storeId: z.string().min(1).optional() }))
        .output(ZShares)
        .query(({ ctx, input }) => listLocationShares({ actorId: ctx.actor.id, storeId: input.storeId })),
      create: authedProcedure
        .meta({
          rest: {
            method: "POST",
            path: "/data-stores/{storeId}/shares",
            tag: TAG,
            summary: "Share a bucket and prefix with a project, so its datasets may overlap another project's there (lab admins, directors; audited)",
            params: ZStoreParams,
            body: z.object({
              bucket: z.string().min(1).max(63),
              prefix: z.string().max(512).default("").meta({ description: "A folder in the bucket; empty = the whole bucket" }),
              project: z.string().min(1).meta({ description: "The project's slug" }),
            }),
            status: 201,
            input: ({ params, body }) => {
              const { project, ...rest } = body as { project: string; bucket: string; prefix: string };
              return { storeId: params.storeId, ...rest, projectSlug: project };
            },
          },
        })
        .input(ZShareLocationInput)
        .output(ZLocationShare)
        .mutation(({ ctx, input }) => shareLocation({ actorId: ctx.actor.id, ...input })),
      /** Refused while datasets of the project need the share. */
      revoke: authedProcedure
        .meta({
          rest: {
            method: "DELETE",
            path: "/data-stores/{storeId}/shares/{shareId}",
            tag: TAG,
            summary: "Stop sharing a location (refused while the project's datasets there need it)",
            params: ZStoreParams.extend({ shareId: z.string().min(1) }),
            status: 204,
            input: ({ params }) => ({ id: params.shareId, storeId: params.storeId }),
          },
        })
        .input(ZStoreId.extend({ storeId: z.string().min(1).optional() }))
        .output(z.void())
        .mutation(({ ctx, input }) => revokeLocationShare({ actorId: ctx.actor.id, id: input.id, storeId: input.storeId })),
    }),
  }),

  list: projectProcedure("viewer")
    .meta({
      rest: {
        method: "GET",
        path: BASE,
        tag: TAG,
        summary: "A project's datasets",
        params: ZProject,
        response: z.object({ datasets: ZDatasetViews }),
        output: (datasets: z.infer<typeof ZDatasetViews>) => ({ datasets }),
      },
    })
    .input(z.object({ projectSlug: z.string().min(1) }))
    .output(ZDatasetViews)
    .query(({ ctx, input }) => listDatasets({ actorId: ctx.actor.id, access: ctx.access, projectSlug: input.projectSlug })),
  get: projectProcedure("viewer")
    .meta({ rest: { method: "GET", path: D, tag: TAG, summary: "One dataset", params: ZDs } })
    .input(ZDatasetRef)
    .output(ZDatasetView)
    .query(({ ctx, input }) => getDataset({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  /** Editors and owners. */
  create: projectProcedure("editor")
    .meta({ rest: { method: "POST", path: BASE, tag: TAG, summary: "Create a dataset on a store's bucket and prefix (editors, owners)", params: ZProject, body: ZCreateDatasetInput.omit({ projectSlug: true }), status: 201 } })
    .input(ZCreateDatasetInput)
    .output(ZDatasetView)
    .mutation(({ ctx, input }) => createDataset({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  update: projectProcedure("editor")
    .meta({
      rest: {
        method: "PATCH",
        path: D,
        tag: TAG,
        summary: "Rename or describe a dataset (editors, owners)",
        params: ZDs,
        body: z.object({ name: z.string().optional(), description: z.string().max(2000).optional() }),
      },
    })
    .input(ZUpdateDatasetInput)
    .output(ZDatasetView)
    .mutation(({ ctx, input }) => updateDataset({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  /** Owners; refused while jobs reference the dataset (their record of what they read must stay). The store's objects stay. */
  remove: projectProcedure("owner")
    .meta({ rest: { method: "DELETE", path: D, tag: TAG, summary: "Remove a dataset (owners; its objects stay in the store; refused once jobs used it)", params: ZDs, status: 204 } })
    .input(ZDatasetRef)
    .output(z.void())
    .mutation(({ ctx, input }) => removeDataset({ actorId: ctx.actor.id, access: ctx.access, ...input })),

  browse: projectProcedure("viewer")
    .meta({
      rest: {
        method: "GET",
        path: `${D}/objects`,
        tag: TAG,
        summary: "One page of a folder (store key order): sub-folders and objects; pass nextToken as token for the next",
        params: ZDs,
        query: z.object({ prefix: ZFolderPrefix.default(""), token: z.string().max(2048).optional(), limit: int(1000).default(200), search: z.string().max(512).optional() }),
      },
    })
    .input(ZBrowseInput)
    .output(ZBrowseOutput)
    .query(({ ctx, input }) => browseDataset({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  head: projectProcedure("viewer")
    .meta({ rest: { method: "GET", path: `${D}/object`, tag: TAG, summary: "An object's size, modified time, ETag and content type", params: ZDs, query: ZKeyQuery } })
    .input(ZObjectKeyInput)
    .output(ZHeadOutput)
    .query(({ ctx, input }) => headDatasetObject({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  folderSize: projectProcedure("viewer")
    .meta({
      rest: {
        method: "GET",
        path: `${D}/folder-size`,
        tag: TAG,
        summary: "Objects and bytes under a folder, counted up to 20,000 objects (complete=false: at least)",
        params: ZDs,
        query: z.object({ prefix: ZFolderPrefix.default("") }),
      },
    })
    .input(ZDatasetRef.extend({ prefix: ZFolderPrefix.default("") }))
    .output(ZFolderSizeOutput)
    .query(({ ctx, input }) => datasetFolderSize({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  preview: projectProcedure("viewer")
    .meta({ rest: { method: "GET", path: `${D}/preview`, tag: TAG, summary: "A preview: table (CSV, TSV, Parquet), text, image URL, .npy header, or why not", params: ZDs, query: ZKeyQuery } })
    .input(ZObjectKeyInput)
    .output(ZPreview)
    .query(({ ctx, input }) => previewDatasetObject({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  downloadUrl: projectProcedure("viewer")
    .meta({ rest: { method: "POST", path: `${D}/download-url`, tag: TAG, summary: "A presigned GET for one object, valid 10 minutes (a path on this server for local stores)", params: ZDs, body: ZKeyQuery } })
    .input(ZObjectKeyInput)
    .output(ZPresignedUrl)
    .mutation(({ ctx, input }) => datasetDownloadUrl({ actorId: ctx.actor.id, access: ctx.access, ...input })),

  /** Editors and owners: presigned multipart, the bytes go straight to the store. */
  upload: createTRPCRouter({
    start: projectProcedure("editor")
      .meta({
        rest: {
          method: "POST",
          path: `${D}/uploads`,
          tag: TAG,
          summary: "Start a multipart upload (editors, owners): the bytes go straight to the store",
          params: ZDs,
          body: z.object({ key: ZObjectKey, size: z.number().int().min(0), contentType: z.string().max(255).default("application/octet-stream") }),
          status: 201,
        },
      })
      .input(ZUploadStartInput)
      .output(ZUploadStartOutput)
      .mutation(({ ctx, input }) => startUpload({ actorId: ctx.actor.id, access: ctx.access, ...input })),
    partUrls: projectProcedure("editor")
      .meta({
        rest: {
          method: "POST",
          path: `${D}/uploads/part-urls`,
          tag: TAG,
          summary: "Presigned PUT URLs for parts; the ETag response header of each PUT names the part",
          params: ZDs,
          body: z.object({ key: ZObjectKey, uploadId: z.string().min(1), partNumbers: z.array(z.number().int().min(1).max(10_000)).min(1).max(1000) }),
          response: z.object({ urls: ZUploadPartUrls }),
          output: (urls: z.infer<typeof ZUploadPartUrls>) => ({ urls }),
        },
      })
      .input(ZUploadPartUrlsInput)
      .output(ZUploadPartUrls)
      .mutation(({ ctx, input }) => uploadPartUrls({ actorId: ctx.actor.id, access: ctx.access, ...input })),
    listParts: projectProcedure("editor")
      .meta({
        rest: {
          method: "POST",
          path: `${D}/uploads/parts`,
          tag: TAG,
          summary: "The parts the store holds for an upload (to resume it)",
          params: ZDs,
          body: z.object({ key: ZObjectKey, uploadId: z.string().min(1) }),
          response: z.object({ parts: ZUploadedParts }),
          output: (parts: z.infer<typeof ZUploadedParts>) => ({ parts }),
        },
      })
      .input(ZUploadRef)
      .output(ZUploadedParts)
      .query(({ ctx, input }) => listUploadParts({ actorId: ctx.actor.id, access: ctx.access, ...input })),
    complete: projectProcedure("editor")
      .meta({
        rest: {
          method: "POST",
          path: `${D}/uploads/complete`,
          tag: TAG,
          summary: "Join the parts into the object",
          params: ZDs,
          body: z.object({ key: ZObjectKey, uploadId: z.string().min(1), parts: z.array(z.object({ partNumber: z.number().int().min(1), etag: z.string().min(1) })).min(1).max(10_000) }),
        },
      })
      .input(ZUploadCompleteInput)
      .output(ZUploadCompleteOutput)
      .mutation(({ ctx, input }) => completeUpload({ actorId: ctx.actor.id, access: ctx.access, ...input })),
    abort: projectProcedure("editor")
      .meta({ rest: { method: "POST", path: `${D}/uploads/abort`, tag: TAG, summary: "Cancel an upload; its parts go", params: ZDs, body: z.object({ key: ZObjectKey, uploadId: z.string().min(1) }), status: 204 } })
      .input(ZUploadRef)
      .output(z.void())
      .mutation(({ ctx, input }) => abortUpload({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  }),
  /** Editors and owners. */
  deleteObjects: projectProcedure("editor")
    .meta({
      rest: {
        method: "POST",
        path: `${D}/delete`,
        tag: TAG,
        summary: "Delete objects by key, or everything under a folder (editors, owners)",
        params: ZDs,
        body: z.object({ keys: z.array(ZObjectKey).max(1000).optional(), prefix: z.string().min(1).max(1024).optional() }).refine((v) => (v.keys?.length ?? 0) > 0 || v.prefix, "Name the keys or the folder to delete."),
      },
    })
    .input(ZDeleteObjectsInput)
    .output(ZDeleteObjectsOutput)
    .mutation(({ ctx, input }) => deleteDatasetObjects({ actorId: ctx.actor.id, access: ctx.access, ...input })),

  snapshots: createTRPCRouter({
    list: projectProcedure("viewer")
      .meta({
        rest: {
          method: "GET",
          path: `${D}/snapshots`,
          tag: TAG,
          summary: "The dataset's versions, newest first",
          params: ZDs,
          response: z.object({ snapshots: ZSnapshots }),
          output: (snapshots: z.infer<typeof ZSnapshots>) => ({ snapshots }),
        },
      })
      .input(ZDatasetRef)
      .output(ZSnapshots)
      .query(({ ctx, input }) => listDatasetSnapshots({ actorId: ctx.actor.id, access: ctx.access, ...input })),
    /** Editors and owners. */
    create: projectProcedure("editor")
      .meta({
        rest: { method: "POST", path: `${D}/snapshots`, tag: TAG, summary: "Freeze the dataset's keys, sizes and ETags as a new version (editors, owners)", params: ZDs, body: z.object({ note: z.string().max(500).default("") }), status: 201 },
      })
      .input(ZCreateSnapshotInput)
      .output(ZDatasetSnapshot)
      .mutation(({ ctx, input }) => createDatasetSnapshot({ actorId: ctx.actor.id, access: ctx.access, ...input })),
    diff: projectProcedure("viewer")
      .meta({
        rest: {
          method: "GET",
          path: `${D}/snapshots/diff`,
          tag: TAG,
          summary: "What changed between two versions, or between a version and the live dataset (to=live)",
          params: ZDs,
          query: z.object({ from: z.coerce.number().int().min(1), to: z.union([z.literal("live"), z.coerce.number().int().min(1)]), limit: z.coerce.number().int().min(0).max(1000).default(50) }),
        },
      })
      .input(ZSnapshotDiffInput)
      .output(ZSnapshotDiff)
      .query(({ ctx, input }) => diffDatasetSnapshots({ actorId: ctx.actor.id, access: ctx.access, ...input })),
  }),
});
