import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";

/** Placeholder rows while a list loads. */
export function LoadingRows({ rows = 3, className = "h-14" }: { rows?: number; className?: string }) {
  return (
    <div className="space-y-2" aria-busy>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className={cn(className)} />
      ))}
    </div>
  );
}

/** A list that could not load: "<what> could not be loaded. Reload the page to try again." */
export function LoadError({ what }: { what: string }) {
  return (
    <p role="alert" className="text-sm text-destructive">
      {what} could not be loaded. Reload the page to try again.
    </p>
  );
}

/** The button under a paged list: the next page on click, a spinner while it loads. */
export function LoadMore({ loading, onLoadMore, className }: { loading: boolean; onLoadMore: () => void; className?: string }) {
  return (
    <div className={cn("flex justify-center py-3", className)}>
      <Button variant="ghost" size="sm" onClick={onLoadMore} disabled={loading}>
        {loading ? <Loader2 className="animate-spin" aria-hidden /> : null}
        {loading ? "Loading more…" : "Load more"}
      </Button>
    </div>
  );
}
