// The sign-in methods this deployment offers, from the environment.
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env, isDemo, usesDevMailbox } from "../env";
import { sendMail, signInMail } from "../mail/send-mail";
import { authorizeDemoSignIn } from "./demo-sign-in";

export const emailSignInEnabled = Boolean(env.SMTP_URL) || usesDevMailbox;

export type SignInMethod = { id: string; name: string; kind: "email" | "oauth" | "demo" };

export function signInMethods(): SignInMethod[] {
  const methods: SignInMethod[] = [];
  if (emailSignInEnabled) methods.push({ id: "email", name: "Email", kind: "email" });
  if (env.OIDC_ISSUER) methods.push({ id: "oidc", name: env.OIDC_NAME, kind: "oauth" });
  if (env.AUTH_GITHUB_ID) methods.push({ id: "github", name: "GitHub", kind: "oauth" });
  if (env.AUTH_GOOGLE_ID) methods.push({ id: "google", name: "Google", kind: "oauth" });
  if (isDemo) methods.push({ id: "demo", name: "Demo", kind: "demo" });
  return methods;
}

export function buildProviders(): Provider[] {
  const providers: Provider[] = [];
  if (emailSignInEnabled) {
    providers.push({
      id: "email",
      type: "email",
      name: "Email",
      from: env.EMAIL_FROM,
      maxAge: 24 * 60 * 60,
      options: {},
      async sendVerificationRequest({ identifier, url }) {
        await sendMail(signInMail(identifier, url));
      },
    });
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oidc",
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      // The lab's own identity provider vouches for the address, so a person invited by email
      // (who already has an account row) signs in with SSO without a second account.
      allowDangerousEmailAccountLinking: true,
    });
  }
  if (env.AUTH_GITHUB_ID) providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  if (env.AUTH_GOOGLE_ID) providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  // One-click sign-in as a seeded person. Present only in demo mode; production refuses it.
  providers.push(
    Credentials({
      id: "demo",
      name: "Demo",
      credentials: { userId: {} },
      authorize: (credentials) => authorizeDemoSignIn(credentials?.userId, env.BENCHTOP_MODE),
    }),
  );
  return providers;
}
