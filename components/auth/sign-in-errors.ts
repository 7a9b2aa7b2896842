// Auth.js sends people back to /signin with ?error=<code>; these are the sentences they see.
const MESSAGES: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "This account is not allowed to sign in to Benchtop. Ask your lab's Benchtop admin for access.",
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

export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Sign-in did not work. Try again.";
}
