import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import type { TMember } from "@/server/projects/schemas";

/** A member's avatar, name, email and badges; `end` holds the role badge or role controls. */
export function MemberRow({ member, isYou, end }: { member: TMember; isYou: boolean; end: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 px-5 py-3">
      <Avatar name={member.name} email={member.email} className="size-8" />
      <div className="min-w-0 flex-1 basis-40">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm font-medium">
          <span className="truncate">{member.name ?? member.email}</span>
          {isYou ? <span className="text-xs font-normal text-muted-foreground">(you)</span> : null}
          {member.external ? (
            <Badge variant="warning" title="From outside the lab">
              External
            </Badge>
          ) : null}
        </p>
        {member.name ? <p className="truncate text-xs text-muted-foreground">{member.email}</p> : null}
      </div>
      <div className="ml-auto flex shrink-0 items-center gap-2">{end}</div>
    </li>
  );
}
