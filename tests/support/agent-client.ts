// Drives the real agent API (dispatchAgentApi, in process) the way `benchtop agent` does, so the
// server's queue rules can be tested step by step. The real agent process has its own tests.
import { dispatchAgentApi } from "../../server/agent-api/dispatch";
import type { TAssignment } from "../../contract/agent-protocol";
import { createAgent } from "../../server/queue/agents";

export type AgentClient = Awaited<ReturnType<typeof startTestAgent>>;

export async function startTestAgent(opts: { name: string; pool: string; gpus: number; gpuType?: string; cpuSlots?: number; address?: string }) {
  const { token } = await createAgent({ actorId: null, name: opts.name, pool: opts.pool });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await dispatchAgentApi(
      new Request(`http://benchtop.test/api/agent/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  const model = opts.gpuType ?? "test-gpu";
  const registered = await call("POST", "/register", {
    hostname: opts.name,
    address: opts.address ?? "127.0.0.1",
    gpus: Array.from({ length: opts.gpus }, (_, index) => ({ index, model, memoryMb: 16_000 })),
    simulated: true,
    cpuSlots: opts.cpuSlots ?? 0,
    version: "test",
  });
  if (registered.status !== 200) throw new Error(`register failed: ${JSON.stringify(registered.json)}`);
  return {
    token,
    call,
    async claim(waitMs = 0): Promise<TAssignment[]> {
      const r = await call("GET", `/assignments?waitMs=${waitMs}`);
      if (r.status !== 200) throw new Error(JSON.stringify(r.json));
      return r.json.assignments;
    },
    /** `exited`: the nodes whose process is gone while the agent still delivers their end. */
    heartbeat: (nodes: TAssignment[], exited: TAssignment[] = []) =>
      call("POST", "/heartbeat", {
        gpuStats: [],
        nodes: nodes.map((n) => ({ nodeId: n.nodeId, fencingToken: n.fencingToken, ...(exited.includes(n) ? { exited: true } : {}) })),
      }),
    started: (a: TAssignment) => call("POST", `/nodes/${a.nodeId}/started`, { fencingToken: a.fencingToken }),
    logs: (a: TAssignment, batches: { seq: number; lines: string[] }[]) => call("POST", `/nodes/${a.nodeId}/logs`, { fencingToken: a.fencingToken, batches }),
    ended: (a: TAssignment, outcome: "exited" | "timed_out" | "cancelled" | "failed_to_start" | "refused", exitCode: number | null, message = "") =>
      call("POST", `/nodes/${a.nodeId}/ended`, { fencingToken: a.fencingToken, outcome, exitCode, signal: null, message }),
  };
}
