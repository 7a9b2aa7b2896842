import type { Metadata } from "next";
import { StoresAdmin } from "@/components/datasets/stores/stores-admin";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";
import { isDirector } from "@/server/users/users";

export const metadata: Metadata = { title: "Data stores" };

export default async function StoresPage() {
  const user = await requireUser("/settings/stores");
  const canManage = isDirector(user.labRole);
  await getQueryClient().prefetchQuery(serverTrpc.datasets.stores.list.queryOptions());
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="Data stores"
        description={
          canManage
            ? "Where the lab’s datasets live. Credentials are encrypted at rest and never reach a browser, a job or a log."
            : "Where the lab’s datasets live. Lab directors and admins add and change stores."
        }
      />
      <HydrateClient>
        <StoresAdmin canManage={canManage} />
      </HydrateClient>
    </div>
  );
}
