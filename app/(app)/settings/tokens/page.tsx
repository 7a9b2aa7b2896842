import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requireUser("/settings/tokens");
  await getQueryClient().prefetchQuery(serverTrpc.tokens.list.queryOptions());
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="API tokens"
        description="Personal tokens let scripts, notebooks on other machines and the benchtop CLI act as you. Treat them like passwords."
      />
      <HydrateClient>
        <Card>
          <CardHeader>
            <CardTitle>Create a token</CardTitle>
            <CardDescription>A token can do everything you can. Give it an expiry unless a long-lived service needs it.</CardDescription>
          </CardHeader>
          <CardContent className="pt-4">
            <CreateTokenForm />
          </CardContent>
        </Card>
        <Card className="overflow-hidden">
          <CardHeader className="pb-4">
            <CardTitle>Your tokens</CardTitle>
          </CardHeader>
          <div className="border-t border-border">
            <TokensTable />
          </div>
        </Card>
      </HydrateClient>
    </div>
  );
}
