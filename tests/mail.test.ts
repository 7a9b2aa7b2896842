import { describe, expect, it } from "vitest";
import { listDevMail, sendMail, signInMail } from "../server/mail/send-mail";

describe("mail without SMTP (development)", () => {
  it("keeps sign-in mail in the dev mailbox with its link", async () => {
    const to = `mailbox-${Date.now()}@test.benchtop.dev`;
    const link = `http://localhost:3000/api/auth/callback/email?token=abc&email=${encodeURIComponent(to)}`;
    await sendMail(signInMail(to, link));
    const mail = (await listDevMail()).find((m) => m.to === to);
    expect(mail).toMatchObject({ subject: "Sign in to Benchtop", link });
    expect(mail?.text).toContain(link);
  });
});
