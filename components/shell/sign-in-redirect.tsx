"use client";

import Link from "next/link";
import { useEffect } from "react";

/**
 * A fallback for a signed-in page rendered without a session: pages redirect on the server with
 * their own path, and this covers any that do not, sending the visitor to sign in and back.
 */
export function SignInRedirect() {
  useEffect(() => {
    const back = window.location.pathname + window.location.search;
    window.location.replace(back === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(back)}`);
  }, []);
  return (
    <main className="flex min-h-dvh items-center justify-center p-6 text-sm text-muted-foreground">
      <p>
        Taking you to <Link href="/signin" className="text-primary underline-offset-4 hover:underline">sign in</Link>…
      </p>
    </main>
  );
}
