// Agents claim the nodes a scheduler pass assigned them. One statement (sql/claim-nodes.ts) claims,
// takes a fresh fencing token and returns everything the agent needs.
import type { TAssignment } from "../../contract/agent-protocol";
import { assignmentDatasets } from "./job-datasets";
import { claimNodesStatement, type ClaimedRow } from "./sql/claim-nodes";
import { nodeEnded } from "./node-reports";
import { decryptSecretEnv, SecretEnvUnreadableError } from "./secret-env";
import { notifications, CHANNEL } from "./notify";


/** Claims up to `limit` nodes assigned to this agent, in one statement, each with a fresh fencing token. */
export async function claimNodes(agentId: string, limit = 32): Promise<TAssignment[]> {
  const rows = await claimNodesStatement(agentId, limit);
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
