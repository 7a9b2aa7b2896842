// The project's files over REST: JSON routes for the tree, text, folders, moves and history,
// and two byte routes (upload and download) served by app/api/v1/projects/[slug]/files/content.
import { Readable } from "node:stream";
import { z } from "zod";
import { AppError } from "../../errors";
import { isInlineImage, MAX_FILE_BYTES, mediaTypeOf } from "../../files/content-kind";
import { folderArchive } from "../../files/download";
import { createFolder, deletePath, movePath } from "../../files/folders";
import { occupantOf } from "../../files/occupancy";
import { normalisePath } from "../../files/paths";
import { listFileHistory, readFile, readFileBytes, readFileVersion, restoreFileVersion } from "../../files/read-file";
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
} from "../../files/schemas";
import { listTree } from "../../files/tree";
import { saveTextFile, writeFile } from "../../files/write-file";
import { db } from "../../db/client";
import { requireProjectRole } from "../../projects/access";
import { defineRoute } from "../define-route";
import { appErrorResponse } from "../../http/json-error";
import { requireRequestActor } from "../request-actor";

const ZProjectParams = z.object({ projectSlug: z.string().min(1).meta({ description: "The project's slug", example: "demo" }) });
const ZPathQuery = z.object({ path: z.string().min(1).meta({ description: "A path in the project", example: "src/train.py" }) });

export const fileRoutes = [
  defineRoute({
    method: "GET",
    path: "/projects/{projectSlug}/files",
    tag: "Files",
    summary: "The project's files (no contents) and folders",
    params: ZProjectParams,
    response: ZFileTree,
    handler: ({ actor, params }) => listTree({ actorId: actor.id, projectSlug: params.projectSlug }),
  }),
  defineRoute({
    method: "GET",
    path: "/projects/{projectSlug}/files/text",
    tag: "Files",
    summary: "One file as text (content is null for binary files and text over 20 MB: use files/content)",
    params: ZProjectParams,
    query: ZPathQuery,
    response: ZFileContent,
    handler: ({ actor, params, query }) => readFile({ actorId: actor.id, projectSlug: params.projectSlug, path: query.path }),
  }),
  defineRoute({
    method: "POST",
    path: "/projects/{projectSlug}/files/text",
    tag: "Files",
    summary: "Save text: baseVersion names the version you edited (null creates the file); a newer version is a 409",
    params: ZProjectParams,
    body: ZSaveInput,
    response: ZSaved,
    handler: ({ actor, params, body }) => saveTextFile({ actorId: actor.id, projectSlug: params.projectSlug, ...body }),
  }),
  defineRoute({
    method: "DELETE",
    path: "/projects/{projectSlug}/files",
    tag: "Files",
    summary: "Delete a file, or a folder with everything in it",
    params: ZProjectParams,
    query: ZPathQuery,
    response: ZDeleted,
    handler: ({ actor, params, query }) => deletePath({ actorId: actor.id, projectSlug: params.projectSlug, path: query.path }),
  }),
  defineRoute({
    method: "POST",
    path: "/projects/{projectSlug}/files/move",
    tag: "Files",
    summary: "Rename or move a file or folder (refused when the destination exists)",
    params: ZProjectParams,
    body: ZMoveInput,
    response: ZMoved,
    handler: ({ actor, params, body }) => movePath({ actorId: actor.id, projectSlug: params.projectSlug, ...body }),
  }),
  defineRoute({
    method: "POST",
    path: "/projects/{projectSlug}/folders",
    tag: "Files",
    summary: "Create an empty folder",
    params: ZProjectParams,
    body: ZPathInput,
    response: z.object({ path: z.string() }),
    status: 201,
    handler: ({ actor, params, body }) => createFolder({ actorId: actor.id, projectSlug: params.projectSlug, path: body.path }),
  }),
  defineRoute({
    method: "GET",
    path: "/projects/{projectSlug}/files/history",
    tag: "Files",
    summary: "Every saved version of a file, newest first",
    params: ZProjectParams,
    query: ZPathQuery,
    response: z.object({ versions: z.array(ZFileVersionEntry) }),
    handler: async ({ actor, params, query }) => ({
      versions: await listFileHistory({ actorId: actor.id, projectSlug: params.projectSlug, path: query.path }),
    }),
  }),
  defineRoute({
    method: "GET",
    path: "/projects/{projectSlug}/files/versions/{version}",
    tag: "Files",
    summary: "One saved version of a file, with its text",
    params: ZProjectParams.extend({ version: z.coerce.number().int().positive() }),
    query: ZPathQuery,
    response: ZFileVersionContent,
    handler: ({ actor, params, query }) =>
      readFileVersion({ actorId: actor.id, projectSlug: params.projectSlug, path: query.path, version: params.version }),
  }),
  defineRoute({
    method: "POST",
    path: "/projects/{projectSlug}/files/restore",
    tag: "Files",
    summary: "Save an old version's content as a new version (baseVersion: the current version)",
    params: ZProjectParams,
    body: ZRestoreInput,
    response: ZSaved,
    handler: ({ actor, params, body }) => restoreFileVersion({ actorId: actor.id, projectSlug: params.projectSlug, ...body }),
  }),
];

// ---- Bytes: GET and PUT /api/v1/projects/{projectSlug}/files/content?path=... ----

function fail(e: unknown): Response {
  if (e instanceof AppError) return appErrorResponse(e);
  throw e;
}

const actorOf = (req: Request, projectSlug: string) => requireRequestActor(req, { projectSlug });

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * A file's bytes (as an attachment, or inline for raster images with ?inline=1), or a folder as
 * ?format=zip|tar (streamed). Without a path: the whole project as an archive.
 */
export async function downloadFileContentRoute(req: Request, projectSlug: string): Promise<Response> {
  try {
    const actor = await actorOf(req, projectSlug);
    const url = new URL(req.url);
    const rawPath = url.searchParams.get("path");
    const format = url.searchParams.get("format");
    if (format !== null && format !== "zip" && format !== "tar") throw new AppError("BAD_REQUEST", `format must be zip or tar, not "${format}".`);
    const { project } = await requireProjectRole({ actorId: actor.id, projectSlug, atLeast: "viewer" });
    const path = rawPath === null || rawPath === "" ? null : normalisePath(rawPath);
    if (path === null || (await occupantOf(db, project.id, path)) === "folder") {
      const archive = await folderArchive({ actorId: actor.id, projectSlug, path, format: format ?? "zip" });
      return new Response(Readable.toWeb(Readable.from(archive.chunks)) as ReadableStream, {
        headers: { "content-type": archive.contentType, "content-disposition": attachment(archive.fileName), "cache-control": "no-store" },
      });
    }
    const file = await readFileBytes({ actorId: actor.id, projectSlug, path });
    const name = file.path.split("/").pop() ?? "file";
    const inline = url.searchParams.get("inline") === "1" && isInlineImage(file.path);
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": inline ? mediaTypeOf(file.path, false) : "application/octet-stream",
        "content-length": String(file.content.length),
        "content-disposition": inline ? "inline" : attachment(name),
        etag: `"${file.version}"`,
        "x-file-version": String(file.version),
        "cache-control": "private, no-cache",
      },
    });
  } catch (e) {
    return fail(e);
  }
}

/**
 * Uploads one file's bytes. Without If-Match the file is created (409 if the path is taken);
 * with `If-Match: <version>` it replaces that version (409 when the file is newer).
 */
export async function uploadFileContentRoute(req: Request, projectSlug: string): Promise<Response> {
  try {
    const actor = await actorOf(req, projectSlug);
    const path = new URL(req.url).searchParams.get("path") ?? "";
    const ifMatch = req.headers.get("if-match");
    let baseVersion: number | null = null;
    if (ifMatch !== null) {
      const n = Number(ifMatch.replace(/^W\//, "").replace(/"/g, ""));
      if (!Number.isInteger(n) || n < 1) throw new AppError("BAD_REQUEST", `If-Match must be the version you replace (e.g. If-Match: 3), not "${ifMatch}".`);
      baseVersion = n;
    }
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > MAX_FILE_BYTES) throw new AppError("BAD_REQUEST", `One file may be at most ${MAX_FILE_BYTES / 1024 ** 2} MB; this one is ${declared} bytes.`);
    const bytes = new Uint8Array(await req.arrayBuffer());
    const saved = await writeFile({ actorId: actor.id, projectSlug, path, baseVersion, bytes });
    return Response.json(saved, { status: baseVersion === null ? 201 : 200, headers: { etag: `"${saved.version}"`, "cache-control": "no-store" } });
  } catch (e) {
    return fail(e);
  }
}
