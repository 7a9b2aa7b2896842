import { ShieldAlert } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { InvitePersonForm } from "@/components/people/invite-person-form";
import { PeopleTable } from "@/components/people/people-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";
import { signInPolicy } from "@/server/auth/sign-in-policy";
import { isDirector } from "@/server/users/users";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const user = await requireUser("/settings/people");
  const canManage = isDirector(user.labRole) && !user.external;
  const description = "Everyone with an account in this Benchtop: who may sign in, their lab role, and their signed-in browsers.";
  if (!canManage) {
    return (
      <div className="max-w-5xl space-y-6">
        <PageHeader title="People" description={description} />
        <EmptyState icon={ShieldAlert} title="Lab admins and directors only">
          Only lab admins and directors see and manage the lab&apos;s people. Ask one of them to invite someone.
        </EmptyState>
      </div>
    );
  }
  await getQueryClient().prefetchQuery(serverTrpc.people.list.queryOptions());
  const isAdmin = user.labRole === "admin";
  const policy = signInPolicy();
  const domains = policy.allowedDomains.length ? ` Addresses of ${policy.allowedDomains.join(", ")} get in without one.` : "";
  const who =
    policy.signup === "open"
      ? "Sign-up is open (BENCHTOP_SIGNUP=open): anyone may sign in, as an external, until made a lab member here."
      : `Sign-in is by invitation: project members and invited addresses get in.${domains}`;
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title="People" description={description} />
      <HydrateClient>
        <Card>
          <CardHeader>
            <CardTitle>Invite to the lab</CardTitle>
            <CardDescription>
              {who}
              {isAdmin ? "" : " Admins can invite directors and admins."}
            </CardDescription>
          </CardHeader>
          <CardContent className="pt-4">
            <InvitePersonForm isAdmin={isAdmin} />
          </CardContent>
        </Card>
        <Card className="overflow-hidden">
          <CardHeader className="pb-4">
            <CardTitle>Everyone with an account</CardTitle>
            <CardDescription>
              {isAdmin ? "Change a lab role from its menu. " : "Lab roles are changed by admins. "}
              Ending someone&apos;s sessions signs out every browser of theirs at once.
            </CardDescription>
          </CardHeader>
          <div className="border-t border-border">
            <PeopleTable viewer={{ id: user.id, isAdmin }} />
          </div>
        </Card>
      </HydrateClient>
    </div>
  );
}
