// Auth.js (and our /api/auth front, server/auth/route.ts) send people back to /signin with
// ?error=<code>; these are the sentences they see.
const MESSAGES: Record<string, string> = {
  Verification: "That sign-in link does not work any more. Ask for a new one below.",
  AccessDenied: "This account may not sign in to Benchtop. Ask your lab's Benchtop admin for an invitation.",
  UnverifiedEmail:
    "Your sign-in provider has not confirmed that this email address is yours, so Benchtop cannot sign you in with it. Use an email link, or ask your lab's Benchtop admin.",
  InvalidEmail: "That is not an email address. Enter one like ana@lab.example.",
  Configuration: "Sign-in is not set up correctly on this server. Tell your lab's Benchtop admin.",
  CredentialsSignin: "That demo person could not be signed in. Pick another one, or restart the demo.",
  EmailSignin: "The sign-in email could not be sent. Check the address, or try again in a moment.",
  EmailCreateAccount: "An account for that email could not be created. Try again in a moment.",
  OAuthSignin: "Signing in with that provider could not start. Try again in a moment.",
  OAuthCallbackError: "The sign-in provider sent back an error. Try again.",
  OAuthCreateAccount: "An account could not be created from that provider. Try again in a moment.",
  OAuthAccountNotLinked: "That email already signs in another way. Use the method you used before.",
  Callback: "Sign-in did not finish. Try again.",
  SessionRequired: "Sign in to see that page.",
  MissingCSRF: "The sign-in form expired. Try again.",
};

/** The sentence for /signin's query (error, and for TooManyLinks its scope and minutes), or null. */
export function signInErrorMessage(params: Record<string, string | string[] | undefined>): string | null {
  const one = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  const code = one("error");
  if (!code) return null;
  if (code === "TooManyLinks") {
    const minutes = Number.parseInt(one("minutes") ?? "", 10);
    return linkRefusalSentence(one("scope"), Number.isFinite(minutes) && minutes > 0 ? Math.min(minutes, 15) : 15);
  }
  return MESSAGES[code] ?? "Sign-in did not work. Try again.";
}

/** "Too many sign-in links were asked for this address. Try again in 12 minutes." */
function linkRefusalSentence(scope: string | undefined, minutes: number): string {
  const who = scope === "client" ? "from this network address" : "for this address";
  const when = minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
  return `Too many sign-in links were asked ${who}. Try again ${when}.`;
}
