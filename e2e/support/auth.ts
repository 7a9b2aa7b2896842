// Signing in without the form (the form has its own test): ask Auth.js for a magic link over
// HTTP, read it from the dev mailbox's JSON, and follow it in the page's browser context.
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export function uniqueEmail(who: string): string {
  return `${who}-${randomUUID().slice(0, 8)}@e2e.benchtop.dev`;
}

export async function latestSignInLink(page: Page, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
      const { mails } = (await res.json()) as { mails: { link: string | null }[] };
      link = mails[0]?.link ?? undefined;
      return link;
    }, { message: `a sign-in mail for ${email} in the dev mailbox` })
    .toBeTruthy();
  return link!;
}

export async function signInByEmail(page: Page, email: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  await page.goto(await latestSignInLink(page, email));
  await expect(page).not.toHaveURL(/\/signin/);
}
