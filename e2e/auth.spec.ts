// Signing in as a person does it: the form, the mail in the dev mailbox, the page the link opens,
// and what happens to a link or a cookie afterwards. The development server lets in addresses of
// e2e.benchtop.dev (BENCHTOP_ALLOWED_EMAIL_DOMAINS in playwright.config.ts); others are strangers.
import { expect, test, type Page } from "@playwright/test";
import { askForLink, continueWithLink, latestSignInLink, mailCount, signInByEmail, uniqueEmail } from "./support/auth";

const SENTENCE = "If this address may sign in, a link is on its way";

async function askInTheForm(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
}

test("signs in with an email link: the link opens a page that asks before it signs in", async ({ page }) => {
  const email = uniqueEmail("ana");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await askInTheForm(page, email);
  await expect(page).toHaveURL(/\/signin\/check-email/);
  await expect(page.getByText(SENTENCE)).toBeVisible();

  await page.goto("/dev/mailbox");
  const mail = page.getByRole("listitem").filter({ hasText: email }).first();
  await expect(mail).toBeVisible();
  await mail.getByRole("link", { name: "Open sign-in link" }).click();

  await expect(page).toHaveURL(/\/signin\/link\?/);
  await page.getByRole("button", { name: `Continue as ${email}` }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
});

test("a stranger gets the same page and sentence, and no mail", async ({ page }) => {
  const stranger = `stranger-${Date.now()}@elsewhere.example`;
  await askInTheForm(page, stranger);
  await expect(page).toHaveURL(/\/signin\/check-email/);
  await expect(page.getByText(SENTENCE)).toBeVisible();
  // A member asked after the stranger; once the member's mail is there, the stranger's would be too.
  const member = uniqueEmail("member");
  await askForLink(page, member);
  await latestSignInLink(page, member);
  expect(await mailCount(page, stranger)).toBe(0);
});

test("a used link and a replaced link are refused with a page that says which, and offers a new one", async ({ browser }) => {
  const email = uniqueEmail("ben");
  const first = await (await browser.newContext()).newPage();
  await askForLink(first, email);
  const older = await latestSignInLink(first, email);
  await askForLink(first, email);
  await expect.poll(() => mailCount(first, email)).toBe(2);
  const newer = await latestSignInLink(first, email);
  await continueWithLink(first, newer);

  const second = await (await browser.newContext()).newPage();
  await second.goto(newer);
  await expect(second.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await expect(second.getByText("This sign-in link was already used")).toBeVisible();
  await second.goto(older);
  await expect(second.getByRole("heading", { name: "This link was replaced" })).toBeVisible();
  await expect(second.getByText("Another sign-in link sent to this address was used")).toBeVisible();

  await second.getByRole("button", { name: `Send a new link to ${email}` }).click();
  await expect(second).toHaveURL(/\/signin\/check-email/);
  await expect.poll(() => mailCount(second, email)).toBe(3);
});

test("a made-up link is refused in words", async ({ page }) => {
  await page.goto(`/api/auth/callback/email?token=not-a-token&email=${encodeURIComponent(uniqueEmail("mallory"))}`);
  await expect(page).toHaveURL(/\/signin\/link\?/);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
});

test("signing out ends the session: the old cookie, replayed, gets 401 on tRPC and REST and a redirect on pages", async ({ browser, page }) => {
  await signInByEmail(page, uniqueEmail("carol"));
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);
  expect((await page.request.get("/api/trpc/me.whoami")).status()).toBe(200);

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Someone who copied the cookie before sign-out replays it.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  expect((await replay.request.get("/api/trpc/me.whoami")).status()).toBe(401);
  expect((await replay.request.get("/api/v1/me")).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/projects");
  await expect(replayPage).toHaveURL(/\/signin\?callbackUrl=%2Fprojects/);
});

test("asking for too many links gets the sentence that says when to try again", async ({ page }) => {
  const email = uniqueEmail("dora");
  for (let i = 0; i < 5; i++) await askForLink(page, email);
  await askInTheForm(page, email);
  // (Next's route announcer is an alert too, hence the filter.)
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(
    "Too many sign-in links were asked for this address. Try again in 15 minutes.",
  );
});

test("an invalid email address gets a message, not a request", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  expect(await page.getByLabel("Email").evaluate((el: HTMLInputElement) => el.validationMessage)).not.toBe("");
});
