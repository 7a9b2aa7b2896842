import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { DemoPeopleList } from "@/components/auth/demo-people-list";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { signInErrorMessage } from "@/components/auth/sign-in-errors";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { getCurrentUser, safeCallbackPath } from "@/app/_lib/session";
import { signInMethods } from "@/server/auth/providers";
import { listDemoPeople } from "@/server/seed/demo-people";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);

  const methods = signInMethods();
  const email = methods.some((m) => m.kind === "email");
  const oauth = methods.filter((m) => m.kind === "oauth");
  const demo = methods.some((m) => m.kind === "demo");
  const people = demo ? await listDemoPeople() : [];
  const error = signInErrorMessage(params);
  // An invitation mail links here with the address filled in.
  const invitedEmail = typeof params.email === "string" ? params.email : "";

  return (
    <AuthShell footer="Benchtop is your lab's ML workbench: notebooks, a GPU queue, datasets and budgets.">
      <Card className="w-full shadow-sm">
        <CardHeader className="px-6 pt-6">
          <h1 className="text-xl font-semibold tracking-tight">Sign in to Benchtop</h1>
          <CardDescription>
            {email ? "We'll email you a link that signs you in. No password needed." : "Choose how to sign in."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 px-6 pb-6">
          {error ? (
            <div role="alert" className="flex gap-2 rounded-lg border border-destructive/30 bg-destructive/8 px-3 py-2.5 text-sm text-destructive">
              <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              <p>{error}</p>
            </div>
          ) : null}
          {email ? <EmailSignInForm callbackUrl={callbackUrl} defaultEmail={invitedEmail} /> : null}
          {email && oauth.length > 0 ? <Divider>or</Divider> : null}
          {oauth.length > 0 ? <OAuthButtons providers={oauth} callbackUrl={callbackUrl} /> : null}
          {methods.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No sign-in method is configured on this server. Set SMTP_URL for email links, or an SSO provider
              (OIDC_ISSUER, AUTH_GITHUB_ID, AUTH_GOOGLE_ID), and restart Benchtop.
            </p>
          ) : null}
          {demo && people.length > 0 ? (
            <section aria-labelledby="demo-heading" className="grid gap-3">
              {email || oauth.length > 0 ? <Divider>demo lab</Divider> : null}
              <div className="space-y-0.5">
                <h2 id="demo-heading" className="text-sm font-medium">
                  Sign in as a demo person
                </h2>
                <p className="text-xs text-muted-foreground">One click, no email. Demo mode only.</p>
              </div>
              <DemoPeopleList people={people} callbackUrl={callbackUrl} />
            </section>
          ) : null}
        </CardContent>
      </Card>
    </AuthShell>
  );
}

function Divider({ children }: { children: string }) {
  return (
    <div className="flex items-center gap-3 text-xs text-muted-foreground uppercase tracking-wider" role="separator">
      <span className="h-px flex-1 bg-border" />
      {children}
      <span className="h-px flex-1 bg-border" />
    </div>
  );
}
