import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { SignInRedirect } from "@/components/shell/sign-in-redirect";
import { getCurrentUser } from "@/app/_lib/session";

// Every page in this group redirects to /signin itself (it knows its own path for callbackUrl, and
// a redirect thrown by a rendered page becomes a real 307). Without a session this layout draws no
// shell, only a client-side redirect in case a page forgot.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <>
        <SignInRedirect />
        {children}
      </>
    );
  }
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary text-sm font-medium text-primary-foreground shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:px-3 focus:py-2 focus:outline-none focus:ring-[3px] focus:ring-ring/50"
      >
        Skip to content
      </a>
      <AppHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6">
        {children}
      </main>
    </div>
  );
}
