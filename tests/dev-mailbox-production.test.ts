// Production never serves the dev mailbox, page or JSON, and never keeps mail in it.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BENCHTOP_MODE = "production";
});

import { GET } from "../app/api/dev/mailbox/route";
import DevMailboxPage from "../app/dev/mailbox/page";
import { db } from "../server/db/client";
import { sendMail } from "../server/mail/send-mail";

afterAll(() => {
  process.env.BENCHTOP_MODE = "development";
});

describe("the dev mailbox in production", () => {
  it("answers 404 as JSON and as a page, even with mail in the table", async () => {
    await db.devMail.create({ data: { to: "someone@prod.test", subject: "Sign in to Benchtop", text: "secret link", link: "http://x/secret" } });
    const res = await GET(new Request("http://localhost:3000/api/dev/mailbox"));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("secret");
    // notFound() throws Next's 404 signal, which the App Router turns into the 404 page.
    await expect(DevMailboxPage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  it("sends no mail without SMTP rather than keeping it", async () => {
    await expect(sendMail({ to: "a@prod.test", subject: "s", text: "t" })).rejects.toThrow(/No SMTP_URL/);
    expect(await db.devMail.count({ where: { to: "a@prod.test" } })).toBe(0);
  });
});
