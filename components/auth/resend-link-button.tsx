"use client";

import { Loader2, Mail } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Asks for a fresh link to the same address, through the same endpoint as the sign-in form. */
export function ResendLinkButton({ email, callbackUrl }: { email: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      className="w-full min-w-0"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("email", { email, redirectTo: callbackUrl }).catch(() => setPending(false));
      }}
    >
      {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Mail aria-hidden />}
      <span className="truncate">Send a new link to {email}</span>
    </Button>
  );
}
