// A job's page follows the job without a reload, over one subscription (jobs.watch): it waits in
// the queue behind a job that holds all of the demo agent's GPUs, starts, reports progress and
// metrics, ends and lists its artifact, while the page makes none of the old polls. Someone
// outside the project gets neither the page nor the stream. Runs against the demo server.
import { expect, test, type Page } from "@playwright/test";
import { signInByEmail, uniqueEmail } from "./support/auth";
import { expectNoCspViolations, watchCsp } from "./support/csp";
import { appRequest } from "./support/request";

async function submit(page: Page, job: Record<string, unknown>): Promise<string> {
  const res = await appRequest(page).post("/api/v1/jobs", { data: { projectSlug: "demo", maxRuntimeSeconds: 600, ...job } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The demo's one-click sign-in (slow on a busy machine: it waits longer than an expect's default). */
async function signInAsAna(page: Page) {
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
}

// Three progress reports two seconds apart, then a file in the output folder.
const COMMAND = [
  'echo "warming up"; sleep 2',
  'for s in 1 2 3; do echo "::metric step=$s total=3 loss=$((90 / s))"; sleep 2; done',
  'echo "weights" > "$BENCHTOP_OUTPUT_DIR/model.txt"',
].join("; ");

test("the job page follows a job from the queue to its end without a reload or a poll", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const csp = watchCsp(page);
  await signInAsAna(page);

  // The demo agent has 4 GPUs: this job holds all of them for a while, so the next one waits.
  const blocker = await submit(page, { name: "holds every GPU", command: "sleep 12", gpus: 4 });
  const jobId = await submit(page, { name: "live page e2e", command: COMMAND, gpus: 2 });

  const trpcCalls: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith("/api/trpc/")) trpcCalls.push(decodeURIComponent(url.pathname.slice("/api/trpc/".length)));
  });
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByRole("heading", { level: 1, name: "live page e2e" })).toBeVisible();
  // A mark that a reload or a navigation would wipe.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const waiting = page.getByRole("region", { name: "Waiting in the queue" });
  await expect(waiting).toBeVisible({ timeout: 20_000 });
  await expect(waiting.getByText(/^#\d+$/)).toBeVisible();

  // Placed once the blocker ends; then it runs on two of the agent's GPUs.
  await expect(waiting).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByText("Running", { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Running on")).toBeVisible();
  const gpus = page.getByRole("region", { name: "GPUs" });
  await expect(gpus).toBeVisible();
  await expect(gpus.getByRole("listitem")).toHaveCount(2);

  // Progress and the loss chart move on as the job reports.
  const progress = page.getByRole("progressbar", { name: "Progress" });
  await expect(progress).toBeVisible({ timeout: 20_000 });
  const chart = page.getByRole("figure", { name: "loss" });
  await expect(chart).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", /^(66\.7|100)$/, { timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath("job-page-running.png"), fullPage: true });

  // It ends: state, exit code and the artifact it left arrive by themselves.
  await expect(page.getByText("Succeeded", { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Exit code").first()).toBeVisible();
  const artifacts = page.getByRole("region", { name: "Artifacts" });
  await expect(artifacts.getByRole("link", { name: /model\.txt/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  await page.screenshot({ path: test.info().outputPath("job-page-succeeded.png"), fullPage: true });

  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  // One subscription carried it all: none of the old polls, and no reconnect after the end.
  const procedures = trpcCalls.flatMap((call) => call.split(","));
  expect(procedures.filter((p) => /^jobs\.(get|metrics|artifacts|agents)$/.test(p))).toEqual([]);
  expect(procedures.filter((p) => p === "jobs.watch")).toHaveLength(1);
  await expectNoCspViolations(csp);

  // Someone outside the project: no page, and the stream answers a refusal with nothing of the job.
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await signInByEmail(other, uniqueEmail("outsider"));
  expect((await other.goto(`/jobs/${jobId}`))!.status()).toBe(404);
  const input = encodeURIComponent(JSON.stringify({ json: { jobId } }));
  const refused = await other.request.get(`/api/trpc/jobs.watch?input=${input}`, { headers: { accept: "text/event-stream" } });
  const body = await refused.text();
  expect(body).toContain("NOT_FOUND");
  expect(body).not.toContain("live page e2e");
  expect(body).not.toContain("model.txt");
  await stranger.close();

  await appRequest(page).post(`/api/v1/jobs/${blocker}/cancel`);
});

test("signing out in another tab ends the job page's live stream, which then stops trying", async ({ page, context }) => {
  test.setTimeout(90_000);
  await signInAsAna(page);
  const jobId = await submit(page, { name: "outlives its session", command: "sleep 60", gpus: 0 });
  const watches: string[] = [];
  page.on("request", (req) => {
    if (req.url().includes("/api/trpc/jobs.watch")) watches.push(req.url());
  });
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByRole("heading", { level: 1, name: "outlives its session" })).toBeVisible();
  await expect(page.getByText("Running", { exact: true }).first()).toBeVisible({ timeout: 30_000 });

  const other = await context.newPage();
  await other.goto("/");
  await other.getByRole("button", { name: /Ana Souza/ }).click();
  await other.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/signin/);

  // The page says its live view stopped (the server closes the stream within seconds of the
  // session's end; the one reconnect is refused), offers a sign-in, and does not keep knocking.
  const stopped = page.getByRole("alert").filter({ hasText: "Your session has ended" });
  await expect(stopped).toBeVisible({ timeout: 30_000 });
  await expect(stopped.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(`/jobs/${jobId}`)}`);
  // The log panel's stream ended with the session too: it says so, and offers no reconnect that
  // could not work (the banner's sign-in is the way back).
  await expect(page.getByText("Not live: signed out")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: /reconnect/i })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("job-page-session-ended.png") });
  const tries = watches.length;
  await page.waitForTimeout(8_000);
  expect(watches.length).toBe(tries);
});
