// CSRF in Chromium with the person's real cookie: a page on another port of localhost (the same
// site, so the SameSite=Lax session cookie rides along) tries to add an owner to their project,
// through REST and through tRPC. Benchtop refuses; the same mutation from Benchtop's own page works.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { signInByEmail, uniqueEmail } from "./support/auth";
import { appRequest } from "./support/request";

const ATTACKER_PORT = Number(process.env.E2E_PORT_BASE ?? 3310) + 8;

// What the other page runs: the request from the issue (no CORS preflight for text/plain), and
// the tRPC mutation as text/plain and as a form (the two bodies a page may send cross-origin).
function attackPage(app: string, slug: string, email: string): string {
  const member = JSON.stringify({ email, role: "owner" });
  const trpc = JSON.stringify({ json: { projectSlug: slug, email, role: "owner" } });
  return `<!doctype html><title>cats</title><script>
  const opts = { method: "POST", credentials: "include", mode: "no-cors" };
  const form = new FormData(); form.set("projectSlug", ${JSON.stringify(slug)}); form.set("email", ${JSON.stringify(email)});
  Promise.allSettled([
    fetch(${JSON.stringify(`${app}/api/v1/projects/${slug}/members`)}, { ...opts, headers: { "content-type": "text/plain; x=application/json" }, body: ${JSON.stringify(member)} }),
    fetch(${JSON.stringify(`${app}/api/trpc/projects.addMember`)}, { ...opts, headers: { "content-type": "text/plain" }, body: ${JSON.stringify(trpc)} }),
    fetch(${JSON.stringify(`${app}/api/trpc/projects.addMember`)}, { ...opts, body: form }),
  ]).then(() => { document.title = "sent"; });
  </script>`;
}

test("a page on another port cannot add an owner with the person's cookie; Benchtop's own page can add a member", async ({ page, baseURL }) => {
  await signInByEmail(page, uniqueEmail("victim"));
  const slug = `csrf-${Date.now().toString(36)}`;
  // The person's own page creates the project (a same-origin browser mutation, over REST).
  await page.goto("/");
  const created = await page.evaluate(async (s) => {
    const res = await fetch("/api/v1/projects", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "CSRF target", slug: s }) });
    return res.status;
  }, slug);
  expect(created).toBe(201);

  const mallory = uniqueEmail("mallory");
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(attackPage(baseURL!, slug, mallory)));
  await new Promise<void>((resolve) => server.listen(ATTACKER_PORT, "127.0.0.1", resolve));
  try {
    // The page cannot read the answers (they are cross-origin); the browser's network log can.
    const answers: { url: string; status: number }[] = [];
    page.on("response", (res) => {
      if (res.url().startsWith(baseURL!) && res.request().method() === "POST") answers.push({ url: res.url(), status: res.status() });
    });
    await page.goto(`http://localhost:${ATTACKER_PORT}/`);
    await expect(page).toHaveTitle("sent");
    await expect.poll(() => answers.length).toBe(3);
    // Before the edge checked Origin, the REST one answered 201 and mallory was an owner.
    for (const answer of answers) expect(answer.status, answer.url).toBe(403);
  } finally {
    server.close();
  }

  await page.goto(`/projects/${slug}/settings`);
  const members = page.getByRole("list", { name: "Members" });
  await expect(members).toBeVisible();
  await expect(members).not.toContainText(mallory);
  // From Benchtop's own page the tRPC mutation works (the settings form), and a test's request
  // helper, which sends the Origin a browser would, works over REST.
  const colleague = uniqueEmail("colleague");
  await page.getByLabel("Email").fill(colleague);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(members).toContainText(colleague);
  expect((await appRequest(page).post(`/api/v1/projects/${slug}/members`, { data: { email: uniqueEmail("third"), role: "viewer" } })).status()).toBe(201);
  // Playwright's request context sends no Origin: a cookie mutation without one is refused.
  const bare = await page.request.post(`/api/v1/projects/${slug}/members`, { data: { email: uniqueEmail("fourth"), role: "viewer" } });
  expect(bare.status()).toBe(403);
  expect((await bare.json()).error.message).toContain("no Origin header");
});
