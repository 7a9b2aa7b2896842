"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, CircleDollarSign } from "lucide-react";
import Link from "next/link";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { RelativeTime } from "@/components/ui/relative-time";
import { useTRPC } from "@/components/trpc/trpc";
import { cn } from "@/lib/cn";

/** The header's bell: the caller's notices (budget thresholds crossed), polled every 30 s; opening it marks them read. */
export function NoticeBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notices = useQuery({ ...trpc.notices.list.queryOptions({}), refetchInterval: 30_000 });
  const markRead = useMutation(
    trpc.notices.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notices.list.queryKey() }) }),
  );
  const unread = notices.data?.unread ?? 0;
  const list = notices.data?.notices ?? [];
  return (
    <Popover
      onOpenChange={(open) => {
        if (!open && unread > 0) markRead.mutate({});
      }}
    >
      <PopoverTrigger
        aria-label={unread ? `Notices, ${unread} unread` : "Notices"}
        className="relative flex size-9 items-center justify-center rounded-md text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <Bell className="size-[18px]" />
        {unread > 0 ? (
          <span className="absolute top-1 right-1 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] leading-4 font-semibold text-white tabular-nums">
            {unread > 9 ? "9+" : unread}
          </span>
        ) : null}
      </PopoverTrigger>
      <PopoverContent className="w-[22rem] p-0" aria-label="Notices">
        <div className="flex items-center justify-between border-b border-border px-4 py-2.5">
          <p className="text-sm font-medium">Notices</p>
          {unread > 0 ? (
            <button type="button" className="text-xs text-muted-foreground hover:text-foreground" onClick={() => markRead.mutate({})}>
              Mark all read
            </button>
          ) : null}
        </div>
        {list.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-muted-foreground">Nothing yet. Budget alerts appear here.</p>
        ) : (
          <ul className="max-h-96 divide-y divide-border overflow-y-auto">
            {list.map((n) => (
              <li key={n.id}>
                <Link
                  href={n.href ?? "#"}
                  className={cn("flex gap-3 px-4 py-3 text-sm hover:bg-accent", !n.readAt && "bg-primary/5")}
                >
                  <CircleDollarSign className={cn("mt-0.5 size-4 shrink-0", n.readAt ? "text-muted-foreground" : "text-primary")} />
                  <span className="min-w-0 space-y-0.5">
                    <span className={cn("block leading-snug", !n.readAt && "font-medium")}>{n.text}</span>
                    <span className="block text-xs text-muted-foreground">
                      <RelativeTime date={n.createdAt} />
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </PopoverContent>
    </Popover>
  );
}
