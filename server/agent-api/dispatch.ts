// The agent API edge (/api/agent/v1): agent-token auth, zod-validated bodies, one error shape.
// The protocol itself is in contract/agent-protocol.ts; the rules are in server/queue/*.
import { Readable } from "node:stream";
import type { z } from "zod";
import { AppError } from "../errors";
import { errorAnswerOf, errorResponse } from "../http/error-answer";
import { requestIdOf } from "../http/request-id";
import { withStorableText } from "../http/storable-text";
import { requestLogger } from "../log";
import { authenticateAgent, registerAgent, type AuthenticatedAgent } from "../queue/agents";
import { getBlob, missingBlobs, putBlob, readManifest } from "../storage/blobs";
import { heartbeatIntervalMs, heartbeatTimeoutMs } from "../queue/capacity";
import { waitForAssignments } from "../queue/claim";
import { agentHeartbeat } from "../queue/heartbeat";
import { jobDatasetObjects } from "../queue/job-datasets";
import { LeaseLostError } from "../queue/lease";
import { appendLogs, nodeEnded, nodeStarted, saveArtifacts, saveCheckpoint } from "../queue/node-reports";
import { readSnapshot } from "../queue/snapshots";
import { ObjectNotFoundError } from "../storage/object-store";
import { db } from "../db/client";
import {
  AGENT_API_PREFIX,
  ZArtifactsRequest,
  ZCheckpointRequest,
  ZEndedRequest,
  ZHeartbeatRequest,
  ZLogsRequest,
  ZMissingBlobsRequest,
  ZRegisterRequest,
  ZStartedRequest,
} from "../../contract/agent-protocol";

type Handler = (ctx: { agent: AuthenticatedAgent; params: string[]; req: Request; url: URL }) => Promise<Response>;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * An agent's JSON body. What a job printed arrives here (log lines, an end message), and a job may
 * print a NUL byte or half a surrogate pair, which PostgreSQL cannot store: those become U+FFFD
 * rather than a refusal the agent would retry forever.
 */
async function bodyOf<T extends z.ZodType>(req: Request, schema: T): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  return schema.parse(withStorableText(raw));
}

const routes: [string, RegExp, Handler][] = [
  ["POST", /^\/register$/, async ({ agent, req }) => {
    await registerAgent(agent.id, await bodyOf(req, ZRegisterRequest));
    return json({ agentId: agent.id, name: agent.name, pool: agent.poolName, heartbeatIntervalMs: heartbeatIntervalMs(), leaseTimeoutMs: heartbeatTimeoutMs() });
  }],
  ["POST", /^\/heartbeat$/, async ({ agent, req }) => json(await agentHeartbeat(agent.id, await bodyOf(req, ZHeartbeatRequest)))],
  ["GET", /^\/assignments$/, async ({ agent, req, url }) => {
    if (agent.draining) return json({ assignments: [] });
    const waitMs = Math.min(Math.max(Number(url.searchParams.get("waitMs") ?? 0) || 0, 0), 60_000);
    return json({ assignments: await waitForAssignments(agent.id, waitMs, req.signal) });
  }],
  ["GET", /^\/snapshots\/([a-f0-9]{64})$/, async ({ params }) => {
    const manifest = await readSnapshot(params[0]!).catch((e: unknown) => {
      throw e instanceof ObjectNotFoundError ? new AppError("NOT_FOUND", `Snapshot ${params[0]} was not found.`) : e;
    });
    return json(manifest);
  }],
  ["GET", /^\/checkpoints\/([^/]+)$/, async ({ params }) => {
    const checkpoint = await db.checkpoint.findUnique({ where: { id: params[0]! }, select: { manifestKey: true } });
    if (!checkpoint) throw new AppError("NOT_FOUND", `Checkpoint ${params[0]} was not found.`);
    return json(await readManifest(checkpoint.manifestKey));
  }],
  ["POST", /^\/blobs\/missing$/, async ({ req }) => json({ missing: await missingBlobs((await bodyOf(req, ZMissingBlobsRequest)).sha256s) })],
  ["GET", /^\/blobs\/([a-f0-9]{64})$/, async ({ params }) => {
    const stream = await getBlob(params[0]!).catch(() => {
      throw new AppError("NOT_FOUND", `Blob ${params[0]} was not found.`);
    });
    return new Response(Readable.toWeb(stream) as ReadableStream, { headers: { "content-type": "application/octet-stream" } });
  }],
  ["PUT", /^\/blobs\/([a-f0-9]{64})$/, async ({ params, req }) => {
    if (!req.body) throw new AppError("BAD_REQUEST", "Send the blob's bytes as the request body.");
    await putBlob(params[0]!, Readable.fromWeb(req.body as import("node:stream/web").ReadableStream));
    return new Response(null, { status: 204 });
  }],
  ["GET", /^\/nodes\/([^/]+)\/datasets\/([^/]+)\/objects$/, async ({ agent, params, url }) => {
    const q = url.searchParams;
    const name = decodeURIComponent(params[1]!);
    const limit = Math.min(Math.max(Number(q.get("limit") ?? 1000) || 1000, 1), 1000);
    return json(await jobDatasetObjects({ agentId: agent.id, nodeId: params[0]!, fencingToken: q.get("fencingToken") ?? "", name, after: q.get("after") ?? "", limit }));
  }],
  ["POST", /^\/nodes\/([^/]+)\/started$/, async ({ agent, params, req }) => {
    await nodeStarted(agent.id, params[0]!, (await bodyOf(req, ZStartedRequest)).fencingToken);
    return json({ ok: true });
  }],
  ["POST", /^\/nodes\/([^/]+)\/logs$/, async ({ agent, params, req }) =>
    json({ acknowledgedThroughSeq: await appendLogs(agent.id, params[0]!, await bodyOf(req, ZLogsRequest)) })],
  ["POST", /^\/nodes\/([^/]+)\/checkpoint$/, async ({ agent, params, req }) =>
    json({ checkpointId: await saveCheckpoint(agent.id, params[0]!, await bodyOf(req, ZCheckpointRequest)) })],
  ["POST", /^\/nodes\/([^/]+)\/artifacts$/, async ({ agent, params, req }) => {
    await saveArtifacts(agent.id, params[0]!, await bodyOf(req, ZArtifactsRequest));
    return json({ ok: true });
  }],
  ["POST", /^\/nodes\/([^/]+)\/ended$/, async ({ agent, params, req }) => {
    await nodeEnded(agent.id, params[0]!, await bodyOf(req, ZEndedRequest));
    return json({ ok: true });
  }],
];

export async function dispatchAgentApi(req: Request): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  const log = requestLogger(requestId);
  const url = new URL(req.url);
  const subpath = url.pathname.slice(AGENT_API_PREFIX.length);
  // Errors are converted once, as on every edge (server/http/error-answer.ts); a lease taken back is the agent's own code.
  const error = (status: number, code: string, message: string) => errorResponse({ status, code, message, requestId });
  // HEAD is answered as GET; the body is dropped below.
  const method = req.method === "HEAD" ? "GET" : req.method;
  const route = routes.find(([m, pattern]) => m === method && pattern.test(subpath));
  if (!route) return error(404, "not_found", `There is no agent API route ${req.method} ${url.pathname}.`);
  let agentName: string | undefined;
  try {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
    const agent = match ? await authenticateAgent(match[1]!) : null;
    if (!agent) return error(401, "unauthorized", "The agent token is not valid. Create an agent with `benchtop agents create NAME` and pass its token.");
    agentName = agent.name;
    const response = await route[2]({ agent, params: route[1].exec(subpath)!.slice(1), req, url });
    return req.method === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
  } catch (e) {
    if (e instanceof LeaseLostError) return error(409, "lease_lost", e.message);
    return errorResponse(errorAnswerOf(e, { requestId, log, where: `agent API ${req.method} ${url.pathname}${agentName ? ` (agent ${agentName})` : ""}` }));
  }
}
