import Link from "next/link";
import type { ReactNode } from "react";
import { Wordmark } from "@/components/brand/logo";

/** The quiet, centred frame around sign-in pages. */
export function AuthShell({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="relative flex min-h-dvh flex-col items-center justify-center overflow-hidden px-4 py-12">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 -z-10 [background-image:linear-gradient(to_right,var(--border)_1px,transparent_1px),linear-gradient(to_bottom,var(--border)_1px,transparent_1px)] [background-size:44px_44px] opacity-50 [mask-image:radial-gradient(ellipse_at_center,black_20%,transparent_70%)]"
      />
      <main id="main" className="flex w-full max-w-[420px] flex-col items-center gap-6">
        <Link href="/" className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
          <Wordmark className="text-lg" />
        </Link>
        {children}
        {footer ? <div className="text-center text-xs text-muted-foreground">{footer}</div> : null}
      </main>
    </div>
  );
}
