import { History } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

/** Marks a job of the demo's seeded history: made up to fill the cost charts, never run. */
export function SeededBadge({ className }: { className?: string }) {
  return (
    <Badge variant="outline" className={cn("border-dashed", className)} title="Seeded demo history: made up to fill the cost charts; it never ran on any agent.">
      <History aria-hidden />
      seeded history
    </Badge>
  );
}
