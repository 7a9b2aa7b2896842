// End-to-end tests in Debian's Chromium against production builds of Benchtop, one server per
// mode, each with its own embedded PostgreSQL in a fresh folder (scripts/e2e.sh builds first).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { DEMO_SECRET_KEY } from "./e2e/secrets";
import { E2E_ADMIN_EMAIL } from "./e2e/support/auth";

// A guard: the e2e suite makes and deletes data; it never runs against a database elsewhere.
if (process.env.DATABASE_URL && !/@(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(process.env.DATABASE_URL)) {
  throw new Error("The e2e tests refuse a non-local DATABASE_URL; unset it (each test server starts its own embedded PostgreSQL).");
}

// E2E_PORT_BASE moves all of them (two checkouts testing at once on one machine).
const portBase = Number(process.env.E2E_PORT_BASE ?? 3310);
export const PORTS = { development: portBase + 1, demo: portBase + 2, production: portBase + 3 } as const;
const runDir = (process.env.E2E_RUN_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-e2e-")));
// The demo's local agent runs jobs as nobody (when this runs as root), who must pass through this
// folder to its runs, as through /var/lib on a GPU server; listing it stays closed.
fs.chmodSync(runDir, 0o711);
const distDir = process.env.BENCHTOP_DIST_DIR ?? ".next-e2e";

function server(mode: keyof typeof PORTS) {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    BENCHTOP_MODE: mode,
    BENCHTOP_HOME: path.join(runDir, mode),
    BENCHTOP_DIST_DIR: distDir,
    PORT: String(PORTS[mode]),
    HOST: "127.0.0.1",
    BENCHTOP_URL: `http://localhost:${PORTS[mode]}`,
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  // Sign-in is invite-only: the tests sign in fresh addresses of e2e.benchtop.dev, and one
  // first admin. All of them come from 127.0.0.1, so the per-client link limit is raised.
  env.BENCHTOP_ALLOWED_EMAIL_DOMAINS = "e2e.benchtop.dev";
  env.BENCHTOP_ADMIN_EMAILS = E2E_ADMIN_EMAIL;
  env.BENCHTOP_SIGNIN_LIMIT_PER_CLIENT = "10000";
  delete env.BENCHTOP_SIGNUP;
  if (mode === "production") env.AUTH_SECRET = "e2e-production-secret-0123456789abcdef";
  else delete env.AUTH_SECRET;
  // A key the demo spec can look for in everything the browser receives (see e2e/secrets.ts).
  if (mode === "demo") env.BENCHTOP_SECRET_KEY = DEMO_SECRET_KEY;
  else delete env.BENCHTOP_SECRET_KEY;
  return {
    command: "node --import tsx scripts/start.ts",
    url: `http://localhost:${PORTS[mode]}/api/health`,
    env,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${PORTS.development}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "development", testMatch: /(auth|projects|api|people|csrf)\.spec\.ts/, use: { baseURL: `http://localhost:${PORTS.development}` } },
    { name: "demo", testMatch: /(demo|editor|datasets|notebook)\.spec\.ts/, use: { baseURL: `http://localhost:${PORTS.demo}` } },
    { name: "production", testMatch: /production\.spec\.ts/, use: { baseURL: `http://localhost:${PORTS.production}` } },
  ],
  webServer: [server("development"), server("demo"), server("production")],
});
