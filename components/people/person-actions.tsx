"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LogOut, UserCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import type { TPerson } from "@/server/users/schemas";

function useRefreshPeople() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.people.list.queryKey() });
}

export function PromoteButton({ person }: { person: TPerson }) {
  const trpc = useTRPC();
  const refresh = useRefreshPeople();
  const who = person.name ?? person.email;
  const promote = useMutation(trpc.people.promote.mutationOptions());
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm">
          <UserCheck aria-hidden />
          Make lab member<span className="sr-only"> {who}</span>
        </Button>
      }
      title={`Make ${who} a lab member?`}
      description={`${person.email} signed up from outside the lab. As a lab member they may start projects of their own; what they see in others' projects stays what those projects grant.`}
      confirmLabel="Make lab member"
      onConfirm={async () => {
        try {
          await promote.mutateAsync({ userId: person.id });
        } catch (error) {
          toast.error(errorMessageOf(error));
          throw error;
        }
        toast.success(`${who} is now a lab member`);
        await refresh();
      }}
    />
  );
}

export function EndSessionsButton({ person, isYou }: { person: TPerson; isYou: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshPeople();
  const who = person.name ?? person.email;
  const router = useRouter();
  const end = useMutation(trpc.people.endSessions.mutationOptions());
  const count = person.activeSessions === 1 ? "1 signed-in browser" : `${person.activeSessions} signed-in browsers`;
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-muted-foreground hover:text-destructive">
          <LogOut aria-hidden />
          End sessions<span className="sr-only"> of {who}</span>
        </Button>
      }
      title={isYou ? "Sign yourself out everywhere?" : `End ${who}’s sessions?`}
      description={
        isYou
          ? `All your ${count}, this one included, are signed out at once.`
          : `${who}’s ${count} are signed out at once; their API tokens keep working. They can sign in again${person.external ? " while a project grants them access" : ""}.`
      }
      confirmLabel="End sessions"
      destructive
      onConfirm={async () => {
        let ended: number;
        try {
          ({ ended } = await end.mutateAsync({ userId: person.id }));
        } catch (error) {
          toast.error(errorMessageOf(error));
          throw error;
        }
        // This browser's session was among them: the next page it asks for is the sign-in page.
        if (isYou) return void router.push("/signin");
        toast.success(`Ended ${ended === 1 ? "1 session" : `${ended} sessions`} of ${who}`);
        await refresh();
      }}
    />
  );
}
