// The claim: one statement claims up to `limit` nodes assigned to the agent, takes a fresh fencing
// token for each and returns everything the assignment needs (graphile-worker style:
// UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING). Caller: ../claim.ts.
import { sql } from "../../db/pool";
import type { ClaimedDatasetRow } from "../job-datasets";

export type ClaimedRow = {
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

export async function claimNodesStatement(agentId: string, limit: number): Promise<ClaimedRow[]> {
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
  return rows;
}
