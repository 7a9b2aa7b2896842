"use client";
// The kernel: which one (a picker from the installed kernelspecs) and its state, with why it
// stopped ("shut down after 30 minutes idle") and a way to start it again.
import { useQuery } from "@tanstack/react-query";
import { ChevronDown, RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/components/trpc/trpc";
import type { KernelSession } from "./model/kernel-session";
import { useKernelStatus } from "./model/use-model";

const LOOK: Record<string, { label: string; dot: string }> = {
  none: { label: "No kernel", dot: "border border-muted-foreground/60" },
  starting: { label: "Starting…", dot: "bg-amber-500 animate-pulse" },
  idle: { label: "Idle", dot: "bg-emerald-500" },
  busy: { label: "Busy", dot: "bg-amber-500" },
  restarting: { label: "Restarting…", dot: "bg-amber-500 animate-pulse" },
  dead: { label: "Dead", dot: "bg-destructive" },
  shutdown: { label: "Shut down", dot: "bg-muted-foreground/60" },
};

type Props = { session: KernelSession; onKernelChange: (name: string, displayName: string, language: string) => void };

export function KernelIndicator({ session, onKernelChange }: Props) {
  const trpc = useTRPC();
  const status = useKernelStatus(session)!;
  const specs = useQuery({ ...trpc.kernels.specs.queryOptions(), staleTime: 5 * 60_000 });
  const spec = specs.data?.find((s) => s.name === status.kernelName);
  const look = LOOK[status.state] ?? LOOK.none!;
  const stopped = status.state === "dead" || status.state === "shutdown";
  const title = status.error ?? status.reason ?? (status.state === "none" ? "A kernel starts when you run a cell." : undefined);

  return (
    <div className="flex shrink-0 items-center gap-1.5">
      {stopped || status.error ? (
        <span className={cn("hidden max-w-[22rem] truncate text-xs lg:inline", status.error || status.state === "dead" ? "text-destructive" : "text-muted-foreground")} role="status" data-testid="kernel-message">
          {status.error ?? status.reason ?? (status.state === "dead" ? "The kernel died." : "The kernel was shut down.")}
        </span>
      ) : null}
      {stopped ? (
        <Button variant="outline" size="sm" className="h-7 px-2 text-xs" onClick={() => void session.restart()}>
          <RotateCw aria-hidden /> {status.state === "dead" ? "Restart" : "Start again"}
        </Button>
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <button
            type="button"
            title={title}
            className="flex h-7 items-center gap-2 rounded-md border border-border px-2 text-xs outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
            data-testid="kernel-status"
            data-state={status.state}
            aria-label={`Kernel: ${spec?.displayName ?? status.kernelName}, ${look.label}. Change kernel`}
          >
            <span aria-hidden className={cn("size-2 shrink-0 rounded-full", look.dot)} />
            <span className="hidden max-w-[9rem] truncate font-medium 2xl:inline">{spec?.displayName ?? status.kernelName}</span>
            <span className="text-muted-foreground">{look.label}</span>
            <ChevronDown className="size-3 text-muted-foreground" aria-hidden />
          </button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel>Kernel for this notebook</DropdownMenuLabel>
          {specs.isError ? <p className="px-2 py-1.5 text-xs text-destructive">The installed kernels could not be listed.</p> : null}
          <DropdownMenuRadioGroup
            value={status.kernelName}
            onValueChange={(name) => {
              const picked = specs.data?.find((s) => s.name === name);
              if (picked && name !== status.kernelName) onKernelChange(picked.name, picked.displayName, picked.language);
            }}
          >
            {(specs.data ?? []).map((s) => (
              <DropdownMenuRadioItem key={s.name} value={s.name}>
                <span className="flex flex-col">
                  <span>{s.displayName}</span>
                  <span className="text-xs text-muted-foreground">{s.language}</span>
                </span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
