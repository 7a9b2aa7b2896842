"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BadgeCheck, Loader2, Pencil, RotateCcw, Square } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { TJob } from "@/components/trpc/router-types";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import { isActive } from "../job-state-badge";

/** Approve a job its budget holds; cancel while it waits or runs; re-run (as it was, or with changes) once the viewer may submit. */
export function JobActions({ job, canCancel, canSubmit, canApprove }: { job: TJob; canCancel: boolean; canSubmit: boolean; canApprove: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() });

  const cancel = useMutation(
    trpc.jobs.cancel.mutationOptions({
      onSuccess: async ({ state }) => {
        toast.success(state === "cancelled" ? "Job cancelled." : "Cancelling: its agent is stopping it (SIGTERM, then SIGKILL after the grace period).");
        await refresh();
      },
      onError: (error) => toast.error(errorMessageOf(error)),
    }),
  );
  const rerun = useMutation(
    trpc.jobs.submit.mutationOptions({
      onSuccess: async ({ id }) => {
        toast.success("Re-run submitted. It is in the queue.");
        await refresh();
        router.push(`/jobs/${id}`);
      },
      onError: (error) => toast.error(errorMessageOf(error)),
    }),
  );

  const approve = useMutation(
    trpc.budgets.approveJob.mutationOptions({
      onSuccess: async () => {
        toast.success("Approved. It waits for its GPUs like any other job now.");
        await refresh();
      },
      onError: (error) => toast.error(errorMessageOf(error)),
    }),
  );

  const active = isActive(job.state);
  const cancelling = active && job.cancelRequestedAt !== null;
  return (
    <>
      {job.state === "queued" && job.heldReason && canApprove ? (
        <ConfirmDialog
          trigger={
            <Button disabled={approve.isPending}>
              {approve.isPending ? <Loader2 className="motion-safe:animate-spin" aria-hidden /> : <BadgeCheck aria-hidden />}
              Approve
            </Button>
          }
          title={`Approve “${job.name}”?`}
          description={`It is ${job.heldReason}. Approved, it runs as soon as its GPUs are free, and what it costs is charged to project ${job.projectSlug}.`}
          confirmLabel="Approve and run"
          onConfirm={() => approve.mutateAsync({ jobId: job.id })}
        />
      ) : null}
      {active && canCancel ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" disabled={cancelling} className="text-destructive hover:text-destructive">
              {cancelling ? <Loader2 className="motion-safe:animate-spin" aria-hidden /> : <Square aria-hidden />}
              {cancelling ? "Cancelling…" : "Cancel job"}
            </Button>
          }
          title={`Cancel “${job.name}”?`}
          description={
            job.state === "queued"
              ? "It leaves the queue at once and never starts."
              : `Its processes get SIGTERM, then SIGKILL after ${job.graceSeconds} seconds. Logs, metrics and checkpoints so far are kept.`
          }
          confirmLabel="Cancel job"
          destructive
          onConfirm={() => cancel.mutateAsync({ jobId: job.id })}
        />
      ) : null}
      {canSubmit ? (
        <>
          <Button asChild variant="outline">
            <Link href={`/projects/${job.projectSlug}/jobs/new?rerun=${job.id}`}>
              <Pencil aria-hidden />
              Re-run with changes
            </Link>
          </Button>
          <Button
            variant={active ? "outline" : "default"}
            disabled={rerun.isPending}
            title="The same command and settings, on the same snapshot of the files"
            onClick={() =>
              rerun.mutate({
                projectSlug: job.projectSlug,
                name: job.name,
                command: job.command,
                gpus: job.gpus,
                gpuType: job.gpuType,
                nodes: job.nodes,
                maxRuntimeSeconds: job.maxRuntimeSeconds,
                priority: job.priority,
                retries: job.maxRetries,
                env: job.env,
                pools: job.pools,
                graceSeconds: job.graceSeconds,
                // The same files as the first run, so a re-run repeats it exactly.
                snapshotId: job.snapshotId,
                rerunOfId: job.id,
              })
            }
          >
            {rerun.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />}
            Re-run
          </Button>
        </>
      ) : null}
    </>
  );
}
