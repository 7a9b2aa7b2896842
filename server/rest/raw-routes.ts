// REST routes whose bodies are bytes, not JSON: blob upload, artifact and log download.
import { Readable } from "node:stream";
import { AppError } from "../errors";
import { appErrorResponse } from "../http/json-error";
import { getBlob } from "../queue/blobs";
import { putProjectBlob } from "../queue/project-blobs";
import { artifactBlob, getJob, readLogLines } from "../queue/read-jobs";
import { requireRequestActor as actorOrFail } from "./request-actor";

const fail = (e: unknown) => {
  if (e instanceof AppError) return appErrorResponse(e);
  throw e;
};

/**
 * PUT /api/v1/blobs/{sha256}?project=SLUG: the bytes of one file for a snapshot of that project
 * (editors); refused unless they hash to sha256.
 */
export async function putBlobRoute(req: Request, sha256: string): Promise<Response> {
  try {
    const actor = await actorOrFail(req, { sha256 });
    const projectSlug = new URL(req.url).searchParams.get("project");
    if (!projectSlug) throw new AppError("BAD_REQUEST", "Name the project the file is for: PUT /api/v1/blobs/{sha256}?project=SLUG.");
    if (!req.body) throw new AppError("BAD_REQUEST", "Send the file's bytes as the request body.");
    await putProjectBlob({ actorId: actor.id, projectSlug, sha256, body: Readable.fromWeb(req.body as import("node:stream/web").ReadableStream) });
    return new Response(null, { status: 204 });
  } catch (e) {
    return fail(e);
  }
}

/** GET /api/v1/jobs/{jobId}/artifacts/download?path=...: one artifact's bytes. */
export async function downloadArtifactRoute(req: Request, jobId: string): Promise<Response> {
  try {
    const actor = await actorOrFail(req, { jobId });
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

/**
 * GET /api/v1/jobs/{jobId}/logs/download: the whole log as text, streamed page by page (a
 * million-line log never sits in memory here or in the browser).
 */
export async function downloadLogRoute(req: Request, jobId: string): Promise<Response> {
  try {
    const actor = await actorOrFail(req, { jobId });
    const job = await getJob({ actorId: actor.id, jobId });
    let from = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { lines } = await readLogLines({ actorId: actor.id, jobId, from, limit: 20_000 });
        if (lines.length === 0) return controller.close();
        from = lines[lines.length - 1]!.n + 1;
        controller.enqueue(new TextEncoder().encode(lines.map((l) => l.text).join("\n") + "\n"));
      },
    });
    const base = job.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
    return new Response(body, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="${base ? `${base}-` : ""}${jobId}.log"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return fail(e);
  }
}
