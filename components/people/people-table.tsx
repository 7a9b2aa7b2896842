"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Search, Users } from "lucide-react";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { labRoleLabel, type LabRole } from "@/lib/lab-roles";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import type { TPerson } from "@/server/users/schemas";
import { LabRoleSelect } from "./lab-role-select";
import { EndSessionsButton, PromoteButton } from "./person-actions";

type Viewer = { id: string; isAdmin: boolean };

export function PeopleTable({ viewer }: { viewer: Viewer }) {
  const trpc = useTRPC();
  const people = useQuery(trpc.people.list.queryOptions());
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (people.data ?? []).filter((p) => !q || p.email.includes(q) || p.name?.toLowerCase().includes(q));
  }, [people.data, filter]);

  if (people.isPending) return <Skeleton className="m-5 h-32" />;
  if (people.isError)
    return (
      <p role="alert" className="px-5 py-4 text-sm text-destructive">
        {errorMessageOf(people.error)}
      </p>
    );
  return (
    <>
      <div className="flex flex-wrap items-center gap-3 border-b border-border px-5 py-3">
        <div className="relative w-full max-w-xs">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Find by name or email" aria-label="Find people" className="pl-8" />
        </div>
        <p className="ml-auto text-xs text-muted-foreground">{summary(people.data)}</p>
      </div>
      {shown.length === 0 ? (
        <EmptyState icon={Users} title="Nobody matches" className="m-5">
          No one with an account has a name or email containing “{filter.trim()}”.
        </EmptyState>
      ) : (
        <Table aria-label="People">
          <TableHeader>
            <TableRow>
              <TableHead>Person</TableHead>
              <TableHead>Lab role</TableHead>
              <TableHead className="hidden md:table-cell">Projects</TableHead>
              <TableHead className="hidden sm:table-cell">Last sign-in</TableHead>
              <TableHead className="hidden lg:table-cell">Sessions</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((person) => (
              <PersonRow key={person.id} person={person} viewer={viewer} />
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function PersonRow({ person, viewer }: { person: TPerson; viewer: Viewer }) {
  const isYou = person.id === viewer.id;
  return (
    <TableRow aria-label={person.email}>
      <TableCell>
        <div className="flex min-w-0 items-center gap-3">
          <Avatar name={person.name} email={person.email} className="size-8" />
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm font-medium">
              <span className="truncate">{person.name ?? person.email}</span>
              {isYou ? <span className="text-xs font-normal text-muted-foreground">(you)</span> : null}
              {person.external ? <Badge variant="warning" title="From outside the lab: no projects of their own">External</Badge> : null}
              {!person.lastSignInAt ? <Badge variant="outline" title="Has never signed in">{person.invitedAt ? "Invited" : "Not signed in yet"}</Badge> : null}
            </p>
            {person.name ? <p className="truncate text-xs text-muted-foreground">{person.email}</p> : null}
          </div>
        </div>
      </TableCell>
      <TableCell>
        <LabRoleCell person={person} viewer={viewer} isYou={isYou} />
      </TableCell>
      <TableCell className="hidden text-muted-foreground tabular-nums md:table-cell">{person.projects}</TableCell>
      <TableCell className="hidden text-muted-foreground sm:table-cell">
        {person.lastSignInAt ? <RelativeTime date={person.lastSignInAt} /> : "Never"}
      </TableCell>
      <TableCell className="hidden lg:table-cell">
        {person.activeSessions > 0 ? (
          <Badge variant="success">{person.activeSessions === 1 ? "1 active" : `${person.activeSessions} active`}</Badge>
        ) : (
          <span className="text-muted-foreground">None</span>
        )}
      </TableCell>
      <TableCell>
        <div className="flex items-center justify-end gap-1">
          {person.external ? <PromoteButton person={person} /> : null}
          {person.activeSessions > 0 ? <EndSessionsButton person={person} isYou={isYou} /> : null}
        </div>
      </TableCell>
    </TableRow>
  );
}

function LabRoleCell({ person, viewer, isYou }: { person: TPerson; viewer: Viewer; isYou: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const who = person.name ?? person.email;
  const change = useMutation(
    trpc.people.changeLabRole.mutationOptions({
      onSuccess: async (updated) => {
        toast.success(`${who} is now ${updated.labRole === "admin" ? "an admin" : `a ${labRoleLabel(updated.labRole).toLowerCase()}`}`);
        await queryClient.invalidateQueries({ queryKey: trpc.people.list.queryKey() });
      },
      onError: (error) => toast.error(errorMessageOf(error)),
    }),
  );
  // Admins change others' roles; an external is made a lab member first; BENCHTOP_ADMIN_EMAILS wins.
  const editable = viewer.isAdmin && !isYou && !person.external && !person.adminByConfig;
  if (!editable) {
    return (
      <span className="text-sm" title={person.adminByConfig ? "Listed in BENCHTOP_ADMIN_EMAILS" : undefined}>
        {labRoleLabel(person.labRole)}
        {person.adminByConfig ? <span className="text-xs text-muted-foreground"> · by config</span> : null}
      </span>
    );
  }
  return (
    <LabRoleSelect
      size="sm"
      className="w-36"
      aria-label={`Lab role of ${who}`}
      value={person.labRole}
      disabled={change.isPending}
      onValueChange={(labRole: LabRole) => {
        if (labRole !== person.labRole) change.mutate({ userId: person.id, labRole });
      }}
    />
  );
}

function summary(people: TPerson[] | undefined): string {
  if (!people) return "";
  const externals = people.filter((p) => p.external).length;
  const invited = people.filter((p) => !p.lastSignInAt).length;
  return [`${people.length} ${people.length === 1 ? "person" : "people"}`, externals ? `${externals} external` : null, invited ? `${invited} not signed in yet` : null]
    .filter(Boolean)
    .join(" · ");
}
