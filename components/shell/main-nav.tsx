"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

type NavItem = { href: string; label: string; matches: (pathname: string) => boolean; className?: string };

const ITEMS: readonly NavItem[] = [
  // On a phone the logo is the way home, so Dashboard makes room for the others.
  { href: "/", label: "Dashboard", matches: (p) => p === "/", className: "hidden sm:block" },
  { href: "/projects", label: "Projects", matches: (p) => p.startsWith("/projects") },
  { href: "/queue", label: "Queue", matches: (p) => p.startsWith("/queue") },
];
// Directors and admins review the lab's spend; everyone else sees their own on the dashboard.
const COSTS: NavItem = { href: "/costs", label: "Costs", matches: (p) => p.startsWith("/costs") };

export function MainNav({ showCosts = false }: { showCosts?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex items-center gap-1">
      {(showCosts ? [...ITEMS, COSTS] : ITEMS).map((item) => {
        const active = item.matches(pathname);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              item.className,
              "rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
              active && "bg-accent text-foreground",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
