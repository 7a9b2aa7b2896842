import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** The body of a 404 or error page: an icon, a headline, a sentence, and ways on. */
export function StatusPage({
  icon: Icon,
  code,
  title,
  children,
  actions,
}: {
  icon: LucideIcon;
  code?: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <span className="mb-5 flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <Icon className="size-6" aria-hidden />
      </span>
      {code ? <p className="mb-1 font-mono text-xs tracking-widest text-muted-foreground">{code}</p> : null}
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-2 text-sm text-muted-foreground">{children}</div>
      <div className="mt-6 flex flex-wrap justify-center gap-2">{actions}</div>
    </div>
  );
}
