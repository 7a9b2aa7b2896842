import { Lock } from "lucide-react";
import Link from "next/link";
import type { TQueueItem } from "@/components/trpc/router-types";

/** The job's name and link, or a note that it belongs to a project the viewer is not in. */
export function QueueJobName({ job }: { job: TQueueItem }) {
  if (!job.id) {
    return (
      <span className="inline-flex items-center gap-1.5 text-muted-foreground italic" title="A job in a project you are not a member of">
        <Lock className="size-3.5 shrink-0" aria-hidden />
        Private job
      </span>
    );
  }
  return (
    <Link href={`/jobs/${job.id}`} className="block truncate font-medium outline-none after:absolute after:inset-0 hover:underline focus-visible:underline">
      {job.name}
    </Link>
  );
}
