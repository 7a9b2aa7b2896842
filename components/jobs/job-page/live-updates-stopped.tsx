"use client";

import { LogIn, RefreshCw } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * Why the job page stopped following its job, and the way back: a session that ended (signed out
 * in another tab, ended by an admin) needs a sign-in, anything else a reconnect.
 */
export function LiveUpdatesStopped({ jobId, error, onReconnect }: { jobId: string; error: { message: string; data?: { code?: string } | null } | null; onReconnect: () => void }) {
  const signedOut = error?.data?.code === "UNAUTHORIZED";
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-warning/40 bg-warning/10 px-4 py-3 text-sm">
      <span>
        {signedOut
          ? "Your session has ended, so this page stopped following the job. Sign in again to see it live."
          : `Live updates stopped${error?.message ? `: ${error.message.replace(/\.$/, "")}` : ""}. What you see may be out of date.`}
      </span>
      {signedOut ? (
        <Button size="sm" variant="outline" asChild>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/jobs/${jobId}`)}`}>
            <LogIn aria-hidden /> Sign in
          </Link>
        </Button>
      ) : (
        <Button size="sm" variant="outline" onClick={onReconnect}>
          <RefreshCw aria-hidden /> Reconnect
        </Button>
      )}
    </div>
  );
}
