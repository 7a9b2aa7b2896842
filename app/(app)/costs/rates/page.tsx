import { ChevronRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { RatesView } from "@/components/costs/rates/rates-view";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";

export const metadata: Metadata = { title: "Rates" };

export default async function RatesPage() {
  await requireUser("/costs/rates");
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(serverTrpc.rates.list.queryOptions()), queryClient.prefetchQuery(serverTrpc.settings.costs.queryOptions())]);
  return (
    <div className="max-w-6xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <ol className="flex items-center gap-1.5">
          <li>
            <Link href="/costs" className="rounded-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">Costs</Link>
          </li>
          <li aria-hidden><ChevronRight className="size-3.5" /></li>
          <li aria-current="page" className="text-foreground">Rates</li>
        </ol>
      </nav>
      <PageHeader title="Rates" description="What an hour of each pool’s GPUs and CPU slots costs: the lab’s own hardware amortised over its life, cloud capacity at its provider’s price." />
      <HydrateClient>
        <RatesView />
      </HydrateClient>
    </div>
  );
}
