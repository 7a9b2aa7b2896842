"use client";

import { Loader2, Mail } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function EmailSignInForm({ callbackUrl, defaultEmail = "" }: { callbackUrl: string; defaultEmail?: string }) {
  const [email, setEmail] = useState(defaultEmail);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<string[] | undefined>();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setErrors(["must be an email address, like ana@lab.example"]);
      return;
    }
    setErrors(undefined);
    setPending(true);
    try {
      await signIn("email", { email: value, redirectTo: callbackUrl });
    } catch {
      setErrors(["could not be sent a link just now; try again in a moment"]);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3">
      <Field label="Email" errors={errors}>
        <Input
          type="email"
          name="email"
          autoComplete="email"
          placeholder="you@lab.example"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          disabled={pending}
          required
        />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Mail aria-hidden />}
        Send sign-in link
      </Button>
    </form>
  );
}
