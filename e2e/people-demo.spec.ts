// The people page in the demo lab, as its director Helen sees it: Chen, from a partner lab, is
// external, with the button that would make him a lab member.
import { expect, test } from "@playwright/test";

test("the director sees everyone, the external marked, and nothing she may not change", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Helen Park/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/settings/people");
  const chen = page.getByRole("row", { name: /chen\.wei@/ });
  await expect(chen.getByText("External")).toBeVisible();
  await expect(chen.getByRole("button", { name: /Make lab member/ })).toBeVisible();
  // Directors invite researchers only, and change no lab roles.
  await expect(page.getByRole("combobox", { name: /Lab role of/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("people-demo.png"), fullPage: true });
});
