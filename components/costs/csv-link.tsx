import { Download } from "lucide-react";

/** A CSV export of what a chart or table shows (the same report as GET /api/v1/costs). */
export function CsvLink({ href, label = "CSV" }: { href: string; label?: string }) {
  return (
    <a
      href={href}
      download
      className="inline-flex items-center gap-1 rounded-sm text-xs font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <Download className="size-3.5" aria-hidden /> {label}
    </a>
  );
}
