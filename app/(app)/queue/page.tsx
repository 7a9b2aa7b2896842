import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { LabQueue } from "@/components/queue/lab-queue";
import { requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage() {
  await requireUser("/queue");
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(serverTrpc.jobs.agents.queryOptions()), queryClient.prefetchQuery(serverTrpc.jobs.queue.queryOptions())]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Queue"
        description="Every job waiting or running in the lab, and the GPUs they use. Nobody books a server: jobs start the moment their GPUs are free."
      />
      <HydrateClient>
        <LabQueue />
      </HydrateClient>
    </div>
  );
}
