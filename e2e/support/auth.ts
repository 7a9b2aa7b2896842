// Signing in without the form (the form has its own test): ask Auth.js for a magic link over
// HTTP, read it from the dev mailbox's JSON, open it in the page and press "Continue" there (the
// link itself signs nobody in, so that mail scanners cannot spend it).
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

/** The e2e servers' first admin (BENCHTOP_ADMIN_EMAILS): an admin from their first sign-in. */
export const E2E_ADMIN_EMAIL = "lab-admin@admins.e2e-benchtop.dev";

/** A fresh address of e2e.benchtop.dev, the domain the e2e servers let in. */
export function uniqueEmail(who: string): string {
  return `${who}-${randomUUID().slice(0, 8)}@e2e.benchtop.dev`;
}

type DevMail = { link: string | null };

async function mailsTo(page: Page, email: string): Promise<DevMail[]> {
  const res = await page.request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  return ((await res.json()) as { mails: DevMail[] }).mails;
}

export async function mailCount(page: Page, email: string): Promise<number> {
  return (await mailsTo(page, email)).length;
}

export async function latestSignInLink(page: Page, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => (link = (await mailsTo(page, email))[0]?.link ?? undefined), { message: `a sign-in mail for ${email} in the dev mailbox` })
    .toBeTruthy();
  return link!;
}

/** POST /api/auth/signin/email as a script would; the answer is the same whoever the address is. */
export async function askForLink(page: Page, email: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
}

/** Opens a mailed link and presses its "Continue as ..." button. */
export async function continueWithLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("button", { name: /^Continue as / }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

export async function signInByEmail(page: Page, email: string): Promise<void> {
  // Mail leaves in the background: wait for this request's mail, not an earlier (spent) one.
  const before = await mailCount(page, email);
  await askForLink(page, email);
  await expect.poll(() => mailCount(page, email), { message: `a new sign-in mail for ${email} in the dev mailbox` }).toBeGreaterThan(before);
  await continueWithLink(page, await latestSignInLink(page, email));
}
