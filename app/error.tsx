"use client";

import { ErrorPage } from "@/components/error-page";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="px-4">
      <title>Something went wrong · Benchtop</title>
      <ErrorPage digest={error.digest} reset={reset} />
    </main>
  );
}
