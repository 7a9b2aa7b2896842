// Every report about a node must come from the agent holding its current lease: the node is
// live, on this agent, and the fencing token matches. Anything else is a late report from a lease
// that was taken back, and is refused, so nothing is counted twice.
import { db, Prisma, type Tx } from "../db/client";
import { AppError } from "../errors";

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
  const rows = await client.$queryRaw<{ id: string; attemptId: string; nodeRank: number; jobId: string; number: number }[]>`
    SELECT n.id, n."attemptId", n."nodeRank", a."jobId", a.number
      FROM "AttemptNode" n JOIN "Attempt" a ON a.id = n."attemptId"
     WHERE n.id = ${nodeId} AND n."agentId" = ${agentId} AND n.state = 'running' AND n."fencingToken" = ${token}
     ${lock ? Prisma.sql`FOR UPDATE OF n` : Prisma.empty}`;
  const row = rows?.[0];
  if (!row) throw new LeaseLostError(nodeId);
  return { id: row.id, attemptId: row.attemptId, nodeRank: row.nodeRank, jobId: row.jobId, attemptNumber: row.number };
}
