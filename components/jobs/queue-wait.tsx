import { Clock } from "lucide-react";
import { cn } from "@/lib/cn";
import { EstimatedStart } from "./estimated-start";
import { sentenceCase } from "./job-words";

/** A waiting job in one line: its place, when it should start, and why it waits. */
export function QueueWait({
  position,
  estimatedStartAt,
  reason,
  className,
}: {
  position: number | null;
  estimatedStartAt: Date | null;
  reason: string | null;
  className?: string;
}) {
  return (
    <p className={cn("flex min-w-0 items-start gap-1.5 text-xs text-muted-foreground", className)}>
      <Clock className="mt-px size-3.5 shrink-0" aria-hidden />
      <span className="min-w-0">
        {position !== null ? <span className="font-medium text-foreground/85">#{position} in the queue</span> : null}
        {estimatedStartAt ? (
          <>
            {position !== null ? " · " : null}
            starts <EstimatedStart at={estimatedStartAt} />
          </>
        ) : null}
        {reason ? (
          <>
            {position !== null || estimatedStartAt ? " · " : null}
            {position !== null || estimatedStartAt ? reason : sentenceCase(reason)}
          </>
        ) : null}
      </span>
    </p>
  );
}
