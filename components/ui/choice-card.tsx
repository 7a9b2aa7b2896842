import type { LucideIcon } from "lucide-react";
import { cn } from "@/lib/cn";

/**
 * One choice of a few, as a card with an icon, a title and a line under it (the kind of a rate, of a
 * data store). A radio button to assistive technology; put the cards in a `role="radiogroup"`.
 */
export function ChoiceCard({ on, onPick, icon: Icon, title, text }: { on: boolean; onPick: () => void; icon: LucideIcon; title: string; text: string }) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={on}
      onClick={onPick}
      className={cn(
        "flex items-start gap-2.5 rounded-lg border border-border p-2.5 text-left outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
        on && "border-primary bg-primary/5 hover:bg-primary/5",
      )}
    >
      <Icon className={cn("mt-0.5 size-4 shrink-0", on ? "text-primary" : "text-muted-foreground")} aria-hidden />
      <span>
        <span className="block text-sm font-medium">{title}</span>
        <span className="block text-xs text-muted-foreground">{text}</span>
      </span>
    </button>
  );
}
