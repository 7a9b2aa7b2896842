// Magic links: one use, 15 minutes, an outstanding link dies when another is used, and opening a
// link (GET) changes nothing: only the "Continue" form on the page it opens signs in.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import LinkPage from "../app/signin/link/page";
import { resolveActor } from "../server/auth/actor";
import { describeLink } from "../server/auth/magic-links";
import { db } from "../server/db/client";
import { AuthClient, destinationOf, latestLink, mailsTo } from "./support/auth-client";
import { createUser } from "./support/factories";

async function invitedAddress(): Promise<string> {
  return (await createUser({ labRole: "director" })).email;
}

async function pageText(link: string): Promise<string> {
  const url = new URL(link);
  const element = await LinkPage({ searchParams: Promise.resolve(Object.fromEntries(url.searchParams)) });
  return renderToStaticMarkup(element)
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
}

function linkParts(link: string) {
  const url = new URL(link);
  return { email: url.searchParams.get("email")!, token: url.searchParams.get("token")! };
}

describe("magic links", () => {
  it("the mailed link opens a page that asks before it signs in", async () => {
    const email = await invitedAddress();
    const client = new AuthClient();
    await client.requestLink(email);
    const link = await latestLink(email);
    expect(new URL(link).pathname).toBe("/signin/link");
    expect(await pageText(link)).toContain(`Continue as ${email}`);
    // Opening it again (a mail scanner prefetching it) still leaves it usable.
    expect(await pageText(link)).toContain(`Continue as ${email}`);
    const res = await client.useLink(link);
    expect(await destinationOf(res)).toBe("http://localhost:3000/");
    expect(client.sessionCookie).not.toBeNull();
  });

  it("GET on Auth.js's own callback URL signs nobody in and leaves the link usable", async () => {
    const email = await invitedAddress();
    const client = new AuthClient();
    await client.requestLink(email);
    const { token } = linkParts(await latestLink(email));
    const get = await client.get(`/api/auth/callback/email?${new URLSearchParams({ token, email })}`);
    expect(get.headers.get("location")).toMatch(/\/signin\/link\?/);
    expect(client.sessionCookie).toBeNull();
    expect((await describeLink({ email, token })).state).toBe("valid");
  });

  it("works once: a used link is refused with a page that says it was used", async () => {
    const email = await invitedAddress();
    await new AuthClient().requestLink(email);
    const link = await latestLink(email);
    await new AuthClient().useLink(link);

    const again = new AuthClient();
    const res = await again.useLink(link);
    expect(again.sessionCookie).toBeNull();
    expect(await destinationOf(res)).toMatch(/\/signin\/link\?/);
    expect((await describeLink(linkParts(link))).state).toBe("used");
    const text = await pageText(link);
    expect(text).toContain("This sign-in link was already used");
    expect(text).toContain(`Send a new link to ${email}`);
  });

  it("expires 15 minutes after it was sent, and says so", async () => {
    const email = await invitedAddress();
    const before = Date.now();
    await new AuthClient().requestLink(email);
    const link = await latestLink(email);
    const row = await db.verificationToken.findFirstOrThrow({ where: { identifier: email } });
    expect(row.expires.getTime() - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(row.expires.getTime() - before).toBeLessThanOrEqual(15 * 60_000 + 5000);
    expect(await mailsTo(email).then((m) => m[0]!.text)).toContain("15 minutes");

    // As if it were opened 16 minutes later.
    await db.verificationToken.updateMany({ where: { identifier: email }, data: { expires: new Date(Date.now() - 60_000) } });
    const client = new AuthClient();
    await client.useLink(link);
    expect(client.sessionCookie).toBeNull();
    expect((await describeLink(linkParts(link))).state).toBe("expired");
    expect(await pageText(link)).toContain("This sign-in link has expired");
  });

  it("an older link dies when a newer one is used, and says why", async () => {
    const email = await invitedAddress();
    await new AuthClient().requestLink(email);
    const older = await latestLink(email);
    await new AuthClient().requestLink(email);
    await expect.poll(async () => (await mailsTo(email)).length).toBe(2);
    const newer = await latestLink(email);
    expect(newer).not.toBe(older);

    const signedIn = new AuthClient();
    await signedIn.useLink(newer);
    expect(signedIn.sessionCookie).not.toBeNull();

    const late = new AuthClient();
    await late.useLink(older);
    expect(late.sessionCookie).toBeNull();
    expect((await describeLink(linkParts(older))).state).toBe("superseded");
    expect(await pageText(older)).toContain("Another sign-in link sent to this address was used");
  });

  it("a made-up link is refused, and two presses of one button sign in once", async () => {
    const email = await invitedAddress();
    expect(await pageText(`http://localhost:3000/signin/link?token=nonsense&email=${encodeURIComponent(email)}`)).toContain(
      "This sign-in link does not work",
    );
    await new AuthClient().requestLink(email);
    const link = await latestLink(email);
    const a = new AuthClient();
    const b = new AuthClient();
    await Promise.all([a.useLink(link), b.useLink(link)]);
    const sessions = [a.sessionCookie, b.sessionCookie].filter(Boolean);
    expect(sessions).toHaveLength(1);
    const { actor } = await resolveActor(new Headers({ cookie: sessions[0]! }));
    expect(actor?.email).toBe(email);
  });
});
