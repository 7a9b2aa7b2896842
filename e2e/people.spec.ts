// The people page, as the lab's first admin (BENCHTOP_ADMIN_EMAILS on the e2e servers) uses it:
// inviting an address lets it in; ending someone's sessions signs their browsers out at once.
import { expect, test, type Page } from "@playwright/test";
import { askForLink, E2E_ADMIN_EMAIL, latestSignInLink, mailCount, signInByEmail, uniqueEmail } from "./support/auth";

async function openPeople(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "People" }).click();
  await expect(page).toHaveURL(/\/settings\/people$/);
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
}

test("ending someone's sessions from the people page kills their cookie at once", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInByEmail(admin, E2E_ADMIN_EMAIL);
  const ana = uniqueEmail("ana");
  const anaPage = await (await browser.newContext()).newPage();
  await signInByEmail(anaPage, ana);
  expect((await anaPage.request.get("/api/trpc/me.whoami")).status()).toBe(200);

  await openPeople(admin);
  const row = admin.getByRole("row", { name: ana });
  await expect(row.getByText("1 active")).toBeVisible();
  await row.getByRole("button", { name: /End sessions/ }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "End sessions" }).click();
  await expect(admin.getByText(/Ended 1 session of/)).toBeVisible();
  await expect(row.getByText("None")).toBeVisible();

  expect((await anaPage.request.get("/api/trpc/me.whoami")).status()).toBe(401);
  expect((await anaPage.request.get("/api/v1/me")).status()).toBe(401);
  await anaPage.goto("/projects");
  await expect(anaPage).toHaveURL(/\/signin\?callbackUrl=%2Fprojects/);
});

test("an invited address may sign in; before the invitation it got no mail", async ({ browser }) => {
  const guest = `guest-${Date.now()}@partner.example`;
  const admin = await (await browser.newContext()).newPage();
  await askForLink(admin, guest);
  await signInByEmail(admin, E2E_ADMIN_EMAIL);
  expect(await mailCount(admin, guest)).toBe(0);

  await openPeople(admin);
  await admin.getByLabel("Email").fill(guest);
  await admin.getByRole("button", { name: "Invite" }).click();
  await expect(admin.getByText(`Invited ${guest}`)).toBeVisible();
  const row = admin.getByRole("row", { name: guest });
  await expect(row.getByText("Invited")).toBeVisible();
  await admin.screenshot({ path: test.info().outputPath("people-page.png"), fullPage: true });

  const guestPage = await (await browser.newContext()).newPage();
  await expect.poll(() => mailCount(guestPage, guest)).toBe(1); // the invitation
  await askForLink(guestPage, guest);
  await expect.poll(() => mailCount(guestPage, guest)).toBe(2);
  await guestPage.goto(await latestSignInLink(guestPage, guest));
  await guestPage.getByRole("button", { name: `Continue as ${guest}` }).click();
  await expect(guestPage.getByRole("button", { name: /Account menu/ })).toBeVisible();
});

test("a researcher is not shown the lab's people", async ({ page }) => {
  await signInByEmail(page, uniqueEmail("researcher"));
  await page.goto("/settings/people");
  await expect(page.getByText("Lab admins and directors only")).toBeVisible();
  expect((await page.request.get("/api/v1/people")).status()).toBe(403);
});
