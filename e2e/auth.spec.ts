// The sign-in form itself: a magic link asked for in the browser, read from the dev mailbox page.
import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./support/auth";

test("signs in with an email link from the dev mailbox", async ({ page }) => {
  const email = uniqueEmail("ana");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);

  await page.goto("/dev/mailbox");
  const mail = page.getByRole("listitem").filter({ hasText: email }).first();
  await expect(mail).toBeVisible();
  await mail.getByRole("link", { name: "Open sign-in link" }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("button", { name: new RegExp(`Account menu`) })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a used or wrong link is refused in words", async ({ page }) => {
  await page.goto(`/api/auth/callback/email?token=not-a-token&email=${encodeURIComponent(uniqueEmail("mallory"))}`);
  await expect(page).toHaveURL(/\/signin\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: /sign-in link/i })).toBeVisible();
});

test("an invalid email address gets a message, not a request", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  expect(await page.getByLabel("Email").evaluate((el: HTMLInputElement) => el.validationMessage)).not.toBe("");
});
