// The lease check every node report starts with: the node is live, on this agent, and its fencing
// token matches; `lock` also takes the node's row for the rest of the transaction. Caller: ../lease.ts.
import { Prisma, type db, type Tx } from "../../db/client";

export type LeaseRow = { id: string; attemptId: string; nodeRank: number; jobId: string; number: number };

export async function leaseRowStatement(client: Tx | typeof db, agentId: string, nodeId: string, token: bigint, lock: boolean): Promise<LeaseRow | null> {
  const rows = await client.$queryRaw<LeaseRow[]>`
    SELECT n.id, n."attemptId", n."nodeRank", a."jobId", a.number
      FROM "AttemptNode" n JOIN "Attempt" a ON a.id = n."attemptId"
     WHERE n.id = ${nodeId} AND n."agentId" = ${agentId} AND n.state = 'running' AND n."fencingToken" = ${token}
     ${lock ? Prisma.sql`FOR UPDATE OF n` : Prisma.empty}`;
  return rows[0] ?? null;
}
