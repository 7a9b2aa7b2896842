"use client";

import { Loader2, LogIn } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * The one step that spends a magic link: a plain form POST to Auth.js's email callback, sent
 * when the person presses the button (never when the page is merely opened).
 */
export function LinkContinueForm({ email, token, callbackUrl }: { email: string; token: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <form method="post" action={`/api/auth/callback/email?${new URLSearchParams({ token, email })}`} onSubmit={() => setPending(true)} className="w-full">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Button type="submit" disabled={pending} className="w-full min-w-0">
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : <LogIn aria-hidden />}
        <span className="truncate">Continue as {email}</span>
      </Button>
    </form>
  );
}
