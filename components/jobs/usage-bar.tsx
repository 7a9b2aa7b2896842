import { cn } from "@/lib/cn";

/** A thin bar for a share (0..1) of something, with its label for screen readers. */
export function UsageBar({ value, label, className }: { value: number; label: string; className?: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      <div
        className={cn("h-full rounded-full transition-[width] duration-500", percent >= 90 ? "bg-warning" : "bg-primary")}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}

/** 40960 -> "40 GB" (agents report MiB). */
export function formatMemoryMb(mb: number): string {
  return mb >= 1024 ? `${Math.round((mb / 1024) * 10) / 10} GB` : `${Math.round(mb)} MB`;
}
