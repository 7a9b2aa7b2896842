// next-auth (Auth.js v5). Sessions are JWT cookies (the demo's one-click sign-in is a credentials
// provider, which needs them) that name a Session row checked on every request (sessions.ts), so
// signing out, or an admin ending someone's sessions, takes effect at once. Magic-link tokens and
// OAuth accounts live in PostgreSQL through the Prisma adapter (adapter.ts).
import NextAuth, { type NextAuthConfig } from "next-auth";
import { env } from "../env";
import { log } from "../log";
import { benchtopAdapter } from "./adapter";
import { buildProviders } from "./providers";
import { recordSignIn } from "./record-sign-in";
import { useSecureCookies } from "./session-cookie";
import { endSession, liveSessionUser, SESSION_MAX_AGE_S, startSession } from "./sessions";
import { decideSignIn } from "./sign-in-callback";

export const authConfig = {
  adapter: benchtopAdapter(),
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Tied to BENCHTOP_URL rather than to each request, so session-cookie.ts knows the cookie's name.
  useSecureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  providers: buildProviders(),
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  logger: {
    error: (error) => log.warn({ err: { name: error.name, message: error.message } }, "auth error"),
    warn: (code) => log.debug({ code }, "auth warning"),
    debug: () => undefined,
  },
  callbacks: {
    signIn: (params) => decideSignIn(params),
    async jwt({ token, user, account }) {
      if (user?.id) {
        // A sign-in, by any method: the cookie about to be written names a new Session row.
        return { ...token, sub: user.id, sid: await startSession(user.id, account?.provider ?? "unknown") };
      }
      // Auth.js's own reads of the cookie (GET /api/auth/session): null ends it and clears it.
      return (await liveSessionUser(token)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signIn({ user, account }) {
      if (user.id) await recordSignIn(user.id, account?.provider ?? "unknown");
    },
    async signOut(message) {
      if ("token" in message && message.token) await endSession(message.token);
    },
  },
} satisfies NextAuthConfig;

export const { handlers, signIn, signOut } = NextAuth(authConfig);
