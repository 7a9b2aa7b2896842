import type { TAgent } from "@/components/trpc/router-types";

export type GpuTypeCapacity = { type: string; total: number; free: number; agents: number; simulated: boolean };

/** GPUs per model across agents, busiest type last; free counts only agents that take work. */
export function gpuCapacityByType(agents: TAgent[]): GpuTypeCapacity[] {
  const byType = new Map<string, GpuTypeCapacity>();
  for (const agent of agents) {
    for (const gpu of agent.gpus) {
      const type = gpu.model || agent.gpuType || "GPU";
      const entry = byType.get(type) ?? { type, total: 0, free: 0, agents: 0, simulated: false };
      if (!byType.has(type)) byType.set(type, entry);
      entry.total += 1;
      if (!gpu.busy && agent.online && !agent.draining) entry.free += 1;
      entry.simulated ||= agent.simulated;
    }
    const type = agent.gpus[0]?.model || agent.gpuType;
    if (type && byType.has(type)) byType.get(type)!.agents += 1;
  }
  return [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
}
