import { Ban, CircleCheck, CircleDollarSign, CircleSlash, CircleX, Clock, Loader2, TimerOff, Unplug, type LucideIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { TJobState } from "@/server/queue/schemas";

export type AttemptState = "assigned" | "running" | "succeeded" | "failed" | "cancelled" | "timed_out" | "lost" | "refused";
type AnyState = TJobState | AttemptState;
type Variant = "default" | "secondary" | "outline" | "success" | "warning" | "destructive";

const META: Record<AnyState, { label: string; variant: Variant; icon: LucideIcon | "live"; spin?: boolean }> = {
  queued: { label: "Queued", variant: "secondary", icon: Clock },
  starting: { label: "Starting", variant: "default", icon: Loader2, spin: true },
  assigned: { label: "Starting", variant: "default", icon: Loader2, spin: true },
  running: { label: "Running", variant: "default", icon: "live" },
  succeeded: { label: "Succeeded", variant: "success", icon: CircleCheck },
  failed: { label: "Failed", variant: "destructive", icon: CircleX },
  cancelled: { label: "Cancelled", variant: "outline", icon: Ban },
  timed_out: { label: "Timed out", variant: "warning", icon: TimerOff },
  lost: { label: "Lost", variant: "warning", icon: Unplug },
  refused: { label: "Refused", variant: "warning", icon: CircleSlash },
};

export const ACTIVE_STATES: readonly TJobState[] = ["queued", "starting", "running"];

export function isActive(state: TJobState): boolean {
  return ACTIVE_STATES.includes(state);
}

export function stateLabel(state: AnyState): string {
  return META[state].label;
}

/** A job's or an attempt's state: colour, icon and word, so colour is never the only signal. */
export function JobStateBadge({ state, className }: { state: AnyState; className?: string }) {
  const meta = META[state];
  return (
    <Badge variant={meta.variant} className={cn("gap-1.5", className)}>
      {meta.icon === "live" ? <LiveDot /> : <meta.icon aria-hidden className={meta.spin ? "motion-safe:animate-spin" : undefined} />}
      {meta.label}
    </Badge>
  );
}

/** A queued job held by its budget: the reason in words is the badge's title (and its accessible name). */
export function HeldBadge({ reason, className }: { reason: string; className?: string }) {
  return (
    <Badge variant="warning" title={reason} aria-label={reason} className={cn("gap-1.5", className)}>
      <CircleDollarSign aria-hidden />
      Held
    </Badge>
  );
}

/** A dot that pulses while something runs (still for people who ask for less motion). */
export function LiveDot({ className }: { className?: string }) {
  return (
    <span aria-hidden className={cn("relative flex size-2", className)}>
      <span className="absolute inline-flex size-full rounded-full bg-current opacity-50 motion-safe:animate-ping" />
      <span className="relative inline-flex size-2 rounded-full bg-current" />
    </span>
  );
}
