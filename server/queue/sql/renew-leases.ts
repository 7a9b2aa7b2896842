// A heartbeat renews, in one statement, the leases the agent still holds (node live, on this agent,
// fencing token matching) and says for each whether its job is being cancelled. A node not
// returned is no longer this agent's. `tokens` are decimal strings ("-1" for one that was not).
// Caller: ../heartbeat.ts.
import { db } from "../../db/client";

export type RenewedLease = { id: string; attemptId: string; cancel: boolean };

export function renewLeasesStatement(agentId: string, ids: string[], tokens: string[]): Promise<RenewedLease[]> {
  return db.$queryRaw<RenewedLease[]>`
    UPDATE "AttemptNode" n SET "heartbeatAt" = now()
      FROM unnest(${ids}::text[], ${tokens}::bigint[]) AS r(id, token), "Attempt" a, "Job" j
     WHERE n.id = r.id AND n."fencingToken" = r.token AND n."agentId" = ${agentId} AND n.state = 'running'
       AND a.id = n."attemptId" AND j.id = a."jobId"
    RETURNING n.id, n."attemptId", (j."cancelRequestedAt" IS NOT NULL) AS cancel`;
}
