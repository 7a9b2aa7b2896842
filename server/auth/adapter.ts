// Auth.js's Prisma adapter with three of its steps replaced: new accounts start as the sign-in
// policy says (external, or admin for a bootstrap address), and magic-link tokens follow the
// rules of magic-links.ts instead of being deleted on first sight.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "../db/client";
import { createLinkToken, useLinkToken } from "./magic-links";
import { newAccount } from "./sign-in-policy";

export function benchtopAdapter(): Adapter {
  return {
    ...PrismaAdapter(db),
    createUser: async ({ email, name, image, emailVerified }: AdapterUser) => {
      const address = email.toLowerCase();
      return db.user.create({ data: { email: address, name, image, emailVerified, ...newAccount(address) } });
    },
    createVerificationToken: createLinkToken,
    useVerificationToken: useLinkToken,
  };
}
