import { Cpu, Server } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TAgent } from "@/components/trpc/router-types";
import { AgentIsolation } from "./agent-isolation";
import { GpuCell } from "./gpu-cell";

/** An agent: where it is, whether it takes work, and each of its GPUs. */
export function AgentCard({ agent, jobNames }: { agent: TAgent; jobNames: Map<string, string> }) {
  const usable = agent.online && !agent.draining;
  const busy = agent.gpus.filter((g) => g.busy).length;
  return (
    <article className="flex flex-col gap-3 rounded-xl border border-border bg-card p-4 shadow-xs" aria-label={`Agent ${agent.name}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="flex items-center gap-2 font-medium">
            <Server className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            <span className="truncate">{agent.name}</span>
          </h3>
          <p className="mt-0.5 truncate font-mono text-xs text-muted-foreground" title={agent.hostname}>
            {agent.hostname || "—"}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap items-center justify-end gap-1.5">
          <AgentStatus agent={agent} />
          <Badge variant="outline" title="Pool">
            {agent.pool}
          </Badge>
          {agent.simulated ? (
            <Badge variant="warning" title="Its GPUs are simulated (demo or test capacity)">
              simulated
            </Badge>
          ) : null}
        </div>
      </div>
      {agent.gpus.length ? (
        <>
          <p className="text-xs text-muted-foreground">
            {agent.gpus.length} × {agent.gpuType ?? agent.gpus[0]?.model} · <span className="text-foreground/85">{busy} busy</span>
            {agent.cpuSlots ? ` · ${agent.cpuSlots} CPU slots` : ""}
          </p>
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(6.5rem,1fr))] gap-1.5">
            {agent.gpus.map((gpu) => (
              <li key={gpu.index}>
                <GpuCell gpu={gpu} usable={usable} jobName={gpu.jobId ? jobNames.get(gpu.jobId) : undefined} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Cpu className="size-3.5" aria-hidden />
          No GPUs · {agent.cpuSlots} CPU {agent.cpuSlots === 1 ? "slot" : "slots"}
        </p>
      )}
      <AgentIsolation agent={agent} />
      {!agent.online ? (
        <p className="text-xs text-muted-foreground">
          Last heard from {agent.lastHeartbeatAt ? <RelativeTime date={agent.lastHeartbeatAt} /> : "never"}.
        </p>
      ) : null}
    </article>
  );
}

function AgentStatus({ agent }: { agent: TAgent }) {
  if (!agent.online) return <Badge variant="secondary">Offline</Badge>;
  if (agent.draining) return <Badge variant="warning" title="Finishing its running work, taking no more">Draining</Badge>;
  return (
    <Badge variant="success">
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      Online
    </Badge>
  );
}
