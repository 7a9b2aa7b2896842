import { cn } from "@/lib/cn";

/** Initials on a tint picked from the person's email, so the same person keeps one colour. */
export function Avatar({ name, email, className }: { name: string | null; email: string; className?: string }) {
  const hue = [...email].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex size-7 shrink-0 items-center justify-center rounded-full text-[11px] font-semibold tracking-wide text-white select-none",
        className,
      )}
      style={{ backgroundColor: `oklch(0.58 0.11 ${hue})` }}
    >
      {initials(name, email)}
    </span>
  );
}

function initials(name: string | null, email: string): string {
  const source = name?.trim() || email.split("@")[0] || "?";
  const parts = source.split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[parts.length - 1]![0]! : source.slice(0, 2);
  return letters.toUpperCase();
}
