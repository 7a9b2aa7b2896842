import { ExternalLink, Inbox, RefreshCw } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Wordmark } from "@/components/brand/logo";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { usesDevMailbox } from "@/server/env";
import { listDevMail } from "@/server/mail/send-mail";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function DevMailboxPage() {
  if (!usesDevMailbox) notFound();
  const mails = await listDevMail();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-border">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-3 px-4 sm:px-6">
          <Link href="/" className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            <Wordmark className="text-[15px]" />
          </Link>
          <Badge variant="warning">Development only</Badge>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div className="space-y-1">
            <h1 className="text-2xl font-semibold tracking-tight">Development mailbox</h1>
            <p className="text-sm text-muted-foreground">
              No mail server (SMTP_URL) is configured, so Benchtop keeps outgoing mail here instead of sending it.
              This page does not exist in production.
            </p>
          </div>
          <Button asChild variant="outline" size="sm">
            <Link href="/dev/mailbox" prefetch={false}>
              <RefreshCw aria-hidden />
              Refresh
            </Link>
          </Button>
        </div>
        {mails.length === 0 ? (
          <EmptyState icon={Inbox} title="No mail yet">
            Ask for a sign-in link on the{" "}
            <Link href="/signin" className="text-primary underline-offset-4 hover:underline">
              sign-in page
            </Link>{" "}
            and it appears here.
          </EmptyState>
        ) : (
          <ol className="space-y-3" aria-label="Mail, newest first">
            {mails.map((mail) => (
              <li key={mail.id}>
                <article className="rounded-xl border border-border bg-card shadow-xs" aria-label={mail.subject}>
                  <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 border-b border-border px-5 py-3">
                    <div className="min-w-0">
                      <h2 className="truncate text-sm font-semibold">{mail.subject}</h2>
                      <p className="truncate text-xs text-muted-foreground">
                        To <span className="font-medium text-foreground">{mail.to}</span>
                      </p>
                    </div>
                    <RelativeTime date={mail.createdAt} className="text-xs text-muted-foreground" />
                  </div>
                  <div className="space-y-3 px-5 py-4">
                    <pre className="font-sans text-sm break-words whitespace-pre-wrap text-muted-foreground">{mail.text}</pre>
                    {mail.link ? (
                      <Button asChild size="sm">
                        <a href={mail.link}>
                          Open sign-in link
                          <ExternalLink aria-hidden />
                        </a>
                      </Button>
                    ) : null}
                  </div>
                </article>
              </li>
            ))}
          </ol>
        )}
      </main>
    </div>
  );
}
