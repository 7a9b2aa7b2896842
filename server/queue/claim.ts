// Agents claim the nodes a scheduler pass assigned them. One statement claims, takes a fresh
// fencing token and returns everything the agent needs (graphile-worker style:
// UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING).
import { sql } from "../db/pool";
import type { TAssignment } from "../../contract/agent-protocol";
import { assignmentDatasets, type ClaimedDatasetRow } from "./job-datasets";
import { nodeEnded } from "./node-reports";
import { decryptSecretEnv, SecretEnvUnreadableError } from "./secret-env";
import { notifications, CHANNEL } from "./notify";

type ClaimedRow = {
  id: string;
  nodeRank: number;
  gpuIndices: number[];
  fencingToken: string;
  number: number;
  masterAddr: string | null;
  masterPort: number | null;
  jobId: string;
  name: string;
  command: string;
  env: Record<string, string>;
  /** --secret-env, encrypted; null for most jobs, which then cost nothing more to claim. */
  secretEnv: Uint8Array | null;
  snapshotId: string;
  nodes: number;
  maxRuntimeSeconds: number;
  graceSeconds: number;
  slug: string;
  checkpointId: string | null;
  datasets: ClaimedDatasetRow[];
  jobNetwork: boolean;
};

/** Claims up to `limit` nodes assigned to this agent, in one statement, each with a fresh fencing token. */
export async function claimNodes(agentId: string, limit = 32): Promise<TAssignment[]> {
  // Named, so each connection plans this statement once (planning is a large share of its cost).
  const { rows } = await sql.query<ClaimedRow>({
    name: "benchtop_claim_nodes",
    text: `WITH claimed AS (
       UPDATE "AttemptNode" n
          SET state = 'running', "fencingToken" = nextval('benchtop_fencing_seq'), "claimedAt" = now(), "heartbeatAt" = now()
         FROM (SELECT id FROM "AttemptNode" WHERE "agentId" = $1 AND state = 'assigned'
               LIMIT $2 FOR UPDATE SKIP LOCKED) c
        WHERE n.id = c.id
       RETURNING n.id, n."attemptId", n."nodeRank", n."gpuIndices", n."fencingToken")
     SELECT c.id, c."nodeRank", c."gpuIndices", c."fencingToken"::text AS "fencingToken",
            a.number, a."masterAddr", a."masterPort",
            j.id AS "jobId", j.name, j.command, j.env, j."secretEnv", j."snapshotId", j.nodes, j."maxRuntimeSeconds", j."graceSeconds",
            p.slug,
            (SELECT k.id FROM "Checkpoint" k WHERE k."jobId" = j.id ORDER BY k."createdAt" DESC LIMIT 1) AS "checkpointId",
            (SELECT coalesce(json_agg(json_build_object('name', d.name, 'mode', jd.mode, 'snapshotId', s.id, 'version', s.version,
                      'objectCount', s."objectCount", 'totalBytes', s."totalBytes", 'storeId', d."storeId", 'bucket', d.bucket, 'prefix', d.prefix)
                      ORDER BY d.name), '[]'::json)
               FROM "JobDataset" jd JOIN "Dataset" d ON d.id = jd."datasetId" JOIN "DatasetSnapshot" s ON s.id = jd."snapshotId"
              WHERE jd."jobId" = j.id) AS datasets,
            (SELECT pl."jobNetwork" FROM "Agent" ag JOIN "Pool" pl ON pl.id = ag."poolId" WHERE ag.id = $1) AS "jobNetwork"
       FROM claimed c
       JOIN "Attempt" a ON a.id = c."attemptId"
       JOIN "Job" j ON j.id = a."jobId"
       JOIN "Project" p ON p.id = j."projectId"`,
    values: [agentId, limit],
  });
  // Secrets are decrypted here, after the statement (no key in SQL) and without another round trip.
  const assignments: TAssignment[] = [];
  for (const r of rows) {
    let env = r.env;
    if (r.secretEnv) {
      try {
        env = { ...r.env, ...decryptSecretEnv(r.secretEnv) };
      } catch (e) {
        if (!(e instanceof SecretEnvUnreadableError)) throw e;
        // Running it without its secrets would be wrong in a way the job could not tell: end the
        // attempt now, in words, as the agent would for a snapshot it cannot fetch.
        await nodeEnded(agentId, r.id, { fencingToken: r.fencingToken, outcome: "failed_to_start", exitCode: null, signal: null, message: e.message });
        continue;
      }
    }
    assignments.push(toAssignment(r, env));
  }
  return assignments;
}

function toAssignment(r: ClaimedRow, env: Record<string, string>): TAssignment {
  return {
    nodeId: r.id,
    fencingToken: r.fencingToken,
    jobId: r.jobId,
    jobName: r.name,
    projectSlug: r.slug,
    attemptNumber: r.number,
    nodeRank: r.nodeRank,
    nodes: r.nodes,
    gpuIndices: r.gpuIndices,
    command: r.command,
    env,
    snapshotId: r.snapshotId,
    maxRuntimeSeconds: r.maxRuntimeSeconds,
    graceSeconds: r.graceSeconds,
    masterAddr: r.masterAddr,
    masterPort: r.masterPort,
    checkpointId: r.checkpointId,
    datasets: assignmentDatasets(r.datasets),
    network: r.jobNetwork,
  };
}

/** Long poll: claims at once if there is work, else waits for a NOTIFY (or the timeout) and tries again. */
export async function waitForAssignments(agentId: string, waitMs: number, signal?: AbortSignal): Promise<TAssignment[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const claimed = await claimNodes(agentId);
    const left = deadline - Date.now();
    if (claimed.length > 0 || left <= 0 || signal?.aborted) return claimed;
    await notifications.wait(CHANNEL.agent, agentId, Math.min(left, 5_000), signal);
  }
}
