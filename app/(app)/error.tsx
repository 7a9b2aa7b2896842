"use client";

import { ErrorPage } from "@/components/error-page";

export default function SignedInError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <title>Something went wrong · Benchtop</title>
      <ErrorPage digest={error.digest} reset={reset} />
    </>
  );
}
