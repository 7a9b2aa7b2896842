// The agent's side of the HTTP protocol in contract/agent-protocol.ts: one method per route,
// responses checked against the same zod schemas the server uses. Errors are AgentApiError; a
// 409 lease_lost is LeaseLostError, the one answer after which a node must not be reported again.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { z } from "zod";
import {
  AGENT_API_PREFIX,
  ZAssignmentsResponse,
  ZCheckpointResponse,
  ZDatasetObjectsResponse,
  ZHeartbeatResponse,
  ZLogsResponse,
  ZManifest,
  ZRegisterResponse,
  type TManifest,
  type ZArtifactsRequest,
  type ZCheckpointRequest,
  type ZEndedRequest,
  type ZHeartbeatRequest,
  type ZLogsRequest,
  type ZRegisterRequest,
} from "../../contract/agent-protocol";

export class AgentApiError extends Error {
  override name = "AgentApiError";
  constructor(
    message: string,
    /** null when the server could not be reached at all. */
    readonly status: number | null,
    readonly code: string | null = null,
    /** The server's own sentence, when it gave one (for a job's log, without the request line). */
    readonly serverMessage: string | null = null,
  ) {
    super(message);
  }

  /** Worth trying again later: the server is unreachable, restarting, overloaded or slow. */
  get retryable(): boolean {
    return this.status === null || this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

export class LeaseLostError extends AgentApiError {
  override name = "LeaseLostError";
}

type RequestOptions = { json?: unknown; stream?: ReadableStream<Uint8Array>; signal?: AbortSignal; timeoutMs?: number };

export class AgentClient {
  readonly baseUrl: string;

  constructor(
    serverUrl: string,
    private readonly token: string,
  ) {
    this.baseUrl = serverUrl.replace(/\/+$/, "") + AGENT_API_PREFIX;
  }

  private async request(method: string, route: string, opts: RequestOptions = {}): Promise<Response> {
    const signals = [AbortSignal.timeout(opts.timeoutMs ?? 60_000)];
    if (opts.signal) signals.push(opts.signal);
    let response: Response;
    try {
      response = await fetch(this.baseUrl + route, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: "application/json",
          ...(opts.json !== undefined ? { "content-type": "application/json" } : opts.stream ? { "content-type": "application/octet-stream" } : {}),
        },
        body: opts.json !== undefined ? JSON.stringify(opts.json) : opts.stream,
        // A stream body is sent chunked as it is read (fetch's half duplex: the answer comes after).
        ...(opts.stream ? { duplex: "half" } : {}),
        signal: AbortSignal.any(signals),
      } as RequestInit);
    } catch (e) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
      throw new AgentApiError(`cannot reach the server (${cause === "TimeoutError" ? "timed out" : cause})`, null);
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => "");
    let error: { code?: string; message?: string } | undefined;
    try {
      error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    } catch {
      // Not the REST error shape (a proxy's HTML page, say): the status says enough.
    }
    const message = `${method} ${route} answered ${response.status}${error?.message ? `: ${error.message}` : ""}`;
    // The protocol names the code lease_lost; any 409 about a node can only mean the same thing.
    if (response.status === 409 && (error?.code?.toLowerCase() === "lease_lost" || route.startsWith("/nodes/"))) {
      throw new LeaseLostError(message, 409, "lease_lost");
    }
    throw new AgentApiError(message, response.status, error?.code ?? null, error?.message ?? null);
  }

  private async json<S extends z.ZodType>(schema: S, method: string, route: string, opts: RequestOptions = {}): Promise<z.infer<S>> {
    const response = await this.request(method, route, opts);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new AgentApiError(`${method} ${route} answered something that is not the agent protocol`, response.status, "bad_response");
    return parsed.data;
  }

  private async noContent(method: string, route: string, opts: RequestOptions): Promise<void> {
    const response = await this.request(method, route, opts);
    await response.body?.cancel();
  }

  register(body: z.input<typeof ZRegisterRequest> & { name?: string }, signal?: AbortSignal) {
    return this.json(ZRegisterResponse, "POST", "/register", { json: body, signal });
  }

  heartbeat(body: z.input<typeof ZHeartbeatRequest>, signal?: AbortSignal) {
    return this.json(ZHeartbeatResponse, "POST", "/heartbeat", { json: body, signal, timeoutMs: 20_000 });
  }

  /** The long poll: the server holds it up to waitMs, so the request may take that long plus a margin. */
  assignments(waitMs: number, signal?: AbortSignal) {
    return this.json(ZAssignmentsResponse, "GET", `/assignments?waitMs=${waitMs}`, { signal, timeoutMs: waitMs + 30_000 });
  }

  snapshotManifest(snapshotId: string, signal?: AbortSignal): Promise<TManifest> {
    return this.json(ZManifest, "GET", `/snapshots/${encodeURIComponent(snapshotId)}`, { signal });
  }

  checkpointManifest(checkpointId: string, signal?: AbortSignal): Promise<TManifest> {
    return this.json(ZManifest, "GET", `/checkpoints/${encodeURIComponent(checkpointId)}`, { signal });
  }

  /** Streams a blob into `file`, returning the SHA-256 of what arrived (the caller checks it). */
  async downloadBlob(sha256: string, file: string, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
    const response = await this.request("GET", `/blobs/${sha256}`, { signal, timeoutMs: 6 * 60 * 60_000 });
    if (!response.body) throw new AgentApiError(`GET /blobs/${sha256} answered no body`, response.status);
    const hash = createHash("sha256");
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), hashing, createWriteStream(file), { signal });
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new AgentApiError(`the download of blob ${sha256.slice(0, 12)} broke off (${(e as Error).message})`, null);
    }
    return { sha256: hash.digest("hex"), size };
  }

  async missingBlobs(sha256s: string[], signal?: AbortSignal): Promise<string[]> {
    const missing: string[] = [];
    // Asked in slices so a checkpoint of many files never makes one enormous request.
    for (let i = 0; i < sha256s.length; i += 1000) {
      const slice = sha256s.slice(i, i + 1000);
      const answer = await this.request("POST", "/blobs/missing", { json: { sha256s: slice }, signal });
      const body = (await answer.json()) as { missing?: unknown };
      if (!Array.isArray(body.missing)) throw new AgentApiError("POST /blobs/missing answered something that is not the agent protocol", answer.status, "bad_response");
      missing.push(...body.missing.filter((s): s is string => typeof s === "string"));
    }
    return missing;
  }

  /**
   * PUTs a blob from a descriptor already opened and checked (a job's file, job-files.ts), so the
   * bytes sent are those of the file that was checked, never of whatever its path names by now.
   * Sent chunked as it is read; the server hashes what arrives and refuses another content (400).
   */
  async uploadBlob(sha256: string, handle: FileHandle, signal?: AbortSignal): Promise<void> {
    const stream = Readable.toWeb(handle.createReadStream({ start: 0, autoClose: false })) as unknown as ReadableStream<Uint8Array>;
    await this.noContent("PUT", `/blobs/${sha256}`, { stream, signal, timeoutMs: 6 * 60 * 60_000 });
  }

  /** A page of an attached dataset's frozen objects, with presigned URLs (dataset-fetch.ts). */
  datasetObjects(nodeId: string, name: string, query: { fencingToken: string; after: string; limit: number }, signal?: AbortSignal) {
    const q = new URLSearchParams({ fencingToken: query.fencingToken, after: query.after, limit: String(query.limit) });
    return this.json(ZDatasetObjectsResponse, "GET", `/nodes/${encodeURIComponent(nodeId)}/datasets/${encodeURIComponent(name)}/objects?${q}`, { signal });
  }

  started(nodeId: string, fencingToken: string, signal?: AbortSignal) {
    return this.noContent("POST", `/nodes/${encodeURIComponent(nodeId)}/started`, { json: { fencingToken }, signal });
  }

  logs(nodeId: string, body: z.input<typeof ZLogsRequest>, signal?: AbortSignal) {
    return this.json(ZLogsResponse, "POST", `/nodes/${encodeURIComponent(nodeId)}/logs`, { json: body, signal });
  }

  checkpoint(nodeId: string, body: z.input<typeof ZCheckpointRequest>, signal?: AbortSignal) {
    return this.json(ZCheckpointResponse, "POST", `/nodes/${encodeURIComponent(nodeId)}/checkpoint`, { json: body, signal });
  }

  artifacts(nodeId: string, body: z.input<typeof ZArtifactsRequest>, signal?: AbortSignal) {
    return this.noContent("POST", `/nodes/${encodeURIComponent(nodeId)}/artifacts`, { json: body, signal });
  }

  ended(nodeId: string, body: z.input<typeof ZEndedRequest>, signal?: AbortSignal) {
    return this.noContent("POST", `/nodes/${encodeURIComponent(nodeId)}/ended`, { json: body, signal });
  }
}
