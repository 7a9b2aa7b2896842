import { Activity } from "lucide-react";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TActivity } from "@/server/dashboard/get-dashboard";
import { activityPhrase } from "./activity-phrase";

export function ActivityFeed({ activity }: { activity: TActivity[] }) {
  if (activity.length === 0) {
    return (
      <EmptyState icon={Activity} title="Nothing has happened yet" className="py-8">
        Changes in your projects (new members, files, renames) show up here.
      </EmptyState>
    );
  }
  return (
    <ol className="relative space-y-0.5">
      {activity.map((event) => {
        const phrase = activityPhrase(event);
        const actor = event.actor;
        return (
          <li key={event.id} className="flex gap-3 rounded-lg px-2 py-2.5">
            {actor ? (
              <Avatar name={actor.name} email={actor.email} className="mt-0.5 size-6 text-[10px]" />
            ) : (
              <span className="mt-0.5 size-6 shrink-0 rounded-full bg-muted" aria-hidden />
            )}
            <div className="min-w-0 flex-1 text-sm leading-snug">
              <p className="break-words">
                <span className="font-medium">{actor ? (actor.name ?? actor.email) : "Someone"}</span>{" "}
                <span className="text-muted-foreground">{phrase.verb}</span>
                {phrase.object ? <span className="font-medium"> {phrase.object}</span> : null}
                {phrase.suffix ? <span className="text-muted-foreground"> {phrase.suffix}</span> : null}
              </p>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-muted-foreground">
                {event.project ? (
                  <>
                    <Link
                      href={`/projects/${event.project.slug}`}
                      className="font-medium text-foreground/80 underline-offset-4 hover:text-primary hover:underline"
                    >
                      {event.project.name}
                    </Link>
                    <span aria-hidden>·</span>
                  </>
                ) : null}
                <RelativeTime date={event.createdAt} />
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
