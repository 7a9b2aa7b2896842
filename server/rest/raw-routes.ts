// REST routes whose bodies are bytes, not JSON: blob upload and artifact download.
import { Readable } from "node:stream";
import { resolveActor } from "../auth/actor";
import { AppError } from "../errors";
import { getBlob, putBlob } from "../queue/blobs";
import { artifactBlob } from "../queue/read-jobs";

const fail = (e: unknown) => {
  if (e instanceof AppError) return Response.json({ error: { code: e.code.toLowerCase(), message: e.message } }, { status: e.status });
  throw e;
};

async function actorOrFail(req: Request) {
  const { actor } = await resolveActor(req.headers);
  if (!actor) throw new AppError("UNAUTHORIZED", "Authenticate with an API token: Authorization: Bearer <token>.");
  return actor;
}

/** PUT /api/v1/blobs/{sha256}: the bytes of one file; refused unless they hash to sha256. */
export async function putBlobRoute(req: Request, sha256: string): Promise<Response> {
  try {
    await actorOrFail(req);
    if (!req.body) throw new AppError("BAD_REQUEST", "Send the file's bytes as the request body.");
    await putBlob(sha256, Readable.fromWeb(req.body as import("node:stream/web").ReadableStream));
    return new Response(null, { status: 204 });
  } catch (e) {
    return fail(e);
  }
}

/** GET /api/v1/jobs/{jobId}/artifacts/download?path=...: one artifact's bytes. */
export async function downloadArtifactRoute(req: Request, jobId: string): Promise<Response> {
  try {
    const actor = await actorOrFail(req);
    const path = new URL(req.url).searchParams.get("path") ?? "";
    const { sha256, sizeBytes } = await artifactBlob({ actorId: actor.id, jobId, path });
    const stream = await getBlob(sha256);
    const name = path.split("/").pop() || "artifact";
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": "application/octet-stream",
        "content-length": String(sizeBytes),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      },
    });
  } catch (e) {
    return fail(e);
  }
}
