// A researcher creates a project and adds a colleague; the colleague sees it; a stranger gets 404.
import { expect, test } from "@playwright/test";
import { signInByEmail, uniqueEmail } from "./support/auth";

test("create a project, add a member: the member sees it, a non-member gets a 404 page", async ({ browser }) => {
  const owner = uniqueEmail("owner");
  const member = uniqueEmail("member");
  const stranger = uniqueEmail("stranger");
  const name = `Protein stability ${Date.now()}`;

  const ownerPage = await (await browser.newContext()).newPage();
  await signInByEmail(ownerPage, owner);
  await ownerPage.goto("/");
  await ownerPage.getByRole("button", { name: "New project" }).first().click();
  const dialog = ownerPage.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await expect(dialog.getByLabel("Slug")).toHaveValue(/^protein-stability-\d+$/);
  const slug = await dialog.getByLabel("Slug").inputValue();
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(ownerPage).toHaveURL(new RegExp(`/projects/${slug}$`));
  await expect(ownerPage.getByRole("heading", { name })).toBeVisible();

  await ownerPage.goto(`/projects/${slug}/settings`);
  await ownerPage.getByLabel("Email").fill(member);
  await ownerPage.getByRole("button", { name: "Add member" }).click();
  await expect(ownerPage.getByRole("list", { name: "Members" })).toContainText(member);

  const memberPage = await (await browser.newContext()).newPage();
  await signInByEmail(memberPage, member);
  await memberPage.goto("/");
  await memberPage.getByRole("link", { name: new RegExp(name) }).first().click();
  await expect(memberPage).toHaveURL(new RegExp(`/projects/${slug}$`));
  await expect(memberPage.getByRole("heading", { name })).toBeVisible();

  const strangerPage = await (await browser.newContext()).newPage();
  await signInByEmail(strangerPage, stranger);
  const res = await strangerPage.goto(`/projects/${slug}`);
  expect(res?.status()).toBe(404);
  await expect(strangerPage.getByText(name)).toHaveCount(0);
  await expect(strangerPage.getByRole("heading", { level: 1 })).toContainText(/not found/i);
});
