// The sign-in methods this deployment offers, from the environment.
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env, isDemo } from "../env";
import { canSendMail, sendInBackground, signInMail } from "../mail/send-mail";
import { authorizeDemoSignIn } from "./demo-sign-in";
import { landingUrl, LINK_MAX_AGE_S } from "./magic-links";

const emailSignInEnabled = canSendMail;

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

// Every SSO provider may link an IdP account to an existing Benchtop account by email (a person
// invited by email then signs in with SSO without a second account). That is safe only because
// the signIn callback allows it when the IdP says it verified the address (sign-in-callback.ts).
const LINK_BY_VERIFIED_EMAIL = { allowDangerousEmailAccountLinking: true } as const;

export function buildProviders(): Provider[] {
  const providers: Provider[] = [];
  if (emailSignInEnabled) {
    providers.push({
      id: "email",
      type: "email",
      name: "Email",
      from: env.EMAIL_FROM,
      maxAge: LINK_MAX_AGE_S,
      options: {},
      // Not awaited: the answer must not take longer for an address that gets mail than for one
      // that does not (sign-in-callback.ts), nor differ when the mail server is slow or down.
      sendVerificationRequest({ identifier, url }) {
        sendInBackground(signInMail(identifier, landingUrl(url)));
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
      ...LINK_BY_VERIFIED_EMAIL,
    });
  }
  if (env.AUTH_GITHUB_ID) providers.push(gitHub(env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET));
  if (env.AUTH_GOOGLE_ID) providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET, ...LINK_BY_VERIFIED_EMAIL }));
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

type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/**
 * GitHub sends no email_verified claim, and Auth.js's GitHub provider takes the public or primary
 * address whether verified or not. Benchtop asks GitHub's /user/emails for the primary address
 * and uses it only when GitHub verified it, as email_verified, like an OIDC provider.
 */
function gitHub(clientId: string, clientSecret: string | undefined): Provider {
  const base = GitHub({ clientId, clientSecret, ...LINK_BY_VERIFIED_EMAIL });
  return {
    ...base,
    userinfo: {
      url: "https://api.github.com/user",
      async request({ tokens }: { tokens: { access_token?: string } }) {
        const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "benchtop" };
        const profile = (await (await fetch("https://api.github.com/user", { headers })).json()) as Record<string, unknown>;
        const res = await fetch("https://api.github.com/user/emails", { headers });
        const email = res.ok ? verifiedGitHubEmail((await res.json()) as GitHubEmail[]) : null;
        return { ...profile, email, email_verified: email !== null };
      },
    },
  } as Provider;
}

/** The primary address GitHub lists for the account, when GitHub verified it (lower-cased). */
export function verifiedGitHubEmail(emails: GitHubEmail[]): string | null {
  const primary = emails.find((e) => e.primary);
  return primary?.verified ? primary.email.toLowerCase() : null;
}
