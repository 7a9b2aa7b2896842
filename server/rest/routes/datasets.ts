// REST for datasets and data stores: the same domain functions and schemas as the tRPC router.
import { z } from "zod";
import { browseDataset, datasetDownloadUrl, datasetFolderSize, headDatasetObject } from "../../datasets/browse";
import { createDataset, getDataset, listDatasets, removeDataset, updateDataset } from "../../datasets/datasets";
import { previewDatasetObject } from "../../datasets/preview";
import {
  ZBrowseOutput,
  ZCreateDatasetInput,
  ZCreateStoreInput,
  ZDataStore,
  ZDatasetSnapshot,
  ZDatasetSummary,
  ZDeleteObjectsOutput,
  ZFolderPrefix,
  ZFolderSizeOutput,
  ZHeadOutput,
  ZObjectKey,
  ZPresignedUrl,
  ZPreview,
  ZSnapshotDiff,
  ZStoreTestResult,
  ZUpdateStoreInput,
  ZUploadCompleteOutput,
  ZUploadedParts,
  ZUploadPartUrls,
  ZUploadStartOutput,
} from "../../datasets/schemas";
import { createDatasetSnapshot, diffDatasetSnapshots, listDatasetSnapshots } from "../../datasets/snapshots";
import { createStore, deleteStore, listStores, testStore, updateStore } from "../../datasets/stores";
import { abortUpload, completeUpload, deleteDatasetObjects, listUploadParts, startUpload, uploadPartUrls } from "../../datasets/uploads";
import { defineRoute } from "../define-route";

const ZProject = z.object({ projectSlug: z.string().min(1) });
const ZDs = ZProject.extend({ dataset: z.string().min(1).meta({ description: "The dataset's name" }) });
const ZKeyQuery = z.object({ key: ZObjectKey.meta({ description: "The object's key, relative to the dataset" }) });
const ZStoreParams = z.object({ storeId: z.string().min(1) });
const BASE = "/projects/{projectSlug}/datasets";
const D = `${BASE}/{dataset}`;
const int = (max: number) => z.coerce.number().int().min(1).max(max);

export const datasetRoutes = [
  defineRoute({ method: "GET", path: "/data-stores", tag: "Datasets", summary: "Data stores (never their credentials)", response: z.object({ stores: z.array(ZDataStore) }), handler: async ({ actor }) => ({ stores: await listStores({ actorId: actor.id }) }) }),
  defineRoute({
    method: "POST",
    path: "/data-stores",
    tag: "Datasets",
    summary: "Register a data store (lab admins, directors); checked before it is saved",
    body: ZCreateStoreInput,
    response: ZDataStore,
    status: 201,
    handler: ({ actor, body }) => createStore({ actorId: actor.id, ...body }),
  }),
  defineRoute({
    method: "PATCH",
    path: "/data-stores/{storeId}",
    tag: "Datasets",
    summary: "Change a data store (lab admins, directors)",
    params: ZStoreParams,
    body: ZUpdateStoreInput.omit({ id: true }),
    response: ZDataStore,
    handler: ({ actor, params, body }) => updateStore({ actorId: actor.id, id: params.storeId, ...body }),
  }),
  defineRoute({ method: "DELETE", path: "/data-stores/{storeId}", tag: "Datasets", summary: "Remove a data store no dataset uses", params: ZStoreParams, response: undefined, status: 204, handler: ({ actor, params }) => deleteStore({ actorId: actor.id, id: params.storeId }) }),
  defineRoute({
    method: "POST",
    path: "/data-stores/{storeId}/test",
    tag: "Datasets",
    summary: "Check that a store answers and accepts its credentials",
    params: ZStoreParams,
    body: z.object({ testBucket: z.string().min(1).max(63).optional() }),
    response: ZStoreTestResult,
    handler: ({ actor, params, body }) => testStore({ actorId: actor.id, id: params.storeId, testBucket: body.testBucket }),
  }),

  defineRoute({ method: "GET", path: BASE, tag: "Datasets", summary: "A project's datasets", params: ZProject, response: z.object({ datasets: z.array(ZDatasetSummary) }), handler: async ({ actor, params }) => ({ datasets: await listDatasets({ actorId: actor.id, projectSlug: params.projectSlug }) }) }),
  defineRoute({
    method: "POST",
    path: BASE,
    tag: "Datasets",
    summary: "Create a dataset on a store's bucket and prefix (editors, owners)",
    params: ZProject,
    body: ZCreateDatasetInput.omit({ projectSlug: true }),
    response: ZDatasetSummary,
    status: 201,
    handler: ({ actor, params, body }) => createDataset({ actorId: actor.id, projectSlug: params.projectSlug, ...body }),
  }),
  defineRoute({ method: "GET", path: D, tag: "Datasets", summary: "One dataset", params: ZDs, response: ZDatasetSummary, handler: ({ actor, params }) => getDataset({ actorId: actor.id, ...params }) }),
  defineRoute({
    method: "PATCH",
    path: D,
    tag: "Datasets",
    summary: "Rename or describe a dataset (editors, owners)",
    params: ZDs,
    body: z.object({ name: z.string().optional(), description: z.string().max(2000).optional() }),
    response: ZDatasetSummary,
    handler: ({ actor, params, body }) => updateDataset({ actorId: actor.id, ...params, ...body }),
  }),
  defineRoute({ method: "DELETE", path: D, tag: "Datasets", summary: "Remove a dataset (owners; its objects stay in the store; refused once jobs used it)", params: ZDs, response: undefined, status: 204, handler: ({ actor, params }) => removeDataset({ actorId: actor.id, ...params }) }),

  defineRoute({
    method: "GET",
    path: `${D}/objects`,
    tag: "Datasets",
    summary: "One page of a folder (store key order): sub-folders and objects; pass nextToken as token for the next",
    params: ZDs,
    query: z.object({ prefix: ZFolderPrefix.default(""), token: z.string().max(2048).optional(), limit: int(1000).default(200), search: z.string().max(512).optional() }),
    response: ZBrowseOutput,
    handler: ({ actor, params, query }) => browseDataset({ actorId: actor.id, ...params, ...query }),
  }),
  defineRoute({ method: "GET", path: `${D}/object`, tag: "Datasets", summary: "An object's size, modified time, ETag and content type", params: ZDs, query: ZKeyQuery, response: ZHeadOutput, handler: ({ actor, params, query }) => headDatasetObject({ actorId: actor.id, ...params, key: query.key }) }),
  defineRoute({ method: "GET", path: `${D}/preview`, tag: "Datasets", summary: "A preview: table (CSV, TSV, Parquet), text, image URL, .npy header, or why not", params: ZDs, query: ZKeyQuery, response: ZPreview, handler: ({ actor, params, query }) => previewDatasetObject({ actorId: actor.id, ...params, key: query.key }) }),
  defineRoute({ method: "GET", path: `${D}/folder-size`, tag: "Datasets", summary: "Objects and bytes under a folder, counted up to 20,000 objects (complete=false: at least)", params: ZDs, query: z.object({ prefix: ZFolderPrefix.default("") }), response: ZFolderSizeOutput, handler: ({ actor, params, query }) => datasetFolderSize({ actorId: actor.id, ...params, prefix: query.prefix }) }),
  defineRoute({ method: "POST", path: `${D}/download-url`, tag: "Datasets", summary: "A presigned GET for one object, valid 10 minutes (a path on this server for local stores)", params: ZDs, body: ZKeyQuery, response: ZPresignedUrl, handler: ({ actor, params, body }) => datasetDownloadUrl({ actorId: actor.id, ...params, key: body.key }) }),
  defineRoute({
    method: "POST",
    path: `${D}/delete`,
    tag: "Datasets",
    summary: "Delete objects by key, or everything under a folder (editors, owners)",
    params: ZDs,
    body: z.object({ keys: z.array(ZObjectKey).max(1000).optional(), prefix: z.string().min(1).max(1024).optional() }).refine((v) => (v.keys?.length ?? 0) > 0 || v.prefix, "Name the keys or the folder to delete."),
    response: ZDeleteObjectsOutput,
    handler: ({ actor, params, body }) => deleteDatasetObjects({ actorId: actor.id, ...params, ...body }),
  }),

  defineRoute({
    method: "POST",
    path: `${D}/uploads`,
    tag: "Datasets",
    summary: "Start a multipart upload (editors, owners): the bytes go straight to the store",
    params: ZDs,
    body: z.object({ key: ZObjectKey, size: z.number().int().min(0), contentType: z.string().max(255).default("application/octet-stream") }),
    response: ZUploadStartOutput,
    status: 201,
    handler: ({ actor, params, body }) => startUpload({ actorId: actor.id, ...params, ...body }),
  }),
  defineRoute({
    method: "POST",
    path: `${D}/uploads/part-urls`,
    tag: "Datasets",
    summary: "Presigned PUT URLs for parts; the ETag response header of each PUT names the part",
    params: ZDs,
    body: z.object({ key: ZObjectKey, uploadId: z.string().min(1), partNumbers: z.array(z.number().int().min(1).max(10_000)).min(1).max(1000) }),
    response: z.object({ urls: ZUploadPartUrls }),
    handler: async ({ actor, params, body }) => ({ urls: await uploadPartUrls({ actorId: actor.id, ...params, ...body }) }),
  }),
  defineRoute({
    method: "POST",
    path: `${D}/uploads/parts`,
    tag: "Datasets",
    summary: "The parts the store holds for an upload (to resume it)",
    params: ZDs,
    body: z.object({ key: ZObjectKey, uploadId: z.string().min(1) }),
    response: z.object({ parts: ZUploadedParts }),
    handler: async ({ actor, params, body }) => ({ parts: await listUploadParts({ actorId: actor.id, ...params, ...body }) }),
  }),
  defineRoute({
    method: "POST",
    path: `${D}/uploads/complete`,
    tag: "Datasets",
    summary: "Join the parts into the object",
    params: ZDs,
    body: z.object({ key: ZObjectKey, uploadId: z.string().min(1), parts: z.array(z.object({ partNumber: z.number().int().min(1), etag: z.string().min(1) })).min(1).max(10_000) }),
    response: ZUploadCompleteOutput,
    handler: ({ actor, params, body }) => completeUpload({ actorId: actor.id, ...params, ...body }),
  }),
  defineRoute({
    method: "POST",
    path: `${D}/uploads/abort`,
    tag: "Datasets",
    summary: "Cancel an upload; its parts go",
    params: ZDs,
    body: z.object({ key: ZObjectKey, uploadId: z.string().min(1) }),
    response: undefined,
    status: 204,
    handler: ({ actor, params, body }) => abortUpload({ actorId: actor.id, ...params, ...body }),
  }),

  defineRoute({ method: "GET", path: `${D}/snapshots`, tag: "Datasets", summary: "The dataset's versions, newest first", params: ZDs, response: z.object({ snapshots: z.array(ZDatasetSnapshot) }), handler: async ({ actor, params }) => ({ snapshots: await listDatasetSnapshots({ actorId: actor.id, ...params }) }) }),
  defineRoute({
    method: "POST",
    path: `${D}/snapshots`,
    tag: "Datasets",
    summary: "Freeze the dataset's keys, sizes and ETags as a new version (editors, owners)",
    params: ZDs,
    body: z.object({ note: z.string().max(500).default("") }),
    response: ZDatasetSnapshot,
    status: 201,
    handler: ({ actor, params, body }) => createDatasetSnapshot({ actorId: actor.id, ...params, note: body.note }),
  }),
  defineRoute({
    method: "GET",
    path: `${D}/snapshots/diff`,
    tag: "Datasets",
    summary: "What changed between two versions, or between a version and the live dataset (to=live)",
    params: ZDs,
    query: z.object({ from: z.coerce.number().int().min(1), to: z.union([z.literal("live"), z.coerce.number().int().min(1)]), limit: z.coerce.number().int().min(0).max(1000).default(50) }),
    response: ZSnapshotDiff,
    handler: ({ actor, params, query }) => diffDatasetSnapshots({ actorId: actor.id, ...params, ...query }),
  }),
];
