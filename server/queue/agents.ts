// Agents: machines running `benchtop agent`. An admin creates one by name (and pool) and gets its
// token once; the agent registers with it at every start, reporting its GPUs.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { ZRegisterRequest } from "../../contract/agent-protocol";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db, isUniqueViolation } from "../db/client";
import { AppError } from "../errors";
import { notify, CHANNEL } from "./notify";

export const AGENT_TOKEN_PREFIX = "bt_agent_";
export const DEFAULT_POOL = "lab";

export const ZCreateAgentInput = z.object({
  name: z
    .string()
    .min(1, "is required")
    .max(63, "must be at most 63 characters")
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "may hold lowercase letters, digits and dashes, like a host name (gpu-01)"),
  pool: z.string().min(1).max(63).default(DEFAULT_POOL),
});

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function ensurePool(name: string) {
  return db.pool.upsert({ where: { name }, create: { name, kind: "agents" }, update: {}, select: { id: true, name: true } });
}

/** Creates an agent and its token (shown once). Lab admins only; `actor` is checked by the caller's procedure. */
export async function createAgent(args: { actorId: string | null; name: string; pool?: string }): Promise<{ agentId: string; token: string }> {
  const input = ZCreateAgentInput.parse(args);
  const pool = await ensurePool(input.pool);
  const token = AGENT_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  try {
    const agent = await db.$transaction(async (tx) => {
      const row = await tx.agent.create({
        data: { name: input.name, poolId: pool.id, tokenHash: hash(token), tokenPrefix: token.slice(0, AGENT_TOKEN_PREFIX.length + 6) },
        select: { id: true },
      });
      await recordAuditEvent(tx, { actorId: args.actorId, action: "agent.created", target: input.name, data: { pool: input.pool } });
      return row;
    });
    return { agentId: agent.id, token };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `An agent named "${input.name}" exists already.`, { name: ["is taken"] });
    throw e;
  }
}

/** A new token for an existing agent (the old one stops working). */
export async function rotateAgentToken(name: string): Promise<{ token: string }> {
  const token = AGENT_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  await db.agent.update({ where: { name }, data: { tokenHash: hash(token), tokenPrefix: token.slice(0, AGENT_TOKEN_PREFIX.length + 6) } });
  return { token };
}

export type AuthenticatedAgent = { id: string; name: string; draining: boolean; poolName: string };

export async function authenticateAgent(token: string): Promise<AuthenticatedAgent | null> {
  if (!token.startsWith(AGENT_TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.agent.findUnique({
    where: { tokenHash: hash(token) },
    select: { id: true, name: true, draining: true, pool: { select: { name: true } } },
  });
  return row ? { id: row.id, name: row.name, draining: row.draining, poolName: row.pool.name } : null;
}

export async function registerAgent(agentId: string, facts: z.infer<typeof ZRegisterRequest>) {
  const models = [...new Set(facts.gpus.map((g) => g.model))];
  if (models.length > 1) {
    throw new AppError("BAD_REQUEST", `This machine has GPUs of several models (${models.join(", ")}); run one agent per model, each with --gpus.`);
  }
  await db.$transaction(async (tx) => {
    await tx.agent.update({
      where: { id: agentId },
      data: {
        hostname: facts.hostname,
        address: facts.address,
        gpus: facts.gpus,
        gpuType: models[0] ?? null,
        simulated: facts.simulated,
        cpuSlots: facts.cpuSlots,
        version: facts.version,
        // An agent that says nothing of isolation is older than it: shown as unknown, not as isolated.
        jobSandbox: facts.isolation?.sandbox ?? null,
        jobUser: facts.isolation?.jobUser ?? null,
        jobUserSeparate: facts.isolation?.separateUser ?? false,
        registeredAt: new Date(),
        lastHeartbeatAt: new Date(),
      },
    });
    await notify(tx, CHANNEL.queue, "agent");
  });
}

export async function setAgentDraining(args: { actorId: string; name: string; draining: boolean }) {
  const agent = await db.agent.findUnique({ where: { name: args.name }, select: { id: true } });
  if (!agent) throw new AppError("NOT_FOUND", `There is no agent named "${args.name}".`);
  await db.$transaction(async (tx) => {
    await tx.agent.update({ where: { id: agent.id }, data: { draining: args.draining } });
    await recordAuditEvent(tx, { actorId: args.actorId, action: args.draining ? "agent.drained" : "agent.undrained", target: args.name });
    await notify(tx, CHANNEL.queue, "agent");
  });
}
