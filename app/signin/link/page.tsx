// Where a mailed sign-in link lands. Opening it changes nothing (mail scanners open links to
// look at them); the "Continue" button spends it. A link that no longer works says why.
import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { LinkContinueForm } from "@/components/auth/link-continue-form";
import { refusalOf } from "@/components/auth/link-refused";
import { ResendLinkButton } from "@/components/auth/resend-link-button";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { safeCallbackPath } from "@/app/_lib/session";
import { describeLink } from "@/server/auth/magic-links";
import { normalizeEmail } from "@/server/auth/sign-in-policy";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInLinkPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : "");
  const email = normalizeEmail(one("email")) ?? one("email");
  const token = one("token");
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const link = await describeLink({ email, token });

  return (
    <AuthShell footer="Sign-in links work once, for 15 minutes.">
      <Card className="w-full shadow-sm">
        <CardContent className="flex flex-col items-center gap-5 px-6 py-8 text-center">
          {link.state === "valid" ? (
            <>
              <Avatar name={null} email={email} className="size-12 text-sm" />
              <div className="w-full min-w-0 space-y-1.5">
                <h1 className="text-xl font-semibold tracking-tight">Sign in to Benchtop</h1>
                <p className="truncate text-sm text-muted-foreground">
                  Continue as <span className="font-medium text-foreground">{email}</span>
                </p>
              </div>
              <LinkContinueForm email={email} token={token} callbackUrl={callbackUrl} />
              <p className="text-xs text-muted-foreground">Not you? Close this tab; nothing happens until you press the button.</p>
            </>
          ) : (
            <Refused link={link} email={email} callbackUrl={callbackUrl} />
          )}
        </CardContent>
      </Card>
    </AuthShell>
  );
}

function Refused({ link, email, callbackUrl }: { link: Parameters<typeof refusalOf>[0]; email: string; callbackUrl: string }) {
  const { title, icon: Icon, sentence } = refusalOf(link);
  return (
    <>
      <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <Icon className="size-6" aria-hidden />
      </span>
      <div className="space-y-1.5">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <p className="text-sm text-muted-foreground">{sentence}</p>
      </div>
      <div className="grid w-full gap-2">
        {normalizeEmail(email) ? <ResendLinkButton email={email} callbackUrl={callbackUrl} /> : null}
        <Button asChild variant="ghost" size="sm">
          <Link href="/signin">Use a different email</Link>
        </Button>
      </div>
    </>
  );
}
