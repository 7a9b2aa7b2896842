// next-auth (Auth.js v5). Sessions are signed JWT cookies (the demo's one-click sign-in is a
// credentials provider, which needs them); magic-link tokens and OAuth accounts live in
// PostgreSQL through the Prisma adapter.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import { buildProviders } from "./providers";

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: PrismaAdapter(db),
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  providers: buildProviders(),
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  logger: {
    error: (error) => log.warn({ err: { name: error.name, message: error.message } }, "auth error"),
    warn: (code) => log.debug({ code }, "auth warning"),
    debug: () => undefined,
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signIn({ user, account }) {
      if (!user.id) return;
      await recordAuditEvent(db, { actorId: user.id, action: "user.signed_in", data: { method: account?.provider ?? "unknown" } });
    },
  },
});
