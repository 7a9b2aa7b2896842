import type { TAgent, TQueueItem } from "@/components/trpc/router-types";
import { gpuCapacityByType } from "../jobs/gpu-capacity";

/** The lab at a glance: GPUs free and busy by type, jobs running and waiting. */
export function CapacitySummary({ agents, queue }: { agents: TAgent[]; queue: TQueueItem[] }) {
  const types = gpuCapacityByType(agents);
  const running = queue.filter((j) => j.state !== "queued").length;
  const waiting = queue.length - running;
  const free = types.reduce((s, t) => s + t.free, 0);
  const total = types.reduce((s, t) => s + t.total, 0);
  return (
    <div className="grid grid-cols-2 gap-px overflow-hidden rounded-xl border border-border bg-border shadow-xs md:grid-cols-4">
      <Stat label="GPUs free" value={`${free}`} sub={`of ${total} in the lab`} tone={free > 0 ? "good" : undefined} />
      <Stat label="GPUs busy" value={`${types.reduce((s, t) => s + (t.total - t.free), 0)}`} sub={types.map((t) => `${t.type}: ${t.total - t.free}/${t.total}`).join(" · ") || "no GPUs"} />
      <Stat label="Jobs running" value={`${running}`} sub={`on ${agents.filter((a) => a.online).length} online ${agents.filter((a) => a.online).length === 1 ? "agent" : "agents"}`} />
      <Stat label="Jobs waiting" value={`${waiting}`} sub={waiting ? "in fair-share order below" : "nobody is waiting"} />
    </div>
  );
}

function Stat({ label, value, sub, tone }: { label: string; value: string; sub: string; tone?: "good" }) {
  return (
    <div className="min-w-0 bg-card px-4 py-3.5">
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <p className={tone === "good" ? "mt-1 text-2xl font-semibold text-success tabular-nums" : "mt-1 text-2xl font-semibold tabular-nums"}>{value}</p>
      <p className="mt-0.5 truncate text-xs text-muted-foreground" title={sub}>
        {sub}
      </p>
    </div>
  );
}
