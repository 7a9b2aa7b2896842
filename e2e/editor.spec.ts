// The editor in Chromium against the demo server: Monaco from Benchtop's own origin, a save that
// shows its version in the history, and a save over someone else's newer save shown as a
// conflict with both versions side by side. Each test writes a file of its own.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoCspViolations, watchCsp } from "./support/csp";
import { appRequest } from "./support/request";

// Two browsers and Monaco's first load: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

async function signInAs(page: Page, name: string) {
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function newFile(page: Page, text: string): Promise<string> {
  const path = `e2e/editor-${randomUUID().slice(0, 8)}.py`;
  const res = await appRequest(page).put(`/api/v1/projects/demo/files/content?path=${encodeURIComponent(path)}`, { data: text });
  expect(res.status()).toBe(201);
  return path;
}

async function openInEditor(page: Page, path: string) {
  await page.goto(`/projects/demo/files/${path}`);
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("print", { timeout: 30_000 });
}

async function typeAtEnd(page: Page, text: string) {
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
}

async function contextAs(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, name);
  return { context, page };
}

test("edit in Monaco, save with Ctrl+S, see the version in history; nothing loads from another origin, nothing breaks the page's CSP", async ({ page, baseURL }) => {
  const csp = watchCsp(page);
  const foreign: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL!) && !/^(data|blob):/.test(url)) foreign.push(url);
  });
  await signInAs(page, "Ana Souza");
  const path = await newFile(page, 'print("hello")\n');
  await openInEditor(page, path);
  await expect(page.getByTestId("file-version")).toHaveText("Version 1");

  await typeAtEnd(page, 'print("edited in the browser")');
  await expect(page.getByTestId("dirty-dot")).toBeVisible();
  await expect(page.getByTestId("file-version")).toHaveText("Edited from version 1");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("file-version")).toHaveText("Version 2");
  await expect(page.getByTestId("dirty-dot")).toHaveCount(0);

  await page.getByRole("button", { name: "History" }).click();
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("button")).toHaveCount(2);
  await expect(versions.getByRole("button").first()).toContainText("Version 2");
  await expect(versions.getByRole("button").first()).toContainText("Ana Souza");
  await expect(page.getByTestId("history-diff")).toContainText("edited in the browser");

  const saved = await page.request.get(`/api/v1/projects/demo/files/content?path=${encodeURIComponent(path)}`);
  expect(await saved.text()).toBe('print("hello")\nprint("edited in the browser")');
  // Monaco, its workers and its fonts all came from Benchtop itself, under the page's nonce CSP
  // (its AMD loader, its injected styles, the diff editor's worker).
  expect(foreign).toEqual([]);
  await expectNoCspViolations(csp);
});

test("a save over someone else's newer save shows the conflict and keeps both", async ({ page, browser }) => {
  await signInAs(page, "Ana Souza");
  const path = await newFile(page, 'print("base")\n');
  await openInEditor(page, path);
  await expect(page.getByTestId("file-version")).toHaveText("Version 1");

  // Ben, in a browser of his own, saves version 2 first.
  const ben = await contextAs(browser, "Ben Okafor");
  await openInEditor(ben.page, path);
  await typeAtEnd(ben.page, 'print("ben was here")');
  await ben.page.keyboard.press("ControlOrMeta+s");
  await expect(ben.page.getByTestId("file-version")).toHaveText("Version 2");
  await ben.context.close();

  await typeAtEnd(page, 'print("ana was here")');
  await page.keyboard.press("ControlOrMeta+s");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("changed while you were editing");
  await expect(dialog).toContainText("Ben Okafor saved version 2");
  await expect(dialog.getByTestId("conflict-diff")).toContainText("ben was here");
  await expect(dialog.getByTestId("conflict-diff")).toContainText("ana was here");

  // Keeping hers, knowingly: a new version on top of Ben's; Ben's stays in the history.
  await dialog.getByRole("button", { name: "Keep mine (save as version 3)" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("file-version")).toHaveText("Version 3");
  await page.getByRole("button", { name: "History" }).click();
  const versions = page.getByRole("list", { name: "Versions" }).getByRole("button");
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(1)).toContainText("Version 2");
  await expect(versions.nth(1)).toContainText("Ben Okafor");
});

test("closing a tab with unsaved changes asks first; Cancel keeps the edit", async ({ page }) => {
  await signInAs(page, "Ana Souza");
  const path = await newFile(page, 'print("draft")\n');
  const name = path.split("/").pop()!;
  await openInEditor(page, path);
  await typeAtEnd(page, "# not saved yet");
  await page.getByRole("button", { name: `Close ${name} (unsaved changes)` }).click();
  const ask = page.getByRole("alertdialog", { name: `Close ${path}?` });
  await expect(ask).toContainText("unsaved changes");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("tab", { name: new RegExp(name) })).toBeVisible();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("not saved yet");

  await page.getByRole("button", { name: `Close ${name} (unsaved changes)` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Close without saving" }).click();
  await expect(page.getByRole("tab", { name: new RegExp(name) })).toHaveCount(0);
});
