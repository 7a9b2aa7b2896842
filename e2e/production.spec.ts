// Production mode: no demo sign-in, no dev mailbox, however the request is made.
import { expect, test } from "@playwright/test";

test("has no dev mailbox", async ({ page, request }) => {
  expect((await request.get("/api/dev/mailbox")).status()).toBe(404);
  const res = await page.goto("/dev/mailbox");
  expect(res?.status()).toBe(404);
});

test("refuses demo sign-in even when asked directly", async ({ request }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/demo", {
    form: { userId: "any-user", csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  expect(res.headers()["location"]).toContain("error=");
  const session = await (await request.get("/api/auth/session")).json();
  expect(session).toBeNull();
  expect((await request.get("/api/trpc/me.whoami")).status()).toBe(401);
});

test("the sign-in page offers no demo people", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Ana Souza")).toHaveCount(0);
});
