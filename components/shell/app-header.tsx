import Link from "next/link";
import { Wordmark } from "@/components/brand/logo";
import type { TUser } from "@/server/users/users";
import { MainNav } from "./main-nav";
import { NoticeBell } from "./notice-bell";
import { UserMenu } from "./user-menu";

export function AppHeader({ user }: { user: TUser }) {
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-6 sm:px-6">
        <Link
          href="/"
          className="-mx-1 flex items-center rounded-md px-1 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          aria-label="Benchtop home"
        >
          <Wordmark className="text-[15px]" />
        </Link>
        <MainNav showCosts={user.labRole === "director" || user.labRole === "admin"} />
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <NoticeBell />
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
