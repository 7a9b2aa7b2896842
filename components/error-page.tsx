"use client";

import { RotateCcw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "./status-page";
import { Button } from "./ui/button";

/** What an unexpected error shows: never its raw text, only a reference for the server log. */
export function ErrorPage({ digest, reset }: { digest?: string; reset: () => void }) {
  return (
    <StatusPage
      icon={TriangleAlert}
      title="Something went wrong"
      actions={
        <>
          <Button onClick={reset}>
            <RotateCcw aria-hidden />
            Try again
          </Button>
          <Button asChild variant="outline">
            <Link href="/">Back to the dashboard</Link>
          </Button>
        </>
      }
    >
      <p>Benchtop hit an unexpected problem showing this page. It has been logged; trying again often helps.</p>
      {digest ? (
        <p className="mt-3 text-xs">
          If it keeps happening, tell your Benchtop admin this reference: <code className="font-mono">{digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
