// The agent protocol: what `benchtop agent` and the server say to each other over HTTP, as zod
// schemas both sides import. All routes are under /api/agent/v1 and take
// `Authorization: Bearer <agent token>` (bt_agent_...). JSON bodies; errors are the REST shape
// { error: { code, message } }. A report about a node carries the node's fencing token; the
// server answers 409 { error: { code: "lease_lost" } } when that lease was taken back (the
// agent must then kill that node's process and forget it, without reporting further).
import { z } from "zod";

export const AGENT_API_PREFIX = "/api/agent/v1";

export const ZGpuInfo = z.object({
  index: z.number().int().min(0),
  model: z.string().min(1),
  memoryMb: z.number().int().min(0),
});

export const ZGpuStat = z.object({
  index: z.number().int().min(0),
  /** 0..100, null where the agent cannot read it (simulated GPUs). */
  utilization: z.number().min(0).max(100).nullable(),
  memoryUsedMb: z.number().min(0).nullable(),
});

/** How the agent isolates its jobs (cli/agent/isolation.ts), shown wherever agents are listed. */
export const ZAgentIsolation = z.object({
  /** Every job in a bubblewrap sandbox; false: the agent was started with --no-isolation. */
  sandbox: z.boolean(),
  /** The user jobs run as. */
  jobUser: z.string().min(1).max(64),
  /** Whether that is a user of its own (an agent running as root), not the agent's. */
  separateUser: z.boolean(),
});

/** POST /register — at every agent start. Re-registering updates the agent's facts. */
export const ZRegisterRequest = z.object({
  hostname: z.string().min(1).max(255),
  /** How other nodes reach this machine (MASTER_ADDR when it is rank 0): an IP or DNS name. */
  address: z.string().min(1).max(255),
  gpus: z.array(ZGpuInfo).max(64),
  simulated: z.boolean(),
  cpuSlots: z.number().int().min(0).max(1024),
  version: z.string().max(64),
  /** Absent from agents older than isolation: shown as unknown. */
  isolation: ZAgentIsolation.optional(),
});
export const ZRegisterResponse = z.object({
  agentId: z.string(),
  name: z.string(),
  pool: z.string(),
  heartbeatIntervalMs: z.number().int(),
  /** A node whose heartbeat is older than this is taken back (its attempt ends `lost`). */
  leaseTimeoutMs: z.number().int(),
});

export const ZNodeLease = z.object({
  nodeId: z.string(),
  fencingToken: z.string(),
  /**
   * The node's process is gone and the agent is delivering its end (logs, outputs, `ended`). A
   * cancel then ends the attempt on the server at once: nothing is left to stop, and a report the
   * server keeps refusing must not hold a cancelled job's GPUs.
   */
  exited: z.boolean().optional(),
});

/** POST /heartbeat — every heartbeatIntervalMs, with every node the agent is running. */
export const ZHeartbeatRequest = z.object({
  gpuStats: z.array(ZGpuStat).max(64),
  nodes: z.array(ZNodeLease).max(256),
});
export const ZHeartbeatResponse = z.object({
  /** Nodes to stop: SIGTERM, then SIGKILL after the job's grace period; then report `ended`. */
  cancel: z.array(z.string()),
  /** Nodes whose lease is no longer this agent's: kill them and report nothing more. */
  lost: z.array(z.string()),
  /** Finish what runs, claim nothing new. */
  draining: z.boolean(),
});

/** One attached dataset as the agent sees it: where to put it and which frozen version to read. */
export const ZAssignmentDataset = z.object({
  name: z.string().min(1).max(63),
  /** BENCHTOP_DATASET_<NAME>: the name upper-cased, other characters as `_`. */
  envName: z.string().regex(/^BENCHTOP_DATASET_[A-Z0-9_]+$/),
  /** copy: in place before the job starts; stream: the job starts at once and files arrive while it runs. */
  mode: z.enum(["copy", "stream"]),
  snapshotId: z.string(),
  version: z.number().int().min(1),
  objectCount: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  /**
   * Names the store, bucket and prefix without revealing them (a hash): the agent's dataset cache
   * keys an object by scope + key + ETag, so two datasets over the same objects share the cache.
   */
  cacheScope: z.string().regex(/^[a-f0-9]{16,64}$/),
});
export type TAssignmentDataset = z.infer<typeof ZAssignmentDataset>;

/** What one node of an attempt runs: everything the agent needs to start it. */
export const ZAssignment = z.object({
  nodeId: z.string(),
  fencingToken: z.string(),
  jobId: z.string(),
  jobName: z.string(),
  projectSlug: z.string(),
  attemptNumber: z.number().int().min(1),
  nodeRank: z.number().int().min(0),
  nodes: z.number().int().min(1),
  /** GPU indices on this machine to expose as CUDA_VISIBLE_DEVICES (empty for a CPU job). */
  gpuIndices: z.array(z.number().int().min(0)),
  /** `bash -c` this, in the snapshot's files. */
  command: z.string(),
  /** The user's own variables; the agent adds the BENCHTOP_* contract on top. */
  env: z.record(z.string(), z.string()),
  snapshotId: z.string(),
  maxRuntimeSeconds: z.number().int().min(1),
  graceSeconds: z.number().int().min(0),
  /** Set for multi-node jobs (nodes > 1). */
  masterAddr: z.string().nullable(),
  masterPort: z.number().int().nullable(),
  /** The newest checkpoint of the job, to restore into BENCHTOP_CHECKPOINT_DIR before starting. */
  checkpointId: z.string().nullable(),
  /** Datasets attached to the job, each frozen as a snapshot; objects from GET /nodes/{nodeId}/datasets/{name}/objects. */
  datasets: z.array(ZAssignmentDataset).default([]),
  /** The pool's jobNetwork: false cuts the job's network (its sandbox gets only a loopback of its own). */
  network: z.boolean().default(true),
});
export type TAssignment = z.infer<typeof ZAssignment>;

/**
 * GET /nodes/{nodeId}/datasets/{name}/objects?fencingToken=&after=KEY&limit=N — a page of the
 * attached snapshot's objects in key order, after `after`, each with a short-lived presigned GET
 * URL (relative URLs are relative to the server). Send `headers` with the GET: they carry the
 * If-Match that makes the store answer 412 when the object changed since the snapshot. Only the
 * node holding the live lease of a job with that attachment gets URLs (409 lease_lost otherwise).
 */
export const ZDatasetObject = z.object({
  key: z.string().min(1),
  size: z.number().int().min(0),
  etag: z.string(),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).default({}),
});
export type TDatasetObject = z.infer<typeof ZDatasetObject>;
export const ZDatasetObjectsResponse = z.object({
  objects: z.array(ZDatasetObject),
  /** Pass as `after` for the next page; null after the last. */
  next: z.string().nullable(),
  /** The URLs stop working this long after the answer. */
  urlTtlSeconds: z.number().int().min(1),
});

/** GET /assignments?waitMs=25000 — long poll: answers at once with work, or when work arrives, or empty after waitMs. Claims what it returns. */
export const ZAssignmentsResponse = z.object({ assignments: z.array(ZAssignment) });

/** A file in a snapshot, checkpoint or artifact manifest. Blobs are addressed by sha256. */
export const ZManifestEntry = z.object({
  path: z.string().min(1).max(4096),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  size: z.number().int().min(0),
  /** Unix permission bits (0o755 for executables); default 0o644. */
  mode: z.number().int().min(0).max(0o7777).default(0o644),
});
export const ZManifest = z.object({ files: z.array(ZManifestEntry) });
export type TManifest = z.infer<typeof ZManifest>;

/** POST /blobs/missing — which of these contents the server lacks. */
export const ZMissingBlobsRequest = z.object({ sha256s: z.array(z.string().regex(/^[a-f0-9]{64}$/, "must be a SHA-256")).max(1000) });
export const ZMissingBlobsResponse = z.object({ missing: z.array(z.string()) });

// GET  /snapshots/{snapshotId}        -> ZManifest
// GET  /checkpoints/{checkpointId}    -> ZManifest
// GET  /blobs/{sha256}                -> the bytes (application/octet-stream)
// PUT  /blobs/{sha256}                -> 204; body is the bytes; the server checks the hash (400 on mismatch)

/** POST /nodes/{nodeId}/started — the process is running. */
export const ZStartedRequest = z.object({ fencingToken: z.string() });

/**
 * POST /nodes/{nodeId}/logs — batches of stdout/stderr lines, in order. `seq` counts batches per
 * node from 0; a batch the server already has is acknowledged again and not stored twice, so the
 * agent resends anything unacknowledged (after a server restart, say) in seq order.
 * Lines starting with `::metric ` are also metrics (see contract/metrics-protocol.ts).
 */
export const ZLogsRequest = z.object({
  fencingToken: z.string(),
  batches: z
    .array(
      z.object({
        seq: z.number().int().min(0),
        lines: z.array(z.string().max(65_536)).max(20_000),
      }),
    )
    .max(100),
});
export const ZLogsResponse = z.object({ acknowledgedThroughSeq: z.number().int() });

/** POST /nodes/{nodeId}/checkpoint — after PUTting the blobs: the files of BENCHTOP_CHECKPOINT_DIR now. */
export const ZCheckpointRequest = z.object({ fencingToken: z.string(), files: z.array(ZManifestEntry).max(100_000) });
export const ZCheckpointResponse = z.object({ checkpointId: z.string() });

/** POST /nodes/{nodeId}/artifacts — after PUTting the blobs: the files of BENCHTOP_OUTPUT_DIR at the end. */
export const ZArtifactsRequest = z.object({ fencingToken: z.string(), files: z.array(ZManifestEntry).max(100_000) });

/** POST /nodes/{nodeId}/ended — the process is gone (after logs, checkpoint and artifacts were sent). */
export const ZEndedRequest = z.object({
  fencingToken: z.string(),
  /**
   * failed: the agent stopped a running job for the reason in `message` (a streamed dataset that
   * could not be read). refused: the agent would not take the node for a reason of its own (a GPU
   * or CPU slot it still counts as busy); the job is requeued without counting against its retries.
   */
  outcome: z.enum(["exited", "timed_out", "cancelled", "failed_to_start", "failed", "refused"]),
  /** The exit status; null when killed by a signal or never started. */
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  /** A sentence for failed_to_start ("could not fetch the snapshot: ..."), failed and refused. */
  message: z.string().max(2000).default(""),
});
