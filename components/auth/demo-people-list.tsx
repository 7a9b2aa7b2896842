"use client";

import { ChevronRight, Loader2 } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { labRoleLabel, type LabRole } from "@/lib/lab-roles";

export type DemoPerson = {
  id: string;
  name: string;
  email: string;
  labRole: LabRole;
  external: boolean;
  affiliation: string | null;
};

export function DemoPeopleList({ people, callbackUrl }: { people: DemoPerson[]; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
  return (
    <ul className="grid gap-1.5" aria-label="Demo people">
      {people.map((person) => {
        const role = labRoleLabel(person.labRole);
        const detail = person.affiliation && person.affiliation !== role ? person.affiliation : null;
        return (
          <li key={person.id}>
            <button
              type="button"
              disabled={pending !== null}
              onClick={() => {
                setPending(person.id);
                void signIn("demo", { userId: person.id, redirectTo: callbackUrl }).catch(() => setPending(null));
              }}
              className="group flex w-full cursor-pointer items-center gap-3 rounded-lg border border-border bg-background px-3 py-2.5 text-left transition-colors outline-none hover:border-primary/40 hover:bg-accent/60 focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-wait disabled:opacity-60 dark:bg-input/10"
            >
              <Avatar name={person.name} email={person.email} className="size-8" />
              <span className="min-w-0 flex-1">
                <span className="flex items-center gap-2">
                  <span className="truncate text-sm font-medium">{person.name}</span>
                  {person.external ? <Badge variant="warning">External</Badge> : null}
                </span>
                <span className="block truncate text-xs text-muted-foreground">
                  {role}
                  {detail ? ` · ${detail}` : ""}
                </span>
              </span>
              {pending === person.id ? (
                <Loader2 className="size-4 animate-spin text-muted-foreground" aria-hidden />
              ) : (
                <ChevronRight className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5" aria-hidden />
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
