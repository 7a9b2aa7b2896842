// SSO sign-in (OIDC, Google, GitHub) follows the same invite-only rules, and an IdP account is
// linked to an existing Benchtop account by email only when the IdP says it verified that email.
//
// No identity provider runs here (none can be reached from this machine), so these call Auth.js's
// signIn callback directly with the user, account and profile Auth.js would hand it after the
// provider's callback; the rest of that flow is Auth.js's own.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.OIDC_ISSUER = "https://sso.uni.example";
  process.env.OIDC_CLIENT_ID = "benchtop";
  process.env.OIDC_CLIENT_SECRET = "not-used-here";
  process.env.BENCHTOP_ALLOWED_EMAIL_DOMAINS = "uni.oauth.test";
});

import { authConfig } from "../server/auth/auth";
import { verifiedGitHubEmail } from "../server/auth/providers";
import { db } from "../server/db/client";
import { uniqueAddress } from "./support/auth-client";
import { createUser } from "./support/factories";

afterAll(() => {
  for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "BENCHTOP_ALLOWED_EMAIL_DOMAINS"]) delete process.env[name];
});

type SignInArgs = Parameters<NonNullable<NonNullable<typeof authConfig.callbacks>["signIn"]>>[0];

/** What Auth.js passes after an IdP's callback for a person it has not linked yet. */
function fromIdp(provider: "oidc" | "google" | "github", email: string, profile: Record<string, unknown>): SignInArgs {
  const subject = `idp-${Math.random().toString(36).slice(2)}`;
  return {
    user: { id: subject, email, name: "From the IdP" },
    account: { provider, type: provider === "github" ? "oauth" : "oidc", providerAccountId: subject },
    profile: { sub: subject, email, ...profile },
  } as SignInArgs;
}

const signIn = (args: SignInArgs) => authConfig.callbacks!.signIn!(args);

describe("SSO sign-in", () => {
  it("links to an existing account only when the IdP says email_verified: true", async () => {
    const ana = await createUser({ labRole: "director" });
    expect(await signIn(fromIdp("oidc", ana.email, { email_verified: true }))).toBe(true);
    for (const claim of [{ email_verified: false }, {}, { email_verified: "no" }]) {
      expect(await signIn(fromIdp("oidc", ana.email, claim)), JSON.stringify(claim)).toBe("/signin?error=UnverifiedEmail");
    }
    // Google vouches the same way.
    expect(await signIn(fromIdp("google", ana.email, { email_verified: false }))).toBe("/signin?error=UnverifiedEmail");
    expect(await signIn(fromIdp("google", ana.email, { email_verified: true }))).toBe(true);
  });

  it("links GitHub the same way, from the verified primary address GitHub reports", async () => {
    const oidc = authConfig.providers.find((p) => typeof p !== "function" && p.id === "oidc");
    expect(oidc).toMatchObject({ allowDangerousEmailAccountLinking: true }); // safe only with the gate above
    const chen = await createUser({ labRole: "director" });
    expect(await signIn(fromIdp("github", chen.email, {}))).toBe("/signin?error=UnverifiedEmail");
    expect(await signIn(fromIdp("github", chen.email, { email_verified: true }))).toBe(true);
    // GitHub's /user/emails answer, as its API documents it: the primary address counts only when verified.
    expect(verifiedGitHubEmail([{ email: "old@x.example", primary: false, verified: true }, { email: "CHEN@Lab.example", primary: true, verified: true }])).toBe(
      "chen@lab.example",
    );
    expect(verifiedGitHubEmail([{ email: "chen@lab.example", primary: true, verified: false }])).toBeNull();
  });

  it("an account the IdP already linked signs in without the claim", async () => {
    const ben = await createUser({ labRole: "director" });
    const args = fromIdp("oidc", ben.email, {});
    await db.account.create({
      data: { userId: ben.id, type: "oidc", provider: "oidc", providerAccountId: args.account!.providerAccountId },
    });
    expect(await signIn(args)).toBe(true);
  });

  it("applies the invite-only rules to new people, on addresses the IdP has not disowned", async () => {
    const student = () => uniqueAddress("student", "uni.oauth.test");
    expect(await signIn(fromIdp("oidc", student(), { email_verified: true }))).toBe(true);
    // The lab's own IdP may leave the claim out; an address it says it did not verify is refused.
    expect(await signIn(fromIdp("oidc", student(), {}))).toBe(true);
    expect(await signIn(fromIdp("oidc", student(), { email_verified: false }))).toBe("/signin?error=UnverifiedEmail");
    // Anyone has a Google or GitHub account: there the claim is required.
    expect(await signIn(fromIdp("google", student(), {}))).toBe("/signin?error=UnverifiedEmail");
    expect(await signIn(fromIdp("github", student(), { email_verified: true }))).toBe(true);
    expect(await signIn(fromIdp("oidc", uniqueAddress("stranger", "elsewhere.example"), { email_verified: true }))).toBe(false);
    expect(await signIn(fromIdp("github", uniqueAddress("stranger", "elsewhere.example"), { email_verified: true }))).toBe(false);
    const noEmail = fromIdp("github", "", {});
    expect(await signIn({ ...noEmail, user: { id: "x" } } as SignInArgs)).toBe(false);
  });
});
