import { Globe, GlobeLock, ShieldAlert, ShieldCheck, ShieldQuestionMark } from "lucide-react";
import type { TAgent } from "@/components/trpc/router-types";

/**
 * How an agent keeps its jobs apart (as it reported at registration): the user jobs run as, the
 * sandbox, and its pool's network setting. An agent without isolation is a warning in words.
 */
export function AgentIsolation({ agent }: { agent: TAgent }) {
  const { sandbox, jobUser, separateUser } = agent.isolation;
  const network = agent.jobNetwork ? (
    <span className="inline-flex items-center gap-1" title="Its pool lets jobs reach the network (to install packages, say)">
      <Globe className="size-3.5" aria-hidden />
      network on
    </span>
  ) : (
    <span className="inline-flex items-center gap-1" title="Its pool cuts jobs off the network: each has only a loopback of its own">
      <GlobeLock className="size-3.5" aria-hidden />
      network off
    </span>
  );
  if (sandbox === false) {
    return (
      <div className="space-y-2">
        <p role="note" className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/5 px-2.5 py-2 text-xs text-destructive">
          <ShieldAlert className="mt-px size-3.5 shrink-0" aria-hidden />
          <span>
            <span className="font-medium">No isolation.</span> Jobs run as <span className="font-mono">{jobUser}</span> without a sandbox
            (--no-isolation): any job here can read this agent&apos;s token, other jobs&apos; files and other processes&apos; environments.
          </span>
        </p>
        <p className="flex items-center text-xs text-muted-foreground">{network}</p>
      </div>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground" aria-label="Job isolation">
      {sandbox === null ? (
        <span className="inline-flex items-center gap-1" title="This agent is older than job isolation and did not report it">
          <ShieldQuestionMark className="size-3.5" aria-hidden />
          isolation unknown
        </span>
      ) : (
        <span
          className="inline-flex items-center gap-1"
          title={
            separateUser
              ? "Each job runs as this unprivileged user in a sandbox: its own processes and files only"
              : "Each job runs in a sandbox (its own processes and files only), as the agent's own user"
          }
        >
          <ShieldCheck className="size-3.5 text-success" aria-hidden />
          sandboxed as <span className="font-mono text-foreground/85">{jobUser}</span>
          {separateUser ? null : <span>(no separate user)</span>}
        </span>
      )}
      {network}
    </p>
  );
}
