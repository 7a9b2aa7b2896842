// Sign-in links are rate limited per address and per client, in PostgreSQL (so several app
// instances agree), and the answer says when to try again.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // A small per-client limit so the test stays short; the per-address one is the default (5).
  process.env.BENCHTOP_SIGNIN_LIMIT_PER_CLIENT = "8";
});

import { signInErrorMessage } from "../components/auth/sign-in-errors";
import { db } from "../server/db/client";
import { AuthClient, destinationOf, latestLink, mailsTo, uniqueAddress } from "./support/auth-client";
import { createUser } from "./support/factories";

afterAll(() => {
  delete process.env.BENCHTOP_SIGNIN_LIMIT_PER_CLIENT;
});

/** The sentence /signin shows for where a refused request sends the browser. */
async function sentenceFor(res: Response): Promise<string | null> {
  const url = new URL((await destinationOf(res))!, "http://localhost:3000");
  expect(url.pathname).toBe("/signin");
  return signInErrorMessage(Object.fromEntries(url.searchParams));
}

describe("sign-in link rate limits", () => {
  it("the sixth link for one address within 15 minutes is refused with when to try again", async () => {
    const email = (await createUser({ labRole: "director" })).email;
    for (let i = 0; i < 5; i++) {
      const res = await new AuthClient().requestLink(email);
      expect(await destinationOf(res)).toMatch(/verify-request/);
    }
    await expect.poll(async () => (await mailsTo(email)).length).toBe(5);
    // The five were asked for three minutes ago: the oldest leaves the window in 12 minutes.
    await db.signInRequest.updateMany({ where: { email }, data: { createdAt: new Date(Date.now() - 3 * 60_000) } });

    const refused = await new AuthClient().requestLink(email);
    expect(await sentenceFor(refused)).toBe("Too many sign-in links were asked for this address. Try again in 12 minutes.");
    expect(refused.headers.get("retry-after")).toBe(String(12 * 60));
    await new AuthClient().requestLink(uniqueAddress("someone", "elsewhere.example")); // later mail, to wait behind
    expect(await mailsTo(email)).toHaveLength(5);

    // Once the window has passed, links come again.
    await db.signInRequest.updateMany({ where: { email }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    await new AuthClient().requestLink(email);
    await expect.poll(async () => (await mailsTo(email)).length).toBe(6);
  });

  it("counts an uninvited address the same, so the limit tells nothing about membership", async () => {
    const stranger = uniqueAddress("stranger", "elsewhere.example");
    for (let i = 0; i < 5; i++) await new AuthClient().requestLink(stranger);
    const refused = await new AuthClient().requestLink(stranger);
    expect(await sentenceFor(refused)).toBe("Too many sign-in links were asked for this address. Try again in 15 minutes.");
  });

  it("limits one client asking for many addresses", async () => {
    const client = new AuthClient();
    const addresses = await Promise.all(Array.from({ length: 9 }, async () => (await createUser({ labRole: "director" })).email));
    for (const email of addresses.slice(0, 8)) expect(await destinationOf(await client.requestLink(email))).toMatch(/verify-request/);
    const refused = await client.requestLink(addresses[8]!);
    expect(await sentenceFor(refused)).toBe("Too many sign-in links were asked from this network address. Try again in 15 minutes.");
    // Another client is not held back by this one.
    await new AuthClient().requestLink(addresses[8]!);
    expect(await latestLink(addresses[8]!)).toContain("token=");
  });

  it("holds under concurrent requests, as from several app instances at once", async () => {
    const email = (await createUser({ labRole: "director" })).email;
    const answers = await Promise.all(Array.from({ length: 10 }, () => new AuthClient().requestLink(email).then(destinationOf)));
    expect(answers.filter((a) => a?.includes("verify-request"))).toHaveLength(5);
    expect(answers.filter((a) => a?.includes("error=TooManyLinks"))).toHaveLength(5);
    await expect.poll(async () => (await mailsTo(email)).length).toBe(5);
  });
});
