// Every report about a node must come from the agent holding its current lease: the node is
// live, on this agent, and the fencing token matches. Anything else is a late report from a lease
// that was taken back, and is refused, so nothing is counted twice.
import type { db, Tx } from "../db/client";
import { AppError } from "../errors";
import { leaseRowStatement } from "./sql/lease-row";

export class LeaseLostError extends AppError {
  constructor(nodeId: string) {
    super("CONFLICT", `The lease on node ${nodeId} is no longer this agent's; stop it and report nothing more.`);
  }
}

export type LeasedNode = {
  id: string;
  attemptId: string;
  nodeRank: number;
  jobId: string;
  attemptNumber: number;
};

export async function requireLease(client: Tx | typeof db, agentId: string, nodeId: string, fencingToken: string, lock = false): Promise<LeasedNode> {
  let token: bigint;
  try {
    token = BigInt(fencingToken);
  } catch {
    throw new LeaseLostError(nodeId);
  }
  const row = await leaseRowStatement(client, agentId, nodeId, token, lock);
  if (!row) throw new LeaseLostError(nodeId);
  return { id: row.id, attemptId: row.attemptId, nodeRank: row.nodeRank, jobId: row.jobId, attemptNumber: row.number };
}
