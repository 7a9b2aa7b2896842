// Pools: kinds of capacity behind the queue. The agents' pools come into being with their first
// agent (agents.ts); lab admins and directors set what a pool's jobs may reach.
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";

export const ZPoolView = z.object({
  name: z.string(),
  kind: z.string(),
  description: z.string(),
  /** Whether its jobs reach the network; false gives each job only a loopback of its own. */
  jobNetwork: z.boolean(),
  agents: z.number().int(),
});
export type TPoolView = z.infer<typeof ZPoolView>;

export const ZUpdatePoolInput = z.object({ jobNetwork: z.boolean({ error: "must be true or false" }) });

export async function listPools(): Promise<TPoolView[]> {
  const pools = await db.pool.findMany({
    orderBy: { name: "asc" },
    select: { name: true, kind: true, description: true, jobNetwork: true, _count: { select: { agents: true } } },
  });
  return pools.map(({ _count, ...p }) => ({ ...p, agents: _count.agents }));
}

/**
 * Sets whether a pool's jobs reach the network. The caller's procedure checks that `actorId` is a
 * lab admin or director. Jobs already running keep the network they started with; the setting
 * travels with each new assignment.
 */
export async function updatePool(args: { actorId: string; name: string } & z.input<typeof ZUpdatePoolInput>): Promise<TPoolView> {
  const input = ZUpdatePoolInput.parse(args);
  const pool = await db.pool.findUnique({ where: { name: args.name }, select: { id: true, jobNetwork: true } });
  if (!pool) throw new AppError("NOT_FOUND", `There is no pool named "${args.name}".`);
  await db.$transaction(async (tx) => {
    await tx.pool.update({ where: { id: pool.id }, data: { jobNetwork: input.jobNetwork } });
    await recordAuditEvent(tx, { actorId: args.actorId, action: "pool.updated", target: args.name, data: { jobNetwork: { from: pool.jobNetwork, to: input.jobNetwork } } });
  });
  return (await listPools()).find((p) => p.name === args.name)!;
}
