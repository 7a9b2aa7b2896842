// A STAND-IN for Benchtop's agent API, for the agent's own tests: the routes of
// contract/agent-protocol.ts over real HTTP on loopback, kept in memory, with faults on demand
// (status codes, dropped connections, a "restart" during which nothing answers). It is not the
// server: the server's rules are tested in tests/queue, and tests/agent/real-server.test.ts runs
// the agent against the real API. Here we need to break things at will.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { z } from "zod";
import {
  ZArtifactsRequest,
  ZCheckpointRequest,
  ZEndedRequest,
  ZHeartbeatRequest,
  ZLogsRequest,
  ZRegisterRequest,
  ZStartedRequest,
  type TAssignment,
  type TManifest,
} from "../../../contract/agent-protocol";

/** Bodies are checked with the protocol's own schemas, as the real server does: a malformed report is a 400 here too. */
const BODY_SCHEMAS: Record<string, z.ZodType> = {
  "/register": ZRegisterRequest,
  "/heartbeat": ZHeartbeatRequest,
  started: ZStartedRequest,
  logs: ZLogsRequest,
  checkpoint: ZCheckpointRequest,
  artifacts: ZArtifactsRequest,
  ended: ZEndedRequest,
};

/** A status to answer with instead; "drop" cuts the connection before serving; "lose-answer" serves it, then cuts the connection instead of answering. */
export type Fault = number | "drop" | "lose-answer" | null;
export type SeenRequest = { method: string; path: string; body: unknown };

export type FakeNode = {
  started: number;
  batches: Map<number, string[]>;
  /** Every seq the agent sent, resends included, in arrival order. */
  seqsSent: number[];
  checkpoints: TManifest["files"][];
  artifacts: TManifest["files"][];
  ended: Record<string, unknown> | null;
};

export const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

export class FakeAgentServer {
  url = "";
  readonly token = "bt_agent_test-token-do-not-leak";
  readonly blobs = new Map<string, Buffer>();
  readonly snapshots = new Map<string, TManifest>();
  readonly checkpointManifests = new Map<string, TManifest>();
  readonly requests: SeenRequest[] = [];
  readonly registrations: unknown[] = [];
  readonly heartbeats: { gpuStats: unknown[]; nodes: { nodeId: string; fencingToken: string; exited?: boolean }[] }[] = [];
  readonly nodes = new Map<string, FakeNode>();
  readonly queued: TAssignment[] = [];
  readonly cancel = new Set<string>();
  readonly lost = new Set<string>();
  draining = false;
  heartbeatIntervalMs = 200;
  blobGets = 0;
  /** Decides per request: a status to answer with instead, "drop" to cut the connection, or null to serve it. */
  fault: (req: SeenRequest) => Fault = () => null;
  private server: http.Server | null = null;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  putBlob(content: Buffer | string): { sha256: string; size: number } {
    const bytes = Buffer.from(content);
    const hash = sha256(bytes);
    this.blobs.set(hash, bytes);
    return { sha256: hash, size: bytes.length };
  }

  /** A snapshot of these files (path -> content, or [content, mode]); returns its id. */
  addSnapshot(files: Record<string, string | [string, number]>): string {
    const manifest: TManifest = {
      files: Object.entries(files).map(([path, value]) => {
        const [content, mode] = Array.isArray(value) ? value : [value, 0o644];
        return { path, ...this.putBlob(content), mode };
      }),
    };
    const id = sha256(JSON.stringify(manifest));
    this.snapshots.set(id, manifest);
    return id;
  }

  node(nodeId: string): FakeNode {
    let node = this.nodes.get(nodeId);
    if (!node) {
      node = { started: 0, batches: new Map(), seqsSent: [], checkpoints: [], artifacts: [], ended: null };
      this.nodes.set(nodeId, node);
    }
    return node;
  }

  /** The node's log as stored: batches in seq order. Throws on a gap, which must never happen. */
  logLines(nodeId: string): string[] {
    const batches = this.node(nodeId).batches;
    const seqs = [...batches.keys()].sort((a, b) => a - b);
    seqs.forEach((seq, i) => {
      if (seq !== i) throw new Error(`log of ${nodeId} has a gap: seqs ${seqs.join(",")}`);
    });
    return seqs.flatMap((seq) => batches.get(seq)!);
  }

  async waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", this.url);
    const path = url.pathname.replace(/^\/api\/agent\/v1/, "");
    const isJson = (req.headers["content-type"] ?? "").includes("json");
    const seen: SeenRequest = { method: req.method ?? "GET", path, body: isJson && raw.length ? JSON.parse(raw.toString("utf8")) : null };
    this.requests.push(seen);
    const fault = this.fault(seen);
    const send = (status: number, body?: unknown) => {
      if (fault === "lose-answer") return void req.socket.destroy();
      res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${this.token}`) return send(401, { error: { code: "unauthorized", message: "The agent token is not valid." } });
    if (fault === "drop") return void req.socket.destroy();
    if (typeof fault === "number") return send(fault, { error: { code: "internal", message: "injected fault" } });
    const body = seen.body as Record<string, unknown>;
    const schema = BODY_SCHEMAS[path] ?? (path.startsWith("/nodes/") ? BODY_SCHEMAS[path.split("/").at(-1)!] : undefined);
    if (seen.method === "POST" && schema && !schema.safeParse(body).success) {
      return send(400, { error: { code: "bad_request", message: `The request is not valid: ${schema.safeParse(body).error!.issues[0]!.message}` } });
    }
    let m: RegExpExecArray | null;
    if (seen.method === "POST" && path === "/register") {
      this.registrations.push(body);
      return send(200, { agentId: "agent-1", name: "gpu-test", pool: "lab", heartbeatIntervalMs: this.heartbeatIntervalMs, leaseTimeoutMs: 30_000 });
    }
    if (seen.method === "POST" && path === "/heartbeat") {
      this.heartbeats.push(body as FakeAgentServer["heartbeats"][number]);
      const ids = (body.nodes as { nodeId: string }[]).map((n) => n.nodeId);
      return send(200, { cancel: ids.filter((id) => this.cancel.has(id)), lost: ids.filter((id) => this.lost.has(id)), draining: this.draining });
    }
    if (seen.method === "GET" && path === "/assignments") {
      const waitMs = Math.min(Number(url.searchParams.get("waitMs") ?? 0), 2_000);
      const deadline = Date.now() + waitMs;
      while (this.queued.length === 0 && Date.now() < deadline && !res.destroyed) await new Promise((r) => setTimeout(r, 20));
      return send(200, { assignments: this.draining ? [] : this.queued.splice(0) });
    }
    if (seen.method === "GET" && (m = /^\/(snapshots|checkpoints)\/([^/]+)$/.exec(path))) {
      const manifest = (m[1] === "snapshots" ? this.snapshots : this.checkpointManifests).get(m[2]!);
      return manifest ? send(200, manifest) : send(404, { error: { code: "not_found", message: `${m[1]} ${m[2]} was not found.` } });
    }
    if (seen.method === "POST" && path === "/blobs/missing") {
      return send(200, { missing: (body.sha256s as string[]).filter((s) => !this.blobs.has(s)) });
    }
    if ((m = /^\/blobs\/([a-f0-9]{64})$/.exec(path))) {
      if (seen.method === "GET") {
        this.blobGets++;
        const blob = this.blobs.get(m[1]!);
        if (!blob) return send(404, { error: { code: "not_found", message: "no such blob" } });
        res.writeHead(200, { "content-type": "application/octet-stream" });
        return void res.end(blob);
      }
      if (seen.method === "PUT") {
        if (sha256(raw) !== m[1]) return send(400, { error: { code: "bad_request", message: "hash mismatch" } });
        this.blobs.set(m[1]!, raw);
        return send(204);
      }
    }
    if (seen.method === "POST" && (m = /^\/nodes\/([^/]+)\/(started|logs|checkpoint|artifacts|ended)$/.exec(path))) {
      const nodeId = decodeURIComponent(m[1]!);
      if (this.lost.has(nodeId)) return send(409, { error: { code: "lease_lost", message: `The lease on node ${nodeId} is no longer this agent's.` } });
      const node = this.node(nodeId);
      switch (m[2]) {
        case "started":
          node.started++;
          return send(200, { ok: true });
        case "logs": {
          for (const batch of body.batches as { seq: number; lines: string[] }[]) {
            node.seqsSent.push(batch.seq);
            if (!node.batches.has(batch.seq)) node.batches.set(batch.seq, batch.lines);
            else if (JSON.stringify(node.batches.get(batch.seq)) !== JSON.stringify(batch.lines)) throw new Error(`seq ${batch.seq} resent with other lines`);
          }
          return send(200, { acknowledgedThroughSeq: Math.max(-1, ...node.batches.keys()) });
        }
        case "checkpoint": {
          const files = body.files as TManifest["files"];
          const missing = files.filter((f) => !this.blobs.has(f.sha256));
          if (missing.length) return send(400, { error: { code: "bad_request", message: "blobs not uploaded first" } });
          node.checkpoints.push(files);
          const id = `ckpt-${sha256(JSON.stringify(files)).slice(0, 12)}`;
          this.checkpointManifests.set(id, { files });
          return send(200, { checkpointId: id });
        }
        case "artifacts":
          node.artifacts.push(body.files as TManifest["files"]);
          return send(200, { ok: true });
        case "ended":
          node.ended = body;
          return send(200, { ok: true });
      }
    }
    send(404, { error: { code: "not_found", message: `no route ${seen.method} ${path}` } });
  }
}

let counter = 0;

/** An assignment with sensible defaults for a test. */
export function makeAssignment(overrides: Partial<TAssignment> & { snapshotId: string; command: string }): TAssignment {
  counter++;
  return {
    nodeId: `node-${process.pid}-${counter}`,
    fencingToken: String(1000 + counter),
    jobId: `job-${process.pid}-${counter}`,
    jobName: "test job",
    projectSlug: "demo",
    attemptNumber: 1,
    nodeRank: 0,
    nodes: 1,
    gpuIndices: [],
    env: {},
    maxRuntimeSeconds: 600,
    graceSeconds: 5,
    masterAddr: null,
    masterPort: null,
    checkpointId: null,
    datasets: [],
    network: true,
    ...overrides,
  };
}
