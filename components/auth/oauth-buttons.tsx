"use client";

import { Loader2 } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ProviderIcon } from "./provider-icons";

export function OAuthButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
  return (
    <div className="grid gap-2">
      {providers.map((p) => (
        <Button
          key={p.id}
          type="button"
          variant="outline"
          className="w-full"
          disabled={pending !== null}
          onClick={() => {
            setPending(p.id);
            void signIn(p.id, { redirectTo: callbackUrl }).catch(() => setPending(null));
          }}
        >
          {pending === p.id ? <Loader2 className="animate-spin" aria-hidden /> : <ProviderIcon id={p.id} />}
          Continue with {p.name}
        </Button>
      ))}
    </div>
  );
}
