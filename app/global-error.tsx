"use client";

import "./globals.css";
import { ErrorPage } from "@/components/error-page";

// When even the root layout fails: a bare page with the same message.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-background text-foreground">
        <title>Something went wrong · Benchtop</title>
        <main id="main" className="px-4">
          <ErrorPage digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
