"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export function ProjectTabs({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/projects/${slug}`;
  const tabs = [
    { href: base, label: "Overview", active: pathname === base },
    { href: `${base}/files`, label: "Files", active: pathname.startsWith(`${base}/files`) },
    { href: `${base}/jobs`, label: "Jobs", active: pathname.startsWith(`${base}/jobs`) },
    { href: `${base}/datasets`, label: "Datasets", active: pathname.startsWith(`${base}/datasets`) },
    { href: `${base}/settings`, label: "Settings", active: pathname.startsWith(`${base}/settings`) },
  ];
  return (
    <nav aria-label="Project" className="border-b border-border">
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={cn(
                "inline-flex h-9 items-center border-b-2 border-transparent px-0.5 text-sm font-medium text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:rounded-sm focus-visible:ring-[3px] focus-visible:ring-ring/50",
                tab.active && "border-primary text-foreground",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
