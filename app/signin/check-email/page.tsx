import { ArrowLeft, Inbox, MailCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { usesDevMailbox } from "@/server/env";

export const metadata: Metadata = { title: "Check your email" };
// Whether the dev mailbox exists is known when the server starts, not when it is built.
export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  return (
    <AuthShell>
      <Card className="w-full shadow-sm">
        <CardContent className="flex flex-col items-center gap-4 px-6 py-8 text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary">
            <MailCheck className="size-6" aria-hidden />
          </span>
          <div className="space-y-1.5">
            <h1 className="text-xl font-semibold tracking-tight">Check your inbox</h1>
            {/* The same words for every address: whether a link was sent is for the inbox to tell. */}
            <p className="text-sm text-muted-foreground">
              If this address may sign in, a link is on its way. It works once, for 15 minutes; you can close this tab.
            </p>
            <p className="text-xs text-muted-foreground">
              Nothing after a few minutes? Check your spam folder, or ask your lab&apos;s Benchtop admin to invite you.
            </p>
          </div>
          {usesDevMailbox ? (
            <div className="w-full rounded-lg border border-dashed border-border bg-muted/50 p-3 text-sm">
              <p className="mb-2 text-muted-foreground">No mail server is configured, so the mail was kept here:</p>
              <Button asChild variant="secondary" size="sm">
                <Link href="/dev/mailbox">
                  <Inbox aria-hidden />
                  Open the dev mailbox
                </Link>
              </Button>
            </div>
          ) : null}
          <Button asChild variant="ghost" size="sm">
            <Link href="/signin">
              <ArrowLeft aria-hidden />
              Use a different email
            </Link>
          </Button>
        </CardContent>
      </Card>
    </AuthShell>
  );
}
